package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BSN stored by the previous release (core/store's upgrade fixture, decision 0025) is still found
 * after this release's migrations, through the node's BSN key from its etc/: the key is per
 * installation, so an upgrade that lost it (or a migration that touched the digests) would make every
 * stored BSN unmatchable.
 */
class UpgradedNationalIdTest {
    static final Path FIXTURE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("../store/src/test/resources/upgrade/0.1.0").normalize();

    @TempDir
    Path dir;

    @Test
    void aBsnOfThePreviousReleaseStillMatchesWithTheNodesKey() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("proeftuin").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + FIXTURE.resolve("database.sql") + "'");
        }
        Properties expected = load(FIXTURE.resolve("expected.properties"));
        Properties keyFile = load(FIXTURE.resolve("etc/nl.proeftuin.core.engine.internal.NationalIdProtection.cfg"));
        NationalIdProtection protection = new NationalIdProtection(Base64.getDecoder().decode(keyFile.getProperty(".key").strip()));
        Database database = TestDatabases.h2(dir); // this release's migrations run here
        try {
            JdbcFamilyStore persons = new JdbcFamilyStore();
            for (String who : new String[] {"mother", "child"}) {
                String digest = protection.lookupDigest(expected.getProperty("person." + who + ".bsn"));
                Optional<String> found = database.read(c -> persons.personIdByNationalIdDigest(c, digest));
                assertEquals(Optional.of(expected.getProperty("person." + who)), found, who);
                String stored = database.read(c -> persons.person(c, found.orElseThrow())).orElseThrow().toString();
                assertEquals(false, stored.contains(expected.getProperty("person." + who + ".bsn")), "never in clear text");
            }
            assertEquals(Optional.empty(), database.read(c -> persons.personIdByNationalIdDigest(c,
                    new NationalIdProtection(NationalIdProtectionTest.randomKey()).lookupDigest(expected.getProperty("person.mother.bsn")))),
                    "another installation's key does not match: the key must come along");
        } finally {
            TestDatabases.close(database);
        }
    }

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
