package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.accesslog.AccessLogFilter;
import nl.proeftuin.core.store.monitor.MonitorStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13, "two million families" (decision 0036), in CI: {@link FamilyGenerator} writes 20,000 families
 * (property {@code proeftuin.scale.families}) into an embedded PostgreSQL, and every query behind the lists
 * and reads that must stay fast at national scale (search by name, municipality, phase and status, a
 * professional's case list, the next page by key, reading a case, what opening a case looks up, a person's
 * access view, the access log by person and by case) is run through the store's own code with its SQL
 * recorded; each recorded query is then explained with {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} and
 * must (1) not scan any of the big tables sequentially, (2) touch at most {@link #MAX_BUFFERS} pages,
 * whatever the data set's size (an index that serves the filter but not the order makes a sort of every
 * match, and many pages), and (3) answer quickly. Counting a search's total is O(matches) by nature: those
 * COUNT queries are held to (1) only; a page asked for by key is not counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScalePlansTest {
    static final int FAMILIES = Integer.getInteger("proeftuin.scale.families", 20_000);
    /** Pages one query may touch: what a page of 20 results (or a user's own ~25 cases) costs with its joins, whatever the size of the region; a walk over a table's share costs thousands at 20,000 families. */
    static final int MAX_BUFFERS = 1_000;
    /** The slowest a query may run here (the machine is shared; the plans, not this, are the real check). */
    static final double MAX_MILLIS = 250;
    static final Set<String> BIG_TABLES = Set.of("person", "household", "household_membership", "relationship",
            "family_case", "case_member", "case_member_role", "assignment", "case_event", "plan_version", "case_entry",
            "case_entry_person", "access_log", "access_log_person", "case_summary");
    private static final Pattern SEQ_SCAN = Pattern.compile(
            "\"Node Type\": \"Seq Scan\",[^{}]*?\"Relation Name\": \"(\\w+)\"");
    private static final Pattern BUFFERS = Pattern.compile(
            "^\\s*\\[\\s*\\{\\s*\"Plan\": \\{.*?\"Shared Hit Blocks\": (\\d+),\\s*\"Shared Read Blocks\": (\\d+)",
            Pattern.DOTALL);
    private static final Pattern EXECUTION = Pattern.compile("\"Execution Time\": ([0-9.]+)");

    private final StoreEngines.Postgres engine = new StoreEngines.Postgres();
    private JdbcDatabase db;
    private FamilyGenerator generator;
    private FamilyGenerator.Result generated;
    private final JdbcCaseStore cases = new JdbcCaseStore();
    private final JdbcFamilyStore family = new JdbcFamilyStore();
    private final JdbcPlanStore plans = new JdbcPlanStore();
    private final JdbcAccessLogStore accessLog = new JdbcAccessLogStore();
    private final JdbcVisibilityStore visibility = new JdbcVisibilityStore();
    private final JdbcLivingStore living = new JdbcLivingStore();
    private final JdbcTriageStore triages = new JdbcTriageStore();
    private String caseId;
    private String personId;
    private String professional;
    private String municipality;
    private String name;

    @BeforeAll
    void generate() throws Exception {
        db = engine.start();
        // sealed with a key of this run, as bench/families.sh does: the log as a new installation has it
        generator = new FamilyGenerator(FAMILIES, 13).sealedWith(java.util.Base64.getEncoder().encodeToString(
                "scale-plans-test-access-log-key!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        generated = db.read(generator::generate);
        System.out.println("[scale] generated " + generated + "; re-creating indexes " + generator.indexMillis + " ms; "
                + generator.summaries + " case_summary rows " + generator.summaryMillis + " ms");
        FamilyGenerator.TIMES.forEach((table, nanos) -> System.out.printf(Locale.ROOT, "[scale]   COPY %-22s %6d ms%n",
                table, nanos / 1_000_000));
        long vacuum = System.nanoTime();
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE"); // what autovacuum does after a bulk load, now rather than later
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "[scale] ANALYZE %.1f s%n", (System.nanoTime() - vacuum) / 1e9);
        db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.id, m.person_id,"
                    + " a.professional_id, c.municipality, p.family_name FROM family_case c JOIN case_member m"
                    + " ON m.case_id = c.id JOIN person p ON p.id = m.person_id JOIN assignment a ON a.case_id = c.id"
                    + " WHERE c.status = 'OPEN' ORDER BY c.id LIMIT 1 OFFSET " + (FAMILIES / 3))) {
                rs.next();
                caseId = rs.getString(1);
                personId = rs.getString(2);
                professional = rs.getString(3);
                municipality = rs.getString(4);
                name = rs.getString(5);
            }
            return null;
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        engine.stop();
    }

    @Test
    void theGeneratedDataIsWhatThePlatformReads() throws Exception {
        assertEquals(FAMILIES * 3L, generated.persons());
        assertEquals(FAMILIES + (FAMILIES + 3) / 4, generated.cases());
        db.read(c -> {
            var k = cases.find(c, caseId).orElseThrow();
            assertEquals(3, cases.members(c, caseId).size());
            assertFalse(cases.assignments(c, caseId).isEmpty());
            assertFalse(cases.events(c, caseId).isEmpty());
            assertEquals(2, cases.entries(c, caseId).size());
            assertTrue(plans.latest(c, caseId).orElseThrow().content().contains("\"goals\""));
            assertEquals(municipality, k.municipality());
            assertFalse(family.householdsOf(c, List.of(personId)).isEmpty());
            // the access log is one hash chain, from the genesis hash to the head, every entry naming its persons
            var head = accessLog.head(c).orElseThrow();
            assertEquals(FAMILIES * 8L, head.lastSeq());
            long broken = count(c, "SELECT COUNT(*) FROM access_log l LEFT JOIN access_log p ON p.seq_no = l.seq_no - 1"
                    + " WHERE l.prev_hash <> COALESCE(p.entry_hash, '" + "0".repeat(64) + "')");
            assertEquals(0, broken, "entries whose prev_hash is not the previous entry's hash");
            assertEquals(head.lastHash(), accessLog.page(c, head.lastSeq(), 1).get(0).hash());
            assertEquals(0, count(c, "SELECT COUNT(*) FROM access_log WHERE entry_mac IS NULL"), "every entry sealed");
            assertEquals(0, count(c, "SELECT COALESCE(legacy_seq, 0) FROM access_log_head"), "none from before sealing");
            assertFalse(accessLog.forPerson(c, personId, null, null, 50).isEmpty());
            // perfs (decision 0044): every case has its summary row, as the stores keep it (GET /monitor reads them)
            assertEquals(generated.cases(), count(c, "SELECT COUNT(*) FROM case_summary"));
            assertEquals(generator.summaries, generated.cases());
            return null;
        });
    }

    @Test
    void everyListAndReadUsesIndexesOnly() throws Exception {
        Map<String, List<Recorded>> scenarios = new LinkedHashMap<>();
        Set<String> all = Set.of();
        scenarios.put("search by name", record(c -> cases.search(c, query(name.toLowerCase(Locale.ROOT), null, null,
                null, null, all, null))));
        scenarios.put("search by part of a name", record(c -> cases.search(c, query(name.substring(2).toLowerCase(Locale.ROOT), null, null,
                null, null, all, null))));
        scenarios.put("search by municipality", record(c -> cases.search(c, query(null, municipality, null, null, null,
                all, null))));
        scenarios.put("search by phase", record(c -> cases.search(c, query(null, null, null, Phase.RECOVERY, null, all,
                null))));
        scenarios.put("search by status", record(c -> cases.search(c, query(null, null, CaseStatus.CLOSED, null, null,
                all, null))));
        scenarios.put("a professional's search by phase", record(c -> cases.search(c, query(null, null, null,
                Phase.RECOVERY, professional, Set.of(municipality), null))));
        scenarios.put("a professional's search by municipality", record(c -> cases.search(c, query(null, municipality,
                null, null, professional, all, null))));
        scenarios.put("a professional's case list", record(c -> cases.search(c, query(null, null, null, null,
                professional, Set.of(municipality), null))));
        scenarios.put("a professional searching by name", record(c -> cases.search(c, query(name, null, null, null,
                professional, Set.of(municipality), null))));
        Page<CaseSummary> first = db.read(c -> cases.search(c, query(null, null, null, Phase.RECOVERY, null, all, null)));
        assertNotNull(first.next(), "a full first page has a key for the next one");
        scenarios.put("the next page by key", record(c -> cases.search(c, query(null, null, null, Phase.RECOVERY, null,
                all, first.next()))));
        scenarios.put("reading a case", record(c -> {
            cases.find(c, caseId);
            cases.members(c, caseId);
            cases.assignments(c, caseId);
            cases.handovers(c, caseId);
            cases.events(c, caseId);
            cases.entries(c, caseId);
            cases.reviews(c, caseId);
            cases.consents(c, caseId);
            cases.evaluations(c, caseId);
            cases.courtRequests(c, caseId);
            plans.latest(c, caseId);
            family.persons(c, cases.members(c, caseId).keySet());
            family.relationshipsAmong(c, cases.members(c, caseId).keySet());
            family.householdsOf(c, cases.members(c, caseId).keySet());
            visibility.caseOwner(c, caseId);
            visibility.onTeam(c, caseId, professional);
            visibility.caseFacts(c, caseId, professional);
            visibility.breakGlass(c, caseId, professional, Instant.now());
            return null;
        }));
        scenarios.put("what opening a case looks up", record(c -> {
            family.person(c, personId);
            family.findPersons(c, name.toLowerCase(Locale.ROOT), 20);
            family.personIdByNationalIdDigest(c, "0".repeat(64));
            living.openCasesOf(c, List.of(personId));
            return null;
        }));
        // perfs (decision 0044): opening a case (and every other write to it) refreshes its summary row before
        // the commit (V26): one INSERT ... SELECT of the case's figures and the repeat-signal marks of its
        // members' other cases
        scenarios.put("what opening a case writes: its summary row", record(c -> {
            CaseSummaries.refresh(c, List.of(caseId));
            return null;
        }));
        scenarios.put("a professional's pending triages", record(c -> triages.pendingVisibleTo(c, professional,
                Set.of(municipality), Instant.now())));
        // decision 0045: the outcome monitor reads the tally (V33), not every case's summary row; only the
        // few cases with framework changes are read per case
        JdbcMonitorStore monitor = new JdbcMonitorStore();
        scenarios.put("the outcome monitor", record(c -> {
            monitor.caseCounts(c);
            for (MonitorStore.Figure f : MonitorStore.Figure.values()) {
                monitor.histogram(c, f);
            }
            java.time.LocalDate today = java.time.LocalDate.now();
            List<java.time.LocalDate> monthEnds = new ArrayList<>();
            for (int i = 11; i >= 0; i--) {
                monthEnds.add(i == 0 ? today : java.time.YearMonth.from(today).minusMonths(i).atEndOfMonth());
            }
            monitor.frameworks(c, monthEnds);
            return null;
        }));
        scenarios.put("a person's access view", record(c -> {
            accessLog.forPerson(c, personId, null, null, 100);
            visibility.casesOf(c, personId);
            visibility.onTeamOfACaseOf(c, personId, professional, Set.of(municipality));
            return null;
        }));
        // decision 0054: the newest entries' person rows are written behind the chain; until then the view
        // and a query by person read them by their own list, from the mark on (the mark moved back 100 here)
        long indexedTo = db.read(accessLog::personsIndexedTo);
        db.inTransaction(c -> Jdbc.update(c, "UPDATE access_log_person_mark SET indexed_to = ? WHERE mark_id = 1",
                indexedTo - 100));
        scenarios.put("the view and the indexer, 100 entries behind", record(c -> {
            accessLog.forPerson(c, personId, null, null, 100);
            accessLog.query(c, new AccessLogFilter(null, null, null, personId, null, null, null, null), 100);
            // rows already there are kept (ON CONFLICT DO NOTHING): the mark is back at the end afterwards
            accessLog.indexPersons(c, 5000);
            return null;
        }));
        assertEquals(indexedTo, (long) db.read(accessLog::personsIndexedTo));
        scenarios.put("the access log by person and by case", record(c -> {
            accessLog.query(c, new AccessLogFilter(null, null, null, personId, null, null, null, null), 100);
            accessLog.query(c, new AccessLogFilter(null, null, null, null, caseId, null, null, null), 100);
            return null;
        }));

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Recorded>> s : scenarios.entrySet()) {
            assertFalse(s.getValue().isEmpty(), s.getKey() + " ran no query");
            List<String> explained = explainAll(s.getValue());
            for (int i = 0; i < s.getValue().size(); i++) {
                Recorded r = s.getValue().get(i);
                String plan = explained.get(i);
                boolean counting = r.sql().startsWith("SELECT COUNT(*)");
                Set<String> seq = seqScans(plan);
                if (!seq.isEmpty()) {
                    problems.add(s.getKey() + ": sequential scan on " + seq + " in " + r.sql() + "\n" + plan);
                }
                long buffers = buffers(plan);
                double millis = executionMillis(plan);
                System.out.printf(Locale.ROOT, "[scale] %-38s %7.2f ms %6d pages  %s%n", s.getKey(), millis, buffers,
                        abbreviate(r.sql()));
                if (Boolean.getBoolean("proeftuin.scale.plans")) {
                    System.out.println(plan);
                }
                if (!counting && buffers > MAX_BUFFERS) {
                    problems.add(s.getKey() + ": " + buffers + " pages (at most " + MAX_BUFFERS + ") in " + r.sql()
                            + "\n" + plan);
                }
                if (!counting && millis > MAX_MILLIS) {
                    problems.add(s.getKey() + ": " + millis + " ms in " + r.sql());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
    }

    /**
     * V34: the planner estimates a search for part of a name from the name columns' statistics. With the
     * default target about one name in ten was estimated at ten times its persons, and for such a name the
     * list read every case member (this class's name search failed on it in some runs). With V34's target the
     * estimate of every pool name at this size is within twice the persons that bear it; with the default,
     * some are not (checked).
     */
    @Test
    void aNameSearchIsEstimatedFromTheNamesThemselves() throws Exception {
        db.read(c -> {
            List<String> off = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                String pattern = "%" + FamilyGenerator.familyName(n).toLowerCase(Locale.ROOT) + "%";
                long real = count(c, "SELECT COUNT(*) FROM person WHERE family_name_lc LIKE '" + pattern + "'");
                long estimated;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "EXPLAIN (FORMAT JSON) SELECT id FROM person WHERE family_name_lc LIKE '" + pattern + "'")) {
                    rs.next();
                    Matcher m = Pattern.compile("\"Plan Rows\": (\\d+)").matcher(rs.getString(1));
                    assertTrue(m.find());
                    estimated = Long.parseLong(m.group(1));
                }
                if (estimated > 2 * real + 5) {
                    off.add(pattern + ": estimated " + estimated + ", " + real + " persons");
                }
            }
            assertEquals(List.of(), off);
            return null;
        });
    }

    /** The check can fail: without V25's indexes, the same queries scan the big tables (rolled back after). */
    @Test
    void withoutTheIndexesTheCheckFails() throws Exception {
        List<Recorded> byName = record(c -> cases.search(c, query(name.toLowerCase(Locale.ROOT), null, null, null, null,
                Set.of(), null)));
        List<Recorded> professionals = record(c -> cases.search(c, query(null, null, null, null, professional,
                Set.of(municipality), null)));
        List<Recorded> accessView = record(c -> accessLog.forPerson(c, personId, null, null, 100));
        db.read(c -> {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("DROP INDEX person_given_name_trgm_ix");
                s.execute("DROP INDEX person_family_name_trgm_ix");
                s.execute("DROP INDEX assignment_professional_active_ix");
                s.execute("DROP INDEX access_log_person_seq_ix");
                assertTrue(seqScans(explain(c, byName.get(1))).contains("person"), "name search without trigrams");
                assertTrue(seqScans(explain(c, professionals.get(1))).contains("assignment"),
                        "a professional's list without the assignment index");
                String view = explain(c, accessView.get(accessView.size() - 1));
                assertTrue(seqScans(view).contains("access_log_person"), "the access view without the person index\n"
                        + view);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    @Test
    void pagingByKeyWalksTheListWithoutGapsOrRepeats() throws Exception {
        Set<String> all = Set.of();
        Page<CaseSummary> byNumber = db.read(c -> cases.search(c, query(null, municipality, null, null, null, all, null)));
        List<String> seen = new ArrayList<>();
        Page<CaseSummary> page = db.read(c -> cases.search(c, new CaseQuery(null, municipality, null, null, 0, 7)));
        seen.addAll(page.items().stream().map(CaseSummary::id).toList());
        while (page.next() != null) {
            String after = page.next();
            page = db.read(c -> cases.search(c, new CaseQuery(null, municipality, null, null, 0, 7, null, Set.of(),
                    after)));
            assertEquals(-1, page.total(), "a page by key is not counted");
            seen.addAll(page.items().stream().map(CaseSummary::id).toList());
        }
        assertEquals(byNumber.total(), seen.size());
        assertEquals(seen.size(), new TreeSet<>(seen).size(), "no case twice");
        List<String> byOffset = new ArrayList<>();
        for (int p = 0; p * 7 < byNumber.total(); p++) {
            int n = p;
            byOffset.addAll(db.read(c -> cases.search(c, new CaseQuery(null, municipality, null, null, n, 7)))
                    .items().stream().map(CaseSummary::id).toList());
        }
        assertEquals(byOffset, seen, "the same order as paging by number");
        assertNull(db.read(c -> cases.search(c, new CaseQuery(null, municipality, null, null, 0, 100)))
                .next(), "a page with every match has no next");
    }

    // --- recording the store's SQL and explaining it

    record Recorded(String sql, List<Object[]> sets) {
    }

    private static CaseQuery query(String name, String municipality, CaseStatus status, Phase phase, String visibleTo,
            Set<String> municipalities, String after) {
        return new CaseQuery(name, municipality, status, phase, 0, 20, visibleTo, municipalities, after);
    }

    /** Runs {@code work} on a connection that records every query it prepares and runs. */
    private List<Recorded> record(Database.SqlWork<?> work) throws SQLException {
        List<Recorded> out = new ArrayList<>();
        db.read(c -> work.apply(recording(c, out)));
        return out;
    }

    /** The connection, adding each query it runs (and each write) to {@code out}, with its parameters. */
    static Connection recording(Connection c, List<Recorded> out) {
        return (Connection) Proxy.newProxyInstance(ScalePlansTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                    Object result = invoke(m, c, args);
                    if (m.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        return recordingStatement((PreparedStatement) result, sql, out);
                    }
                    return result;
                });
    }

    private static PreparedStatement recordingStatement(PreparedStatement ps, String sql, List<Recorded> out) {
        List<Object[]> sets = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(ScalePlansTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, m, args) -> {
                    if (m.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        Object[] call = new Object[args.length + 1];
                        call[0] = m;
                        System.arraycopy(args, 0, call, 1, args.length);
                        sets.add(call);
                    }
                    if (m.getName().equals("executeQuery") && sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
                        out.add(new Recorded(sql, List.copyOf(sets)));
                    }
                    // perfs (decision 0044): what a write looks up is planned too (explained in a rolled-back transaction)
                    if (m.getName().equals("executeUpdate") && WRITE.matcher(sql).lookingAt()) {
                        out.add(new Recorded(sql, List.copyOf(sets)));
                    }
                    return invoke(m, ps, args);
                });
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final Pattern WRITE = Pattern.compile("\\s*(INSERT|UPDATE|DELETE)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A scenario's statements explained in the order they ran, in one transaction that is rolled back:
     * EXPLAIN ANALYZE runs a write, and a write may need the one before it (a row deleted, then inserted).
     */
    private List<String> explainAll(List<Recorded> recorded) throws SQLException {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            c.setAutoCommit(false);
            try {
                for (Recorded r : recorded) {
                    out.add(explain(c, r));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return out;
        });
    }

    private static String explain(Connection c, Recorded r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + r.sql())) {
            for (Object[] call : r.sets()) {
                Object[] args = new Object[call.length - 1];
                System.arraycopy(call, 1, args, 0, args.length);
                try {
                    ((Method) call[0]).invoke(ps, args);
                } catch (ReflectiveOperationException e) {
                    throw new SQLException(e);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                    b.append(rs.getString(1)).append('\n');
                }
                return b.toString();
            }
        }
    }

    static Set<String> seqScans(String plan) {
        Set<String> out = new TreeSet<>();
        Matcher m = SEQ_SCAN.matcher(plan);
        while (m.find()) {
            if (BIG_TABLES.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static long buffers(String plan) {
        Matcher m = BUFFERS.matcher(plan);
        return m.find() ? Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) : Long.MAX_VALUE;
    }

    private static double executionMillis(String plan) {
        Matcher m = EXECUTION.matcher(plan);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() > 110 ? one.substring(0, 110) + "..." : one;
    }
}
