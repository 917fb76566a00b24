package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcBackupStore;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's backup on a real H2 file database (migrated by the real JdbcDatabase) and its offline
 * restore into a fresh node's folders: the files come back 0600 with the same content and the
 * database opens at the same schema version; a changed, truncated or extended archive is refused
 * before anything is written; an existing database is replaced only with --force.
 */
class BackupRestoreTest {
    @TempDir
    Path tmp;
    private Path etc;
    private Path data;
    private Database database;
    private NodeBackupService backup;

    @BeforeEach
    void node() throws Exception {
        etc = Files.createDirectories(tmp.resolve("node/etc"));
        data = Files.createDirectories(tmp.resolve("node/data"));
        Files.writeString(etc.resolve("proeftuin-users.properties"), "rik = {CRYPT}pbkdf2sha256.1.aa.bb{CRYPT},REGIONAL_ADMINISTRATOR\n");
        Files.writeString(etc.resolve("proeftuin-access-log.key"), "k".repeat(64));
        Files.writeString(etc.resolve("nl.proeftuin.core.engine.internal.NationalIdProtection.cfg"), "key = c2VjcmV0\n");
        Files.writeString(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = 8181\n");
        Files.createDirectories(data.resolve("audit"));
        Files.writeString(data.resolve("audit/access-log-checkpoints"), "v1 1 abc 2027-01-01T00:00:00Z mac\n");
        database = TestDatabases.h2(data.resolve("proeftuin"));
        backup = new NodeBackupService(database, new JdbcBackupStore(), etc, data, "0.1.0", "abc123",
                Clock.fixed(Instant.parse("2027-03-12T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        TestDatabases.close(database);
    }

    record Run(int exit, String out, String err) {
    }

    private static Run restore(Path node, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RestoreTool.run(args, node.resolve("etc"), node.resolve("data"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aBackupRestoresIntoAFreshNodeWithTheSameFilesAndDatabase() throws Exception {
        BackupFile written = backup.create(null, "rik");
        Path archive = data.resolve("backups").resolve(written.file());
        assertEquals("proeftuin-backup-20270312T090000Z.zip", written.file());
        assertEquals(Files.size(archive), written.size());
        assertEquals(BackupArchive.sha256(archive), written.sha256());
        assertEquals("rw-------", mode(archive));
        assertEquals(5, written.entries(), "the database, three etc files and the checkpoints");
        BackupArchive.Manifest manifest = BackupArchive.verify(archive);
        assertEquals("0.1.0", manifest.platformVersion());
        assertEquals("abc123", manifest.gitRevision());
        assertEquals(database.check().schemaVersion(), manifest.schemaVersion());
        assertFalse(manifest.entries().stream().anyMatch(e -> e.name().contains("pax.web")), "only the platform's etc files");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertEquals(BackupArchive.MANIFEST, java.util.Collections.list(zip.entries()).get(manifest.entries().size()).getName());
        }

        Path fresh = tmp.resolve("fresh");
        Run restored = restore(fresh, archive.toString());
        assertEquals(0, restored.exit(), restored.err());
        for (String name : new String[] {"proeftuin-users.properties", "proeftuin-access-log.key",
                "nl.proeftuin.core.engine.internal.NationalIdProtection.cfg"}) {
            assertEquals(Files.readString(etc.resolve(name)), Files.readString(fresh.resolve("etc").resolve(name)), name);
            assertEquals("rw-------", mode(fresh.resolve("etc").resolve(name)), name);
        }
        assertFalse(Files.exists(fresh.resolve("etc/org.ops4j.pax.web.cfg")));
        assertEquals(Files.readString(data.resolve("audit/access-log-checkpoints")),
                Files.readString(fresh.resolve("data/audit/access-log-checkpoints")));
        Path db = fresh.resolve("data/proeftuin/proeftuin.mv.db");
        assertEquals("rw-------", mode(db));
        Database again = TestDatabases.h2(fresh.resolve("data/proeftuin"));
        try {
            assertEquals(database.check().schemaVersion(), again.check().schemaVersion());
        } finally {
            TestDatabases.close(again);
        }

        // A database is there now: not replaced without --force, replaced with it.
        Run refused = restore(fresh, archive.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(0, restore(fresh, "--force", archive.toString()).exit());

        // A running node (H2's lock file): refused even with --force.
        Files.writeString(fresh.resolve("data/proeftuin/proeftuin.lock.db"), "");
        Run running = restore(fresh, "--force", archive.toString());
        assertEquals(1, running.exit());
        assertTrue(running.err().contains("stop it first"), running.err());
    }

    @Test
    void aChangedTruncatedOrExtendedArchiveIsRefusedWithNothingWritten() throws Exception {
        Path archive = data.resolve("backups").resolve(backup.create("nightly.zip", "rik").file());
        Path fresh = tmp.resolve("fresh");

        // One etc file changed (the manifest kept): its checksum no longer matches.
        Path changed = tmp.resolve("changed.zip");
        copyZip(archive, changed, "etc/proeftuin-users.properties", "rik = {CRYPT}mine{CRYPT},REGIONAL_ADMINISTRATOR\n", null);
        Run r = restore(fresh, changed.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("refused") && r.err().contains("etc/proeftuin-users.properties"), r.err());

        // Cut off halfway (a copy that broke off).
        Path truncated = tmp.resolve("truncated.zip");
        byte[] all = Files.readAllBytes(archive);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        r = restore(fresh, truncated.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("refused"), r.err());

        // An entry the manifest does not list.
        Path extended = tmp.resolve("extended.zip");
        copyZip(archive, extended, null, null, "etc/proeftuin-extra.properties");
        r = restore(fresh, extended.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("not in the manifest"), r.err());

        assertFalse(Files.exists(fresh), "nothing written");
    }

    @Test
    void aBadOrTakenFileNameIsRefused() throws Exception {
        assertThrows(InvalidInputException.class, () -> backup.create("../outside.zip", "rik"));
        assertThrows(InvalidInputException.class, () -> backup.create("backup.tar", "rik"));
        backup.create("once.zip", "rik");
        assertThrows(InvalidInputException.class, () -> backup.create("once.zip", "rik"));
        assertFalse(Files.exists(data.resolve("outside.zip")));
    }

    @Test
    void onPostgreSqlTheBackupIsRefusedPointingToPgDump() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Database pg = TestDatabases.postgres(postgres);
            try {
                NodeBackupService onPg = new NodeBackupService(pg, new JdbcBackupStore(), etc, data, "0.1.0", "", Clock.systemUTC());
                RuleViolationException refused = assertThrows(RuleViolationException.class, () -> onPg.create(null, "rik"));
                assertEquals("backup-postgresql", refused.rule());
                assertTrue(refused.getMessage().contains("pg_dump"), refused.getMessage());
                assertFalse(Files.exists(data.resolve("backups")), "nothing written");
            } finally {
                TestDatabases.close(pg);
            }
        }
    }

    /** A copy of a zip with one entry's content replaced and/or one entry added. */
    private static void copyZip(Path from, Path to, String replace, String content, String add) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream o = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(o)) {
            for (Enumeration<? extends ZipEntry> all = in.entries(); all.hasMoreElements();) {
                ZipEntry e = all.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(replace)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream s = in.getInputStream(e)) {
                        s.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (add != null) {
                out.putNextEntry(new ZipEntry(add));
                out.write("x".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
