package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcAccessLogStore;
import nl.proeftuin.core.store.internal.JdbcBackupStore;
import nl.proeftuin.testing.TestClock;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's daily backup (decision 0061) on a real H2 database with the real archive writer and access
 * log: the archive is written, logged and restorable; only scheduled archives beyond the newest
 * {@code keep} are deleted, and only after the new one is logged; an archive the access log cannot
 * record does not stay; the schedule keeps to the local time across summer and winter time.
 */
class ScheduledBackupTest {
    @TempDir
    Path tmp;
    private Path data;
    private Path backups;
    private Database database;
    private TestClock clock;
    private HashChainedAccessLog log;
    private NodeBackupService writer;

    @BeforeEach
    void node() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        data = Files.createDirectories(tmp.resolve("data"));
        backups = data.resolve("backups");
        Files.writeString(etc.resolve("proeftuin-access-log.key"), "k".repeat(64));
        database = TestDatabases.h2(data.resolve("proeftuin"));
        clock = new TestClock(Instant.parse("2027-03-12T01:30:00Z"));
        log = new HashChainedAccessLog(database, new JdbcAccessLogStore(), clock, "node-a");
        writer = new NodeBackupService(database, new JdbcBackupStore(), etc, data, "0.4.0", "abc", clock);
    }

    @AfterEach
    void close() {
        TestDatabases.close(database);
    }

    private ScheduledBackup schedule(int keep, AccessLog accessLog) {
        return new ScheduledBackup("02:30", "Europe/Amsterdam", keep, writer, accessLog, backups, clock, false);
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> all = Files.list(backups)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).sorted().toList();
        }
    }

    private List<AccessLogEntry> logged() {
        return log.query(new AccessLogQuery(null, null, ScheduledBackup.ACTOR, null, null, AccessAction.EXPORT, null,
                null, 100));
    }

    @Test
    void aRunWritesARestorableArchiveAndLogsItAsAnExport() throws Exception {
        BackupFile written = schedule(7, log).runOnce();

        assertNotNull(written);
        assertEquals("proeftuin-scheduled-20270312T013000Z.zip", written.file());
        assertEquals(List.of(written.file()), archives());
        BackupArchive.verify(backups.resolve(written.file())); // throws for an archive that does not match its manifest
        List<AccessLogEntry> entries = logged();
        assertEquals(1, entries.size());
        assertEquals(AccessEvent.SUCCESS, entries.get(0).outcome());
        assertTrue(entries.get(0).detail().contains(written.file()) && entries.get(0).detail().contains(written.sha256()),
                entries.get(0).detail());
    }

    @Test
    void onlyScheduledArchivesBeyondKeepAreDeletedAndOnlyAfterTheNewOneIsLogged() throws Exception {
        ScheduledBackup backup = schedule(3, log);
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("proeftuin-backup-20270101T000000Z.zip"), "by hand");
        Files.writeString(backups.resolve("nightly.zip"), "by hand");
        Files.writeString(backups.resolve("proeftuin-scheduled-2027.zip"), "not a scheduled name");
        for (int day = 0; day < 5; day++) {
            assertNotNull(backup.runOnce());
            clock.advance(Duration.ofDays(1));
        }

        assertEquals(List.of("nightly.zip", "proeftuin-backup-20270101T000000Z.zip", "proeftuin-scheduled-2027.zip",
                "proeftuin-scheduled-20270314T013000Z.zip", "proeftuin-scheduled-20270315T013000Z.zip",
                "proeftuin-scheduled-20270316T013000Z.zip"), archives(), "the newest three scheduled, and every other file");
        List<AccessLogEntry> entries = logged();
        assertEquals(5, entries.size());
        assertTrue(entries.stream().anyMatch(e -> e.detail().contains("deletes 1 older scheduled archive(s): "
                + "proeftuin-scheduled-20270312T013000Z.zip")), entries.toString());
    }

    @Test
    void anArchiveTheAccessLogCannotRecordIsDeletedAgainAndNothingIsPruned() throws Exception {
        ScheduledBackup first = schedule(1, log);
        assertNotNull(first.runOnce());
        clock.advance(Duration.ofDays(1));
        AtomicBoolean refused = new AtomicBoolean();
        AccessLog failing = (AccessLog) java.lang.reflect.Proxy.newProxyInstance(AccessLog.class.getClassLoader(),
                new Class<?>[] {AccessLog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        refused.set(true);
                        throw new IllegalStateException("access log unavailable");
                    }
                    return method.invoke(log, args);
                });

        assertNull(schedule(1, failing).runOnce());

        assertTrue(refused.get());
        assertEquals(List.of("proeftuin-scheduled-20270312T013000Z.zip"), archives(),
                "the unlogged archive is gone and the logged one stays, although keep is 1");
        assertNull(schedule(1, null).runOnce(), "no access log at all: not even written");
        assertEquals(List.of("proeftuin-scheduled-20270312T013000Z.zip"), archives());
    }

    @Test
    void aFailedRunKeepsEveryArchiveAndIsLoggedAsAFailure() throws Exception {
        ScheduledBackup backup = schedule(1, log);
        assertNotNull(backup.runOnce());

        assertNull(backup.runOnce(), "the same second: the name exists, the writer refuses it");

        assertEquals(List.of("proeftuin-scheduled-20270312T013000Z.zip"), archives());
        assertEquals(List.of(AccessEvent.FAILURE, AccessEvent.SUCCESS),
                logged().stream().map(AccessLogEntry::outcome).sorted().toList());
    }

    @Test
    void theScheduleKeepsToTheLocalTimeAcrossSummerAndWinterTime() {
        ScheduledBackup backup = schedule(7, log);
        // winter (UTC+1): 02:30 local is 01:30 UTC; just before and just after it
        assertEquals(Instant.parse("2027-03-12T01:30:00Z"), backup.nextRun(Instant.parse("2027-03-12T01:29:59Z")));
        assertEquals(Instant.parse("2027-03-13T01:30:00Z"), backup.nextRun(Instant.parse("2027-03-12T01:30:00Z")));
        // clocks go forward on 28 March 2027: 02:30 does not exist, the run is at 03:30 summer time, once
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), backup.nextRun(Instant.parse("2027-03-27T02:00:00Z")));
        assertEquals(Instant.parse("2027-03-29T00:30:00Z"), backup.nextRun(Instant.parse("2027-03-28T01:30:00Z")));
        // clocks go back on 31 October 2027: 02:30 happens twice, the run is at the first, once
        assertEquals(Instant.parse("2027-10-31T00:30:00Z"), backup.nextRun(Instant.parse("2027-10-30T12:00:00Z")));
        assertEquals(Instant.parse("2027-11-01T01:30:00Z"), backup.nextRun(Instant.parse("2027-10-31T00:30:00Z")));
        assertEquals(Instant.parse("2027-11-01T01:30:00Z"), backup.nextRun(Instant.parse("2027-10-31T01:45:00Z")),
                "not again at the second 02:30");
        assertEquals(Instant.parse("2027-10-31T00:30:00Z"), backup.previousRun(Instant.parse("2027-10-31T01:45:00Z")));
        assertEquals(Instant.parse("2027-03-11T01:30:00Z"), backup.previousRun(Instant.parse("2027-03-12T01:29:59Z")));
    }

    @Test
    void aRunMissedWhileTheNodeWasDownIsMadeUpSoonAfterTheStart() throws Exception {
        assertNotNull(schedule(7, log).runOnce()); // 12 March, 01:30 UTC
        clock.advance(Duration.ofDays(2).plusHours(6)); // down over two scheduled times
        ScheduledBackup running = new ScheduledBackup("02:30", "Europe/Amsterdam", 7, writer, log, backups, clock, true);
        try {
            assertTrue(running.pendingRun().isPresent());
            assertEquals(clock.instant().plus(ScheduledBackup.CATCH_UP), running.pendingRun().get());
        } finally {
            running.stop();
        }
        clock.advance(Duration.ofHours(1)); // after the next scheduled time: nothing missed
        assertNotNull(schedule(7, log).runOnce());
        ScheduledBackup current = new ScheduledBackup("02:30", "Europe/Amsterdam", 7, writer, log, backups, clock, true);
        try {
            assertEquals(current.nextRun(clock.instant()), current.pendingRun().orElseThrow());
        } finally {
            current.stop();
        }
        // a node that never wrote a scheduled archive waits for the first scheduled time
        ScheduledBackup fresh = new ScheduledBackup("02:30", "Europe/Amsterdam", 7, writer, log, tmp.resolve("none"), clock,
                true);
        try {
            assertEquals(fresh.nextRun(clock.instant()), fresh.pendingRun().orElseThrow());
        } finally {
            fresh.stop();
        }
    }

    @Test
    void aCallerCannotChooseTheSchedulesNames() throws Exception {
        for (String name : new String[] {"proeftuin-scheduled-99999999T999999Z.zip", "proeftuin-scheduled-20270312T013000Z.zip",
                "Proeftuin-Scheduled-20270312T013000Z.zip", "proeftuin-scheduled-mine.zip"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> writer.create(name, "rik"), name);
            assertEquals("file", refused.field());
            assertTrue(refused.reason().contains("proeftuin-scheduled-") && refused.reason().contains("scheduled backup's own"),
                    refused.reason());
        }
        assertFalse(Files.exists(backups), "nothing written");
        assertNotNull(writer.create("proeftuin-backup-mine.zip", "rik"), "any other name is the caller's");
        assertNotNull(schedule(7, log).runOnce(), "the schedule writes its own");
    }

    @Test
    void aFileNamedLikeAScheduledArchiveWhoseTimeIsNoTimeIsSkippedNotFailingTheStart() throws Exception {
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("proeftuin-scheduled-99999999T999999Z.zip"), "by hand");
        Files.writeString(backups.resolve("proeftuin-scheduled-20271399T013000Z.zip"), "by hand");

        ScheduledBackup running = new ScheduledBackup("02:30", "Europe/Amsterdam", 1, writer, log, backups, clock, true);
        try {
            assertEquals(running.nextRun(clock.instant()), running.pendingRun().orElseThrow(),
                    "started, as a node that never wrote a scheduled archive");
        } finally {
            running.stop();
        }
        ScheduledBackup backup = schedule(1, log);
        assertNotNull(backup.runOnce());
        clock.advance(Duration.ofDays(1));
        assertNotNull(backup.runOnce());

        assertEquals(List.of("proeftuin-scheduled-20270313T013000Z.zip", "proeftuin-scheduled-20271399T013000Z.zip",
                "proeftuin-scheduled-99999999T999999Z.zip"), archives(), "neither counted nor deleted");
    }

    @Test
    void aBadSettingFailsTheActivation() {
        for (String time : new String[] {"", "25:00", "2:30am", null}) {
            assertThrows(IllegalArgumentException.class, () -> new ScheduledBackup(time, "Europe/Amsterdam", 7, writer, log,
                    backups, Clock.systemUTC(), false), String.valueOf(time));
        }
        assertThrows(IllegalArgumentException.class, () -> new ScheduledBackup("02:30", "Mars/Olympus", 7, writer, log,
                backups, Clock.systemUTC(), false));
        for (int keep : new int[] {0, -1, 367}) {
            assertThrows(IllegalArgumentException.class, () -> new ScheduledBackup("02:30", "Europe/Amsterdam", keep, writer,
                    log, backups, Clock.systemUTC(), false), "keep " + keep);
        }
        assertFalse(Files.exists(backups), "nothing written");
    }
}
