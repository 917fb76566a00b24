package nl.proeftuin.core.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The access log on a real database: the chain, the queries, neutralisation, and the tamper test
 * (rows changed, removed and reordered with plain SQL are always found, and the first broken entry
 * is named).
 */
class AccessLogTest extends AuditTestBase {

    TestClock clock;
    HashChainedAccessLog log;

    @BeforeEach
    void freshLog() throws Exception {
        emptyLog();
        clock = new TestClock(START);
        log = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "node-a");
    }

    static AccessEvent read(String user, String... persons) {
        return new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, user, "Name of " + user, "PROFESSIONAL", null,
                "care", List.of(persons), "case-1", "case", "case-1", "req-1", "GET /cases/case-1");
    }

    List<AccessLogEntry> appendTen() {
        List<AccessLogEntry> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            out.add(log.append(read("user" + i, "p" + (i % 3))));
        }
        // as a node's indexer would within 200 ms: the person rows written (decision 0054)
        log.indexPersonsNow();
        return out;
    }

    /**
     * A whole verification of a live log: an entry appended while the pages are read belongs to the next
     * verification. The head used to be read after the pages, and a healthy log was reported cut at the end
     * ("entries 11 to 11 are missing (removed from the end)").
     */
    @Test
    void anEntryAppendedWhileTheChainIsVerifiedIsNoCutAtTheEnd() {
        appendTen();
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        HashChainedAccessLog[] live = new HashChainedAccessLog[1];
        live[0] = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore() {
            @Override
            public List<nl.proeftuin.core.store.accesslog.StoredAccessEntry> page(java.sql.Connection c, long fromSeq, int size)
                    throws java.sql.SQLException {
                List<nl.proeftuin.core.store.accesslog.StoredAccessEntry> page = super.page(c, fromSeq, size);
                if (once.compareAndSet(false, true)) {
                    live[0].append(read("meanwhile", "p1")); // another request, committed while the pages are read
                }
                return page;
            }
        }, clock, "node-a");
        ChainVerification v = live[0].verify();
        assertTrue(v.intact(), v.reason());
        assertEquals(10, v.entriesChecked());
        assertTrue(log.verify().intact(), "and the next one checks it");
    }

    @Test
    void entriesFormOneChainWithSequenceAndTime() {
        List<AccessLogEntry> entries = appendTen();
        assertEquals(1, entries.get(0).seqNo());
        assertEquals(HashChain.GENESIS, entries.get(0).prevHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).seqNo());
            assertEquals(entries.get(i - 1).hash(), entries.get(i).prevHash());
        }
        assertEquals("node-a", entries.get(0).node());
        assertEquals(START.plusSeconds(1), entries.get(0).at());
        ChainVerification ok = log.verify();
        assertTrue(ok.intact(), ok.reason());
        assertEquals(10, ok.entriesChecked());
        assertEquals(entries, log.query(AccessLogQuery.all(100)), "what is read back is what was hashed");
    }

    /**
     * Decision 0050: an entry's id is a version 7 UUID made when it was appended, so the event-id index
     * grows at its right edge instead of taking each new entry on a random page.
     */
    @Test
    void anEntrysIdIsTimeOrdered() {
        long before = System.currentTimeMillis();
        List<AccessLogEntry> entries = appendTen();
        long after = System.currentTimeMillis();
        for (AccessLogEntry e : entries) {
            java.util.UUID id = java.util.UUID.fromString(e.eventId());
            assertEquals(7, id.version(), e.eventId());
            assertEquals(2, id.variant(), e.eventId());
            long made = id.getMostSignificantBits() >>> 16;
            assertTrue(made >= before && made <= after, e.eventId() + " made at " + made + ", not in [" + before
                    + ", " + after + "]");
        }
    }

    /**
     * Decision 0024: entries without a request id (shell commands, scheduled work, and whatever was
     * written before request ids were looked up) and entries with one form one chain that verifies; the
     * request id is in each entry's hash as it always was, and an auditor finds a request's entries by it.
     */
    @Test
    void entriesWithAndWithoutARequestIdVerifyAndAreFoundByTheirRequest() {
        AccessEvent shell = new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "shell:karaf", null, null, null,
                null, List.of(), null, "bindings", null, null, "proeftuin:bindings");
        String request = "6f1c2a9e-0b7d-4c52-9a13-5e8f0d2b7c41";
        AccessEvent guard = new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "anna", "Anna", "PROFESSIONAL",
                null, null, List.of("p1"), null, "person", "p1", request, "GET /persons/{personId} -> 200");
        AccessLogEntry old = log.append(shell);
        log.append(read("someone"));
        AccessLogEntry first = log.append(guard);
        log.append(shell);
        AccessLogEntry second = log.append(guard.withOutcome(AccessEvent.FAILURE));

        assertEquals(null, old.requestId());
        ChainVerification ok = log.verify();
        assertTrue(ok.intact(), ok.reason());
        assertEquals(5, ok.entriesChecked());
        assertEquals(List.of(first, second), log.query(new AccessLogQuery(null, null, null, null, null, null, null, null,
                100, request)), "the entries of that request, and only those");
        assertEquals(List.of(), log.query(new AccessLogQuery(null, null, null, null, null, null, null, null, 100,
                "00000000-0000-0000-0000-000000000000")));
        assertEquals(5, log.query(AccessLogQuery.all(100)).size());

        // the request id is covered by the hash like every field: changing it breaks the chain there
        assertEquals(1, sqlQuietly("UPDATE access_log SET request_id = ? WHERE seq_no = ?", "forged-request-id",
                first.seqNo()));
        ChainVerification broken = log.verify();
        assertFalse(broken.intact());
        assertEquals(first.seqNo(), broken.firstBrokenSeq());
    }

    private int sqlQuietly(String statement, Object... params) {
        try {
            return sql(statement, params);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void appendsAreTimedWithTheirOutcomeAndAFailedAppendIsCountedAsFailed() throws Exception {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        log.meters = registry;
        appendTen();
        assertEquals(10, registry.get("proeftuin.access.log.append").tag("outcome", "written").timer().count());

        sql("ALTER TABLE access_log RENAME TO access_log_away");
        try {
            assertThrows(RuntimeException.class, () -> log.append(read("user-x", "p1")));
        } finally {
            sql("ALTER TABLE access_log_away RENAME TO access_log");
        }
        assertEquals(1, registry.get("proeftuin.access.log.append").tag("outcome", "failed").timer().count());
        // only the outcome is a label (and a histogram bucket's bound): never who, which case or which person
        registry.getMeters().forEach(m -> assertEquals(List.of("outcome"),
                m.getId().getTags().stream().map(t -> t.getKey()).filter(k -> !"le".equals(k)).toList(),
                m.getId().toString()));
    }

    /**
     * The indexer's lag (decision 0054) is a gauge: 0 after a round that reached the chain's end, growing
     * while its rounds fail (an outage is logged once), 0 again when they succeed.
     */
    @Test
    void theIndexersLagIsMeasuredAndGrowsWhileItFails() throws Exception {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        log.meters = registry;
        appendTen();
        log.indexPersonsQuietly();
        assertEquals(0.0, registry.get("proeftuin.access.log.person.rows.lag").gauge().value());
        log.append(read("user-x", "p1"));
        sql("ALTER TABLE access_log_person RENAME TO access_log_person_away");
        try {
            log.indexPersonsQuietly();
            clock.advance(Duration.ofMinutes(10));
            log.indexPersonsQuietly();
            assertEquals(600.0, registry.get("proeftuin.access.log.person.rows.lag").gauge().value());
        } finally {
            sql("ALTER TABLE access_log_person_away RENAME TO access_log_person");
        }
        log.indexPersonsQuietly();
        assertEquals(0.0, registry.get("proeftuin.access.log.person.rows.lag").gauge().value());
        assertEquals(11L, (long) database.read(c -> new nl.proeftuin.core.store.internal.JdbcAccessLogStore().personsIndexedTo(c)));
    }

    @Test
    void anEmptyLogIsIntact() {
        assertEquals(new ChainVerification(true, 0, null, null, null), log.verify());
    }

    @Test
    void queriesFilterAndPage() {
        appendTen();
        log.append(new AccessEvent(AccessAction.LOGIN, AccessEvent.FAILURE, "mallory", null, null, null, null, null,
                null, null, null, "req-x", "wrong password"));
        assertEquals(1, log.query(new AccessLogQuery(null, null, "mallory", null, null, null, null, null, 10)).size());
        assertEquals(1, log.query(new AccessLogQuery(null, null, null, null, null, AccessAction.LOGIN, "FAILURE", null, 10)).size());
        assertEquals(4, log.query(new AccessLogQuery(null, null, null, "p0", null, null, null, null, 10)).size());
        assertEquals(List.of(9L, 10L, 11L), log.query(new AccessLogQuery(null, null, null, null, null, null, null, 8L, 10))
                .stream().map(AccessLogEntry::seqNo).toList());
        assertEquals(3, log.query(new AccessLogQuery(START.plusSeconds(2), START.plusSeconds(5), null, null, null, null,
                null, null, 10)).size());
        assertThrows(InvalidInputException.class, () -> log.query(AccessLogQuery.all(0)));
        assertThrows(InvalidInputException.class, () -> log.query(AccessLogQuery.all(1001)));
    }

    @Test
    void thePersonsViewLeavesOutRestrictedEntries() {
        log.append(read("ans", "victim"));
        log.append(read("ans", "victim").asRestricted());
        log.append(read("bob", "other"));
        List<AccessLogEntry> view = log.forPerson("victim", null, null, 100);
        assertEquals(1, view.size());
        assertFalse(view.get(0).restricted());
        assertEquals(2, log.query(new AccessLogQuery(null, null, null, "victim", null, null, null, null, 10)).size(),
                "the auditor sees both");
    }

    @Test
    void thePersonsViewHoldsReadsOfTheirCasesNewestFirst() throws Exception {
        String caseId = java.util.UUID.randomUUID().toString();
        database.inTransaction(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO person (id, given_name, family_name, given_name_lc, family_name_lc,"
                        + " date_of_birth, created_at, created_by) VALUES ('sem', 'Sem', 'Kok', 'sem', 'kok',"
                        + " DATE '2015-02-03', TIMESTAMP WITH TIME ZONE '2027-03-12 09:00:00+00', 'ans')");
                st.executeUpdate("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source,"
                        + " signal_description, signal_received_on, phase, framework, opened_at, opened_by) VALUES ('"
                        + caseId + "', 1, 'Ede', 'OPEN', 'SIGNAL', 'SCHOOL', 'zorgen', DATE '2027-03-12', 'ACUTE_SAFETY',"
                        + " 'VOLUNTARY', TIMESTAMP WITH TIME ZONE '2027-03-12 09:00:00+00', 'ans')");
                st.executeUpdate("INSERT INTO case_member (case_id, person_id, seq_no) VALUES ('" + caseId + "', 'sem', 0)");
            }
            return null;
        });
        log.append(read("ans", "sem"));
        log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "bob", "Bob", "PROFESSIONAL", null, null,
                List.of(), caseId, "case", caseId, "req-case", "GET /cases/{caseId}/plan"));
        log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "eve", "Eve", "PROFESSIONAL", null, null,
                List.of(), "another-case", "case", "another-case", "req-other", "GET /cases/{caseId}"));
        List<AccessLogEntry> view = log.forPerson("sem", null, null, 100);
        assertEquals(List.of("bob", "ans"), view.stream().map(AccessLogEntry::userId).toList(),
                "the read of Sem's case concerns Sem; another case does not; newest first");
        assertEquals(List.of("sem"), view.get(0).personIds(), "the case's members are stored with the entry");
        // Sem leaves the case: the earlier read of it stays in Sem's view (it concerned Sem when it happened)
        sql("DELETE FROM case_member WHERE case_id = ? AND person_id = 'sem'", caseId);
        assertEquals(List.of("bob", "ans"), log.forPerson("sem", null, null, 100).stream().map(AccessLogEntry::userId)
                .toList(), "a person who leaves a case keeps the earlier reads of it in their view");
    }

    @Test
    void moreConcernedPersonsThanTheEntryHoldsAreCountedNotFailed() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(java.util.UUID.randomUUID().toString());
        }
        AccessLogEntry e = log.append(new AccessEvent(AccessAction.SEARCH, AccessEvent.SUCCESS, "ans", null, null, null,
                null, many, null, "person", null, null, "GET /persons ?name=jansen"));
        assertTrue(String.join(",", e.personIds()).length() <= HashChainedAccessLog.PERSON_IDS_WIDTH);
        assertEquals(many.subList(0, e.personIds().size()), e.personIds());
        assertTrue(e.detail().endsWith("more persons concerned, not named: the entry is full]"), e.detail());
        assertTrue(log.verify().intact());
    }

    @Test
    void invalidEventsAreRefusedAndNothingIsLogged() {
        assertThrows(InvalidInputException.class, () -> log.append(read("ans").withOutcome("MAYBE")));
        assertThrows(InvalidInputException.class, () -> log.append(read(" ")));
        assertThrows(InvalidInputException.class, () -> log.append(new AccessEvent(null, "SUCCESS", "ans", null, null,
                null, null, null, null, null, null, null, null)));
        assertEquals(0, log.query(AccessLogQuery.all(10)).size());
    }

    @Test
    void valuesAreNeutralisedAgainstLogInjection() {
        AccessLogEntry e = log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS,
                "eve\r\n2027-03-12 SUCCESS admin LOGIN", "Eve\u202Eevil\u0000", "PRO\tFESSIONAL", null, "x\\ny",
                List.of("p1,p2", "p3\n"), null, null, null, null, "line1\nline2\u2028"));
        assertEquals("eve\\r\\n2027-03-12 SUCCESS admin LOGIN", e.userId());
        assertEquals("Eve\\u202eevil\\u0000", e.userName());
        assertEquals("PRO\\tFESSIONAL", e.role());
        assertEquals("x\\\\ny", e.purpose(), "a literal backslash is escaped, so it cannot fake an escape");
        assertEquals(List.of("p1\\u002cp2", "p3\\n"), e.personIds(), "a comma cannot split one person into two");
        assertEquals("line1\\nline2\\u2028", e.detail());
        AccessLogEntry stored = log.query(AccessLogQuery.all(1)).get(0);
        assertEquals(e, stored);
        for (String value : new String[] {stored.userId(), stored.userName(), stored.detail()}) {
            assertTrue(value.chars().noneMatch(Character::isISOControl), value);
        }
        assertTrue(log.verify().intact());
    }

    @Test
    void overlongValuesAreCutNotRefused() {
        AccessLogEntry e = log.append(new AccessEvent(AccessAction.SEARCH, AccessEvent.SUCCESS, "ans", null, null,
                null, null, null, null, null, null, null, "x".repeat(10_000)));
        assertEquals(4000, e.detail().length());
        assertTrue(e.detail().endsWith("..."));
        assertTrue(log.verify().intact());
    }

    @Test
    void concurrentAppendsFormOneLinearChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    // each thread its own log instance, as each node has its own
                    HashChainedAccessLog node = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "node-" + thread);
                    for (int i = 0; i < 25; i++) {
                        node.append(read("user-" + thread));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainVerification result = log.verify();
        assertTrue(result.intact(), result.reason());
        assertEquals(100, result.entriesChecked());
    }

    /** The tamper test: rows changed, removed and reordered directly in the database. */
    @Nested
    class Tampering {

        @Test
        void aChangedValueIsFoundAndNamed() throws Exception {
            List<AccessLogEntry> entries = appendTen();
            sql("UPDATE access_log SET user_id = 'someone-else' WHERE seq_no = 4");
            assertBroken(4, entries.get(3).eventId(), "changed");
        }

        @Test
        void everyColumnIsCovered() throws Exception {
            String[][] changes = {{"event_id", "'x'"}, {"logged_at", "TIMESTAMP WITH TIME ZONE '2027-03-12 10:00:00+00'"},
                {"node", "'other'"}, {"action", "'DELETE'"}, {"outcome", "'DENIED'"}, {"user_name", "'x'"},
                {"user_role", "'AUDITOR'"}, {"organisation", "'x'"}, {"on_behalf_of", "'x'"}, {"purpose", "NULL"},
                {"person_ids", "'p9'"}, {"case_id", "'case-2'"}, {"object_type", "'plan'"}, {"object_id", "'x'"},
                {"request_id", "'x'"}, {"detail", "'x'"}, {"restricted", "TRUE"}, {"action", "'NO_SUCH_ACTION'"}};
            for (String[] change : changes) {
                emptyLog();
                List<AccessLogEntry> entries = appendTen();
                sql("UPDATE access_log SET " + change[0] + " = " + change[1] + " WHERE seq_no = 6");
                ChainVerification result = log.verify();
                assertFalse(result.intact(), change[0] + " changed unnoticed");
                assertEquals(6L, result.firstBrokenSeq(), change[0]);
            }
        }

        @Test
        void aRecomputedHashIsNotAuthentic() throws Exception {
            List<AccessLogEntry> entries = appendTen();
            // a careful forger changes a row and writes a matching hash: without the key its MAC is wrong
            AccessLogEntry e = entries.get(4);
            AccessLogEntry forged = new AccessLogEntry(e.eventId(), e.seqNo(), e.at(), e.node(), e.action(), e.outcome(),
                    "innocent", e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(), e.personIds(),
                    e.caseId(), e.objectType(), e.objectId(), e.requestId(), e.detail(), e.restricted(), e.prevHash(), null);
            sql("UPDATE access_log SET user_id = 'innocent', entry_hash = ? WHERE seq_no = 5", HashChain.hash(forged));
            assertBroken(5, entries.get(4).eventId(), "MAC does not match");
        }

        @Test
        void aRemovedEntryInTheMiddleIsFound() throws Exception {
            List<AccessLogEntry> entries = appendTen();
            sql("DELETE FROM access_log_person WHERE seq_no = 3");
            sql("DELETE FROM access_log WHERE seq_no = 3");
            ChainVerification result = log.verify();
            assertFalse(result.intact());
            assertEquals(4L, result.firstBrokenSeq(), "the first entry after the gap");
            assertEquals(entries.get(3).eventId(), result.firstBrokenEventId());
            assertEquals(2, result.entriesChecked());
            assertTrue(result.reason().contains("entry 3 is missing"), result.reason());
        }

        @Test
        void aRemovedEntryWithRenumberedSuccessorsIsFound() throws Exception {
            List<AccessLogEntry> entries = appendTen();
            sql("DELETE FROM access_log_person WHERE seq_no >= 3");
            sql("DELETE FROM access_log WHERE seq_no = 3");
            for (int seq = 4; seq <= 10; seq++) {
                sql("UPDATE access_log SET seq_no = ? WHERE seq_no = ?", seq - 1, seq);
            }
            sql("UPDATE access_log_head SET last_seq = 9");
            assertBroken(3, entries.get(3).eventId(), "does not link");
        }

        @Test
        void removedNewestEntriesAreFound() throws Exception {
            appendTen();
            sql("DELETE FROM access_log_person WHERE seq_no >= 9");
            sql("DELETE FROM access_log WHERE seq_no >= 9");
            ChainVerification result = log.verify();
            assertFalse(result.intact());
            assertEquals(9L, result.firstBrokenSeq());
            assertTrue(result.reason().contains("removed from the end"), result.reason());
        }

        @Test
        void removedNewestEntriesWithAMovedHeadAreFound() throws Exception {
            List<AccessLogEntry> entries = appendTen();
            sql("DELETE FROM access_log_person WHERE seq_no = 10");
            sql("DELETE FROM access_log WHERE seq_no = 10");
            sql("UPDATE access_log_head SET last_seq = 9");
            ChainVerification result = log.verify();
            assertFalse(result.intact());
            assertTrue(result.reason().contains("replaced"), result.reason());
            assertEquals(entries.get(8).hash(), log.query(AccessLogQuery.all(100)).get(8).hash());
        }

        @Test
        void reorderedEntriesAreFound() throws Exception {
            List<AccessLogEntry> entries = appendTen();
            sql("DELETE FROM access_log_person WHERE seq_no >= 5");
            sql("UPDATE access_log SET seq_no = 1000 WHERE seq_no = 5");
            sql("UPDATE access_log SET seq_no = 5 WHERE seq_no = 6");
            sql("UPDATE access_log SET seq_no = 6 WHERE seq_no = 1000");
            assertBroken(5, entries.get(5).eventId(), "does not link");
        }

        @Test
        void anInsertedEntryIsFound() throws Exception {
            List<AccessLogEntry> entries = appendTen();
            sql("DELETE FROM access_log_person WHERE seq_no >= 7");
            for (int seq = 10; seq >= 7; seq--) {
                sql("UPDATE access_log SET seq_no = ? WHERE seq_no = ?", seq + 1, seq);
            }
            sql("INSERT INTO access_log SELECT 7, 'forged', logged_at, node, action, outcome, user_id, user_name, "
                    + "user_role, organisation, on_behalf_of, purpose, person_ids, case_id, object_type, object_id, "
                    + "request_id, detail, restricted, entry_hash, entry_hash, entry_mac FROM access_log WHERE seq_no = 6");
            sql("UPDATE access_log_head SET last_seq = 11");
            ChainVerification result = log.verify();
            assertFalse(result.intact());
            assertEquals(7L, result.firstBrokenSeq());
            assertEquals("forged", result.firstBrokenEventId());
            assertEquals(6, result.entriesChecked());
        }

        void assertBroken(long seq, String eventId, String reasonPart) {
            ChainVerification result = log.verify();
            assertFalse(result.intact());
            assertEquals(seq, result.firstBrokenSeq());
            assertEquals(eventId, result.firstBrokenEventId());
            assertEquals(seq - 1, result.entriesChecked());
            assertTrue(result.reason().contains(reasonPart), result.reason());
        }
    }
}
