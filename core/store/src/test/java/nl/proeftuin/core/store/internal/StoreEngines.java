package nl.proeftuin.core.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.util.OsgiDataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The two databases the store's contract tests run on: H2 as shipped (a file in a temporary folder,
 * removed afterwards) and an embedded PostgreSQL. A test's nested {@code OnH2} / {@code OnPostgreSql}
 * classes start and stop one of these.
 */
final class StoreEngines {
    private StoreEngines() {
    }

    /** H2 in a temporary folder, as the distribution configures it. */
    static final class H2 {
        private final String prefix;
        private Path dir;

        H2(String prefix) {
            this.prefix = prefix;
        }

        JdbcDatabase start() throws Exception {
            dir = Files.createTempDirectory(prefix);
            return new JdbcDatabase(ShippedConfig.h2Settings(dir), new OsgiDataSourceFactory(new org.h2.Driver()));
        }

        void stop() throws Exception {
            if (dir != null) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** An embedded PostgreSQL of its own. */
    static final class Postgres {
        private EmbeddedPostgres postgres;

        JdbcDatabase start() throws Exception {
            postgres = EmbeddedPostgres.builder().start();
            return new JdbcDatabase(new JdbcDatabase.Settings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    4, 5_000), new PGDataSourceFactory());
        }

        void stop() throws Exception {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
