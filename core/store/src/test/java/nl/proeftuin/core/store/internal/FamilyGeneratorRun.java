package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * bench/families.sh's generation step, run as a test so that it has the store's classes: migrates the
 * PostgreSQL database at {@code proeftuin.families.url} (user/password {@code proeftuin.families.user},
 * {@code .password}) as the platform does, writes {@code proeftuin.families} families with
 * {@link FamilyGenerator} (sealed with the key file {@code proeftuin.families.key} when given), runs
 * VACUUM ANALYZE, and prints its speed. Skipped (not failed) without the URL, so the normal build skips it.
 */
class FamilyGeneratorRun {

    @Test
    void generate() throws Exception {
        String url = System.getProperty("proeftuin.families.url");
        assumeTrue(url != null && !url.isBlank(), "bench/families.sh sets proeftuin.families.url");
        int families = Integer.getInteger("proeftuin.families", 20_000);
        JdbcDatabase db = new JdbcDatabase(new JdbcDatabase.Settings(url, System.getProperty("proeftuin.families.user",
                "postgres"), System.getProperty("proeftuin.families.password", ""), 2, 60_000), new PGDataSourceFactory());
        try {
            FamilyGenerator generator = new FamilyGenerator(families, Long.getLong("proeftuin.families.seed", 13))
                    .entriesPerFamily(Integer.getInteger("proeftuin.families.entries", 8));
            String key = System.getProperty("proeftuin.families.key");
            if (key != null && !key.isBlank()) {
                generator.sealedWith(Files.readString(Path.of(key)));
            }
            FamilyGenerator.Result r = db.read(generator::generate);
            System.out.println("[families] generated " + r);
            System.out.printf(Locale.ROOT, "[families] of which re-creating the indexes: %.1f s%n",
                    generator.indexMillis / 1000.0);
            System.out.printf(Locale.ROOT, "[families] of which the case_summary rows (%d): %.1f s%n",
                    generator.summaries, generator.summaryMillis / 1000.0);
            long t0 = System.nanoTime();
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                return null;
            });
            System.out.printf(Locale.ROOT, "[families] VACUUM ANALYZE: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            System.out.println("[families] sample: family name " + FamilyGenerator.familyName(7) + ", professional "
                    + FamilyGenerator.professional(7) + ", municipality " + generator.municipalities().get(7));
        } finally {
            db.close();
        }
    }
}
