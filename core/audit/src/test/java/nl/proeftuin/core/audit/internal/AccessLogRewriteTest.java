package nl.proeftuin.core.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with database access (but not the key file in etc/ or the checkpoint file) rewrites the log
 * with plain SQL as a careful forger would, keeping the SHA-256 chain consistent: each rewrite is found.
 * Before the MAC, the checkpoints and the person-row check, verification called each of these intact.
 */
class AccessLogRewriteTest extends AuditTestBase {

    TestClock clock;
    Path files;
    HashChainedAccessLog log;

    @BeforeEach
    void freshLog() throws Exception {
        emptyLog();
        clock = new TestClock(START);
        files = Files.createTempDirectory("audit-seal");
        log = start();
    }

    /** The log as a node starts it: key file and checkpoint file outside the database; a checkpoint every 5 entries. */
    HashChainedAccessLog start() throws Exception {
        return new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "node-a", seal(), 5, Duration.ofHours(1));
    }

    AuditSeal seal() throws Exception {
        return AuditSeal.open(files.resolve("etc/proeftuin-access-log.key"), files.resolve("data/audit/checkpoints"));
    }

    List<AccessLogEntry> appendTen() {
        List<AccessLogEntry> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            out.add(log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "user" + i, "User " + i,
                    "PROFESSIONAL", null, "care", List.of("p" + (i % 3)), null, "person", "p" + (i % 3), "req-" + i,
                    "GET /persons/{personId}")));
        }
        // as a node's indexer would within 200 ms: the person rows written (decision 0054)
        log.indexPersonsNow();
        return out;
    }

    @Test
    void anUntouchedLogIsIntactAlsoAfterARestart() throws Exception {
        appendTen();
        assertTrue(log.verify().intact(), log.verify().reason());
        log.deactivate();
        HashChainedAccessLog again = start();
        ChainVerification result = again.verify();
        assertTrue(result.intact(), result.reason());
        assertEquals(10, result.entriesChecked());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(files.resolve("etc/proeftuin-access-log.key"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(files.resolve("data/audit/checkpoints"))));
    }

    /** Attack 1: cut the tail and move the head row back to the new last entry. */
    @Test
    void aCutTailWithAMovedHeadIsFound() throws Exception {
        List<AccessLogEntry> entries = appendTen();
        sql("DELETE FROM access_log_person WHERE seq_no >= 9");
        sql("DELETE FROM access_log WHERE seq_no >= 9");
        sql("UPDATE access_log_head SET last_seq = 8, last_hash = ? WHERE head_id = 1", entries.get(7).hash());
        ChainVerification result = log.verify();
        assertFalse(result.intact(), "the chain was cut unnoticed");
        assertEquals(9L, result.firstBrokenSeq());
        assertTrue(result.reason().contains("removed from the end"), result.reason());
        // a restart does not forget: the checkpoint is outside the database
        assertFalse(start().verify().intact());
    }

    /** Fewer than N entries, but T seconds passed: the head is anchored all the same. */
    @Test
    void theHeadIsAnchoredAfterTSecondsToo() throws Exception {
        log = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "node-a", seal(), 1000, Duration.ofSeconds(10));
        List<AccessLogEntry> entries = appendTen(); // one a second: the tenth comes 10 s after the start
        sql("DELETE FROM access_log_person WHERE seq_no >= 10");
        sql("DELETE FROM access_log WHERE seq_no >= 10");
        sql("UPDATE access_log_head SET last_seq = 9, last_hash = ? WHERE head_id = 1", entries.get(8).hash());
        ChainVerification result = log.verify();
        assertFalse(result.intact());
        assertEquals(10L, result.firstBrokenSeq());
    }

    /** The last entries before a shutdown are anchored on shutdown, though fewer than N were written. */
    @Test
    void entriesAnchoredOnShutdownCannotBeCut() throws Exception {
        List<AccessLogEntry> entries = appendTen();
        clock.advance(Duration.ofSeconds(1));
        log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "late", null, null, null, null, null, null,
                null, null, null, null));
        log.deactivate();
        sql("DELETE FROM access_log_person WHERE seq_no = 11");
        sql("DELETE FROM access_log WHERE seq_no = 11");
        sql("UPDATE access_log_head SET last_seq = 10, last_hash = ? WHERE head_id = 1", entries.get(9).hash());
        ChainVerification result = start().verify();
        assertFalse(result.intact());
        assertEquals(11L, result.firstBrokenSeq());
    }

    /** Attack 2: change an entry and recompute the SHA-256 chain from there to the head. */
    @Test
    void aRewrittenAndRecomputedChainIsFound() throws Exception {
        List<AccessLogEntry> entries = appendTen();
        String prev = rewriteAndRecompute(entries, 4, "innocent", false);
        sql("UPDATE access_log_head SET last_hash = ? WHERE head_id = 1", prev);
        assertEquals("innocent", log.query(AccessLogQuery.all(100)).get(3).userId());
        ChainVerification result = log.verify();
        assertFalse(result.intact(), "the recomputed chain passed");
        assertEquals(4L, result.firstBrokenSeq());
        assertEquals(entries.get(3).eventId(), result.firstBrokenEventId());
        assertTrue(result.reason().contains("MAC"), result.reason());
    }

    /**
     * Attack 2 by a database administrator who also strips the rewritten entries' MACs and raises
     * {@code legacy_seq} to the head, so that they pass for entries from before V10: a node that starts
     * without a checkpoint file (one added to the region, a rebuilt one) used to seal them with the real key,
     * and the forgery then verified intact. A log a key wrote is never sealed again.
     */
    @Test
    void aFreshNodeNeverSealsARewrittenChainPassedOffAsFromBeforeV10() throws Exception {
        List<AccessLogEntry> entries = appendTen();
        String prev = rewriteAndRecompute(entries, 3, "someone.else", true);
        sql("UPDATE access_log_head SET last_hash = ?, legacy_seq = 10 WHERE head_id = 1", prev);
        Path node = Files.createTempDirectory("audit-new-node");
        HashChainedAccessLog added = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(),
                clock, "node-c", AuditSeal.open(files.resolve("etc/proeftuin-access-log.key"), node.resolve("checkpoints")), 5,
                Duration.ofHours(1));
        ChainVerification result = added.verify();
        assertFalse(result.intact(), "the new node sealed the forgery");
        assertEquals(3L, result.firstBrokenSeq());
        assertTrue(result.reason().contains("MAC is missing"), result.reason());
    }

    /**
     * Attack 2's SQL: entry {@code seq} gets another user, and the SHA-256 chain (which has no key) is
     * recomputed from it to the end, the MACs stripped too if asked.
     *
     * @return the new hash of the last entry
     */
    private String rewriteAndRecompute(List<AccessLogEntry> entries, long seq, String user, boolean stripMacs)
            throws Exception {
        String prev = entries.get((int) seq - 2).hash();
        for (AccessLogEntry e : entries.subList((int) seq - 1, entries.size())) {
            String who = e.seqNo() == seq ? user : e.userId();
            AccessLogEntry forged = new AccessLogEntry(e.eventId(), e.seqNo(), e.at(), e.node(), e.action(),
                    e.outcome(), who, e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(),
                    e.personIds(), e.caseId(), e.objectType(), e.objectId(), e.requestId(), e.detail(), e.restricted(),
                    prev, null);
            String hash = HashChain.hash(forged);
            sql("UPDATE access_log SET user_id = ?, prev_hash = ?, entry_hash = ?"
                    + (stripMacs ? ", entry_mac = NULL" : "") + " WHERE seq_no = ?", who, prev, hash, e.seqNo());
            prev = hash;
        }
        return prev;
    }

    /** A forger who also copies MACs over from other entries gets nowhere: the MAC is over the hash. */
    @Test
    void aMissingMacIsFound() throws Exception {
        appendTen();
        sql("UPDATE access_log SET entry_mac = NULL WHERE seq_no = 7");
        ChainVerification result = log.verify();
        assertFalse(result.intact());
        assertEquals(7L, result.firstBrokenSeq());
    }

    /** Another installation's key (or none) does not vouch for this log. */
    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        appendTen();
        HashChainedAccessLog other = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "node-x",
                AuditSeal.inMemory(AuditSeal.randomKey()), 5, Duration.ofHours(1));
        ChainVerification result = other.verify();
        assertFalse(result.intact());
        assertEquals(1L, result.firstBrokenSeq());
    }

    /**
     * Decision 0054: an entry's person rows are written shortly after it. Before that it is in the
     * person's access view and in a query by person already (from its own list of persons), the chain
     * verifies, and afterwards the view is the same, each entry once.
     */
    @Test
    void anEntryIsInThePersonsViewBeforeItsPersonRowsAreWritten() throws Exception {
        appendTen();
        AccessLogEntry fresh = log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "user-x", "User X",
                "PROFESSIONAL", null, "care", List.of("p0", "p_%"), null, "person", "p0", "req-x", "GET /persons/{personId}"));
        for (boolean indexed : new boolean[] {false, true}) {
            assertEquals(indexed ? 11L : 10L, (long) database.read(c -> new nl.proeftuin.core.store.internal.JdbcAccessLogStore()
                    .personsIndexedTo(c)));
            List<Long> view = log.forPerson("p0", null, null, 100).stream().map(AccessLogEntry::seqNo).toList();
            assertEquals(List.of(11L, 10L, 7L, 4L, 1L), view, indexed ? "indexed" : "not indexed yet");
            assertEquals(List.of(fresh), log.forPerson("p_%", null, null, 100));
            assertEquals(List.of(), log.forPerson("p_", null, null, 100), "LIKE's wildcards match only themselves");
            assertEquals(List.of(1L, 4L, 7L, 10L, 11L), log.query(new nl.proeftuin.core.audit.AccessLogQuery(null, null,
                    null, "p0", null, null, null, null, 100)).stream().map(AccessLogEntry::seqNo).toList());
            ChainVerification result = log.verify();
            assertTrue(result.intact(), result.reason());
            log.indexPersonsNow();
        }
    }

    /**
     * The mark moved back by hand, and the person rows after it removed: the access view loses nothing
     * (those entries are found by their own list), and the indexer writes the rows again, keeping any that
     * are there.
     */
    @Test
    void aMarkMovedBackHidesNothingAndTheRowsAreWrittenAgain() throws Exception {
        appendTen();
        List<AccessLogEntry> before = log.forPerson("p1", null, null, 100);
        sql("UPDATE access_log_person_mark SET indexed_to = 3 WHERE mark_id = 1");
        sql("DELETE FROM access_log_person WHERE seq_no > 5");
        assertEquals(before, log.forPerson("p1", null, null, 100));
        assertTrue(log.verify().intact(), log.verify().reason());
        assertEquals(7, log.indexPersonsNow());
        assertEquals(before, log.forPerson("p1", null, null, 100));
        assertEquals(10, database.read(c -> new nl.proeftuin.core.store.internal.JdbcAccessLogStore().personRows(c, 1, 10))
                .size());
        assertTrue(log.verify().intact(), log.verify().reason());
    }

    /** The mark's row removed by hand: found, and the view still finds every entry (by their own lists). */
    @Test
    void aRemovedMarkIsFound() throws Exception {
        appendTen();
        List<AccessLogEntry> before = log.forPerson("p2", null, null, 100);
        sql("DELETE FROM access_log_person_mark");
        try {
            ChainVerification result = log.verify();
            assertFalse(result.intact(), "the mark's removal went unnoticed");
            assertTrue(result.reason().contains("access_log_person_mark"), result.reason());
            assertEquals(before, log.forPerson("p2", null, null, 100));
        } finally {
            sql("INSERT INTO access_log_person_mark (mark_id, indexed_to) VALUES (1, 10)");
        }
    }

    /** The mark moved past the chain's end by hand, so that new entries would get no person rows: found. */
    @Test
    void aMarkMovedPastTheEndIsFound() throws Exception {
        appendTen();
        sql("UPDATE access_log_person_mark SET indexed_to = 100 WHERE mark_id = 1");
        log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "user-x", "User X", "PROFESSIONAL", null,
                "care", List.of("p2"), null, "person", "p2", "req-x", "GET /persons/{personId}"));
        assertEquals(0, log.indexPersonsNow());
        ChainVerification result = log.verify();
        assertFalse(result.intact(), "an entry without its person rows went unnoticed");
        assertEquals(11L, result.firstBrokenSeq());
        assertTrue(result.reason().contains("person rows"), result.reason());
    }

    /** Attack 3: remove a person's rows, so the entries vanish from their access view. */
    @Test
    void removedPersonRowsAreFound() throws Exception {
        appendTen();
        assertEquals(4, log.forPerson("p0", null, null, 100).size());
        sql("DELETE FROM access_log_person WHERE person_id = 'p0'");
        ChainVerification result = log.verify();
        assertFalse(result.intact(), "the person's entries vanished unnoticed");
        assertEquals(1L, result.firstBrokenSeq());
        assertTrue(result.reason().contains("person rows"), result.reason());
    }

    @Test
    void addedPersonRowsAreFound() throws Exception {
        appendTen();
        sql("INSERT INTO access_log_person (seq_no, person_id) VALUES (6, 'someone')");
        ChainVerification result = log.verify();
        assertFalse(result.intact());
        assertEquals(6L, result.firstBrokenSeq());
    }

    /**
     * Entries written before V10 have no MAC: the first start without a checkpoint file seals them once;
     * afterwards a MAC removed from one of them is found, and a restart does not seal it again.
     */
    @Test
    void entriesFromBeforeV10AreSealedOnceAtTheFirstStart() throws Exception {
        appendTen();
        // as the log stood before V10: no MACs; the migration recorded the head as legacy_seq
        sql("UPDATE access_log SET entry_mac = NULL");
        sql("UPDATE access_log_head SET legacy_seq = 10");
        Path fresh = Files.createTempDirectory("audit-seal-upgrade");
        AuditSeal upgraded = AuditSeal.open(fresh.resolve("etc/key"), fresh.resolve("data/checkpoints"));
        HashChainedAccessLog first = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "node-a", upgraded, 5, Duration.ofHours(1));
        ChainVerification sealed = first.verify();
        assertTrue(sealed.intact(), sealed.reason());
        assertEquals(10, sealed.entriesChecked());

        sql("UPDATE access_log SET entry_mac = NULL WHERE seq_no = 3");
        HashChainedAccessLog restarted = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "node-a",
                AuditSeal.open(fresh.resolve("etc/key"), fresh.resolve("data/checkpoints")), 5, Duration.ofHours(1));
        ChainVerification result = restarted.verify();
        assertFalse(result.intact(), "a removed MAC was sealed again");
        assertEquals(3L, result.firstBrokenSeq());
    }

    /** Before V10 a person's view followed current case membership; those entries keep that rule. */
    @Test
    void aPersonsViewOfEntriesFromBeforeV10FollowsMembership() throws Exception {
        String caseId = java.util.UUID.randomUUID().toString();
        String sem = java.util.UUID.randomUUID().toString();
        database.inTransaction(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO person (id, given_name, family_name, given_name_lc, family_name_lc,"
                        + " date_of_birth, created_at, created_by) VALUES ('" + sem + "', 'Sem', 'Kok', 'sem', 'kok',"
                        + " DATE '2015-02-03', TIMESTAMP WITH TIME ZONE '2027-03-12 09:00:00+00', 'ans')");
                st.executeUpdate("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source,"
                        + " signal_description, signal_received_on, phase, framework, opened_at, opened_by) VALUES ('"
                        + caseId + "', 1, 'Ede', 'OPEN', 'SIGNAL', 'SCHOOL', 'zorgen', DATE '2027-03-12', 'ACUTE_SAFETY',"
                        + " 'VOLUNTARY', TIMESTAMP WITH TIME ZONE '2027-03-12 09:00:00+00', 'ans')");
            }
            return null;
        });
        // written while Sem was not (yet) a member, and before V10
        log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "bob", null, null, null, null, List.of(),
                caseId, "case", caseId, null, "GET /cases/{caseId}"));
        // before V10 (and up to V36) the person rows were written with the entry: V36's mark starts past them
        log.indexPersonsNow();
        sql("INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, 0)", caseId, sem);
        assertEquals(0, log.forPerson(sem, null, null, 10).size(), "from V10 on: the members at the time");
        sql("UPDATE access_log_head SET legacy_seq = 1");
        assertEquals(1, log.forPerson(sem, null, null, 10).size(), "before V10: the current members");
    }

    @Test
    void aForgedCheckpointLineIsFound() throws Exception {
        appendTen();
        Files.writeString(files.resolve("data/audit/checkpoints"), "v1 99 " + "ab".repeat(32) + " 2027-03-12T09:00:00Z "
                + "cd".repeat(32) + "\n", java.nio.file.StandardOpenOption.APPEND);
        ChainVerification result = log.verify();
        assertFalse(result.intact());
        assertTrue(result.reason().contains("not authentic"), result.reason());
    }

    // --- incremental verification (issue 13): from this node's last verification's signed mark

    @Test
    void anIncrementalCheckReadsOnlyTheEntriesSinceTheLastVerification() throws Exception {
        appendTen();
        ChainVerification first = log.verifySinceLastVerification();
        assertTrue(first.intact(), first.reason());
        assertEquals(10, first.entriesChecked(), "without a mark: the whole chain");
        appendTen();
        ChainVerification second = log.verifySinceLastVerification();
        assertTrue(second.intact(), second.reason());
        assertEquals(11, second.entriesChecked(), "the marked entry again and the ten after it");
        // the mark is in the checkpoint file: a restarted node starts from it too
        log.deactivate();
        ChainVerification afterRestart = start().verifySinceLastVerification();
        assertTrue(afterRestart.intact(), afterRestart.reason());
        assertEquals(1, afterRestart.entriesChecked(), "only the marked entry");
        assertEquals(20, start().verify().entriesChecked(), "verify() still reads every entry");
    }

    @Test
    void aChangeAfterTheMarkIsFoundIncrementally() throws Exception {
        appendTen();
        assertTrue(log.verify().intact());
        appendTen();
        sql("UPDATE access_log SET user_id = 'someone-else' WHERE seq_no = 14");
        ChainVerification result = log.verifySinceLastVerification();
        assertFalse(result.intact(), "a change after the mark passed the incremental check");
        assertEquals(14L, result.firstBrokenSeq());
    }

    /** Cutting the chain back to before the mark, or rewriting the marked entry, is found at the mark. */
    @Test
    void aCutOrRewriteOfTheMarkedEntryIsFoundIncrementally() throws Exception {
        List<AccessLogEntry> entries = appendTen();
        assertTrue(log.verify().intact());
        sql("UPDATE access_log SET entry_hash = ? WHERE seq_no = 10", "00".repeat(32));
        ChainVerification rewritten = log.verifySinceLastVerification();
        assertFalse(rewritten.intact());
        assertEquals(10L, rewritten.firstBrokenSeq());
        assertTrue(rewritten.reason().contains("was changed since the verification"), rewritten.reason());

        sql("UPDATE access_log SET entry_hash = ? WHERE seq_no = 10", entries.get(9).hash());
        sql("DELETE FROM access_log_person WHERE seq_no >= 9");
        sql("DELETE FROM access_log WHERE seq_no >= 9");
        sql("UPDATE access_log_head SET last_seq = 8, last_hash = ? WHERE head_id = 1", entries.get(7).hash());
        ChainVerification cut = log.verifySinceLastVerification();
        assertFalse(cut.intact(), "a chain cut back behind the mark passed");
        assertEquals(10L, cut.firstBrokenSeq());
        assertTrue(cut.reason().contains("is missing since the verification"), cut.reason());
    }

    /** A change to the marked entry's content (or its person rows) that leaves its hash column alone. */
    @Test
    void theMarkedEntryItselfIsCheckedAgain() throws Exception {
        appendTen();
        assertTrue(log.verify().intact());
        sql("UPDATE access_log SET user_id = 'someone-else' WHERE seq_no = 10");
        ChainVerification changed = log.verifySinceLastVerification();
        assertFalse(changed.intact(), "a change to the marked entry's content passed");
        assertEquals(10L, changed.firstBrokenSeq());
        sql("UPDATE access_log SET user_id = 'user9' WHERE seq_no = 10");
        assertTrue(log.verify().intact());
        sql("DELETE FROM access_log_person WHERE seq_no = 10");
        ChainVerification hidden = log.verifySinceLastVerification();
        assertFalse(hidden.intact(), "the marked entry was hidden from a person's access view unnoticed");
        assertTrue(hidden.reason().contains("person rows"), hidden.reason());
    }

    /** A mark needs the key: a forged one (or a checkpoint line relabelled as one) is not a starting point. */
    @Test
    void aForgedMarkIsNotAStartingPoint() throws Exception {
        appendTen();
        Path file = files.resolve("data/audit/checkpoints");
        String checkpointLine = Files.readAllLines(file).get(0); // "v1 5 <hash> <at> <mac>": a real checkpoint
        sql("UPDATE access_log SET user_id = 'someone-else' WHERE seq_no = 3");
        Files.writeString(file, checkpointLine.replaceFirst("^v1 ", "verified1 ") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        ChainVerification result = log.verifySinceLastVerification();
        assertFalse(result.intact(), "a relabelled checkpoint line let the check skip a changed entry");
        assertTrue(result.reason().contains("not authentic") || Long.valueOf(3).equals(result.firstBrokenSeq()),
                result.reason());
    }
}
