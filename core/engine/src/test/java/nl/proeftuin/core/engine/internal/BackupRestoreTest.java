package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

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
 * before anything is written; an existing database is replaced only with --force. Crafted archives
 * (their manifest recomputed, so every checksum matches) are refused with the old node byte for byte
 * as it was: Karaf's own etc/ files or any name a backup never writes, a name twice, a listed entry
 * missing, a database copy holding anything but H2's file; a failure while writing changes nothing.
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
        // a factory configuration as Karaf writes it (a municipality's connector endpoint)
        Files.writeString(etc.resolve("nl.proeftuin.plugins.localteam.rest.MunicipalityEndpoint~arnhem.cfg"),
                "municipality = Arnhem\n");
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
        assertEquals(6, written.entries(), "the database, four etc files and the checkpoints");
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
                "nl.proeftuin.core.engine.internal.NationalIdProtection.cfg",
                "nl.proeftuin.plugins.localteam.rest.MunicipalityEndpoint~arnhem.cfg"}) {
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

        assertEquals(List.of(), leftovers(fresh), "no staging folder stays");

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

    @Test
    void karafsOwnEtcFilesOrAnyOtherNameABackupNeverWritesAreRefusedWithNothingWritten() throws Exception {
        Path archive = data.resolve("backups").resolve(backup.create("nightly.zip", "rik").file());
        Path node = oldNode();
        Map<String, String> before = snapshot(node);
        for (String name : new String[] {"etc/org.apache.karaf.command.acl.shell.cfg", "etc/users.properties",
                "etc/startup.properties", "etc/config.properties", "etc/org.apache.felix.fileinstall-deploy.cfg",
                "etc/proeftuin", "bin/setenv", "data/audit/other", "deploy/evil.jar"}) {
            List<Map.Entry<String, byte[]>> entries = entries(archive);
            entries.add(Map.entry(name, "karaf = karaf,_g_:admingroup\n".getBytes(StandardCharsets.UTF_8)));
            Path crafted = tmp.resolve("crafted.zip");
            Files.deleteIfExists(crafted);
            archive(crafted, entries, listAll(entries));

            Run r = restore(node, "--force", crafted.toString());

            assertEquals(before, snapshot(node), name + ": nothing written");
            assertEquals(1, r.exit(), name + ": " + r.out());
            assertTrue(r.err().contains("refused") && r.err().contains(name), r.err());
        }
    }

    @Test
    void aNameTwiceOrAListedEntryMissingIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path archive = data.resolve("backups").resolve(backup.create("nightly.zip", "rik").file());
        Path node = oldNode();
        Map<String, String> before = snapshot(node);
        List<Map.Entry<String, byte[]>> genuine = entries(archive);
        Map<String, byte[]> listed = listAll(genuine);
        byte[] database = listed.get(BackupArchive.DATABASE);

        // The database twice, a listed etc file left out: as many entries as the manifest lists.
        List<Map.Entry<String, byte[]>> twice = new ArrayList<>(genuine);
        twice.removeIf(e -> e.getKey().equals("etc/proeftuin-users.properties"));
        twice.add(Map.entry(BackupArchive.DATABASE, database));
        Path crafted = tmp.resolve("twice.zip");
        archive(crafted, twice, listed);
        Run r = restore(node, "--force", crafted.toString());
        assertEquals(before, snapshot(node), "nothing written");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("refused") && r.err().contains(BackupArchive.DATABASE + " is in the archive twice"), r.err());

        // The manifest twice (a second one listing other files).
        List<Map.Entry<String, byte[]>> manifests = new ArrayList<>(genuine);
        manifests.add(Map.entry(BackupArchive.MANIFEST, "{}".getBytes(StandardCharsets.UTF_8)));
        crafted = tmp.resolve("manifests.zip");
        archive(crafted, manifests, listed);
        r = restore(node, "--force", crafted.toString());
        assertEquals(before, snapshot(node), "nothing written");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains(BackupArchive.MANIFEST + " is in the archive twice"), r.err());

        // A listed entry missing.
        List<Map.Entry<String, byte[]>> missing = new ArrayList<>(genuine);
        missing.removeIf(e -> e.getKey().equals("etc/proeftuin-users.properties"));
        crafted = tmp.resolve("missing.zip");
        archive(crafted, missing, listed);
        r = restore(node, "--force", crafted.toString());
        assertEquals(before, snapshot(node), "nothing written");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("lacks") && r.err().contains("etc/proeftuin-users.properties"), r.err());
    }

    @Test
    void aDatabaseCopyHoldingAnythingButH2sFileIsRefusedBeforeTheOldDatabaseIsTouched() throws Exception {
        Path archive = data.resolve("backups").resolve(backup.create("nightly.zip", "rik").file());
        Path node = oldNode();
        Map<String, String> before = snapshot(node);
        List<Map.Entry<String, byte[]>> h2 = unzip(listAll(entries(archive)).get(BackupArchive.DATABASE));
        assertEquals(List.of(BackupArchive.H2_DATABASE_FILE), h2.stream().map(Map.Entry::getKey).toList(),
                "H2's BACKUP TO writes the one file");
        byte[] mvDb = h2.get(0).getValue();
        byte[] evil = "evil".getBytes(StandardCharsets.UTF_8);
        Map<String, List<Map.Entry<String, byte[]>>> copies = new LinkedHashMap<>();
        copies.put("../evil", List.of(Map.entry("proeftuin.mv.db", mvDb), Map.entry("../evil", evil)));
        copies.put("evil.txt", List.of(Map.entry("proeftuin.mv.db", mvDb), Map.entry("evil.txt", evil)));
        copies.put("proeftuin.lock.db", List.of(Map.entry("proeftuin.mv.db", mvDb), Map.entry("proeftuin.lock.db", evil)));
        copies.put("sub/", List.of(Map.entry("proeftuin.mv.db", mvDb), Map.entry("sub/", new byte[0])));
        copies.put("proeftuin.mv.db twice", List.of(Map.entry("proeftuin.mv.db", mvDb), Map.entry("proeftuin.mv.db", evil)));
        copies.put("no proeftuin.mv.db", List.of(Map.entry("other.mv.db", mvDb)));
        for (Map.Entry<String, List<Map.Entry<String, byte[]>>> copy : copies.entrySet()) {
            byte[] nested = zip(copy.getValue());
            List<Map.Entry<String, byte[]>> entries = entries(archive);
            entries.replaceAll(e -> e.getKey().equals(BackupArchive.DATABASE) ? Map.entry(e.getKey(), nested) : e);
            Path crafted = tmp.resolve("crafted.zip");
            Files.deleteIfExists(crafted);
            archive(crafted, entries, listAll(entries));

            Run r = restore(node, "--force", crafted.toString());

            assertEquals(before, snapshot(node), copy.getKey() + ": the old database and files as they were");
            assertEquals(1, r.exit(), copy.getKey() + ": " + r.out());
            assertTrue(r.err().contains("refused") && r.err().contains("database copy"), copy.getKey() + ": " + r.err());
        }
    }

    @Test
    void aFailureWhileWritingLeavesTheOldDatabaseAndFilesAsTheyWere() throws Exception {
        Path archive = data.resolve("backups").resolve(backup.create("nightly.zip", "rik").file());
        Path node = oldNode();
        // data/audit/ cannot take the checkpoints (a file where the folder belongs): written last
        Path audit = node.resolve("data/audit");
        Files.delete(audit.resolve("access-log-checkpoints"));
        Files.delete(audit);
        Files.writeString(audit, "not a folder");
        Map<String, String> before = snapshot(node);

        Run r = restore(node, "--force", archive.toString());

        assertEquals(before, snapshot(node), "the old database and etc files as they were, no staging folder left");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("nothing was changed"), r.err());
    }

    /** A node restored into before: its own database, etc files (Karaf's too) and checkpoints. */
    private Path oldNode() throws IOException {
        Path node = tmp.resolve("old");
        Files.createDirectories(node.resolve("etc"));
        Files.createDirectories(node.resolve("data/proeftuin"));
        Files.createDirectories(node.resolve("data/audit"));
        Files.writeString(node.resolve("etc/proeftuin-users.properties"), "old = {CRYPT}old{CRYPT},REGIONAL_ADMINISTRATOR\n");
        Files.writeString(node.resolve("etc/users.properties"), "karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group\n");
        Files.writeString(node.resolve("etc/org.apache.karaf.command.acl.shell.cfg"), "exec = admin\n");
        Files.writeString(node.resolve("data/proeftuin/proeftuin.mv.db"), "the old database");
        Files.writeString(node.resolve("data/audit/access-log-checkpoints"), "old checkpoints\n");
        return node;
    }

    /** Every file and folder under a node, with its content's SHA-256. */
    private static Map<String, String> snapshot(Path node) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(node)) {
            for (Path p : paths.toList()) {
                all.put(node.relativize(p).toString(), Files.isDirectory(p) ? "folder" : BackupArchive.sha256(p));
            }
        }
        return all;
    }

    /** Staging folders (.restore-*) left anywhere under a node. */
    private static List<String> leftovers(Path node) throws IOException {
        try (Stream<Path> paths = Files.walk(node)) {
            return paths.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".restore")).toList();
        }
    }

    /** An archive's entries but the manifest, in order. */
    private static List<Map.Entry<String, byte[]>> entries(Path archive) throws IOException {
        List<Map.Entry<String, byte[]>> all = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry z = e.nextElement();
                if (!z.getName().equals(BackupArchive.MANIFEST)) {
                    try (InputStream in = zip.getInputStream(z)) {
                        all.add(Map.entry(z.getName(), in.readAllBytes()));
                    }
                }
            }
        }
        return all;
    }

    private static List<Map.Entry<String, byte[]>> unzip(byte[] zip) throws IOException {
        List<Map.Entry<String, byte[]>> all = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.add(Map.entry(e.getName(), in.readAllBytes()));
            }
        }
        return all;
    }

    /** Each name once, with its first content. */
    private static Map<String, byte[]> listAll(List<Map.Entry<String, byte[]>> entries) {
        Map<String, byte[]> listed = new LinkedHashMap<>();
        entries.forEach(e -> listed.putIfAbsent(e.getKey(), e.getValue()));
        return listed;
    }

    /** A crafted archive: these entries (a name may come twice), then a manifest listing {@code listed} with matching checksums. */
    private static void archive(Path to, List<Map.Entry<String, byte[]>> entries, Map<String, byte[]> listed) throws IOException {
        List<BackupArchive.Entry> manifest = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : listed.entrySet()) {
            manifest.add(new BackupArchive.Entry(e.getKey(), e.getValue().length,
                    java.util.HexFormat.of().formatHex(BackupArchive.sha256().digest(e.getValue()))));
        }
        List<Map.Entry<String, byte[]>> all = new ArrayList<>(entries);
        all.add(Map.entry(BackupArchive.MANIFEST, new ObjectMapper().writeValueAsBytes(new BackupArchive.Manifest(
                BackupArchive.FORMAT, "0.1.0", "abc123", "36", "H2", "2027-03-12T09:00:00Z", "rik", manifest))));
        Files.write(to, zip(all));
    }

    /**
     * A zip of these entries. ZipOutputStream refuses a name twice, so a repeated name is written with its last
     * character replaced by \u0001 and put back in the bytes afterwards (local header and central directory).
     */
    private static byte[] zip(List<Map.Entry<String, byte[]>> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries) {
                String name = e.getKey();
                if (!seen.add(name)) {
                    twice.add(name);
                    name = name.substring(0, name.length() - 1) + "\u0001";
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        byte[] zip = bytes.toByteArray();
        for (String name : twice) {
            byte[] real = name.getBytes(StandardCharsets.UTF_8);
            byte[] stand = (name.substring(0, name.length() - 1) + "\u0001").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + stand.length <= zip.length; i++) {
                if (java.util.Arrays.equals(zip, i, i + stand.length, stand, 0, stand.length)) {
                    System.arraycopy(real, 0, zip, i, real.length);
                }
            }
        }
        return zip;
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
