package nl.proeftuin.core.store.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import nl.proeftuin.core.store.region.MunicipalityNames;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Builds a national-scale data set of families on PostgreSQL with bulk {@code COPY} (issue 13, "two
 * million families"; decision 0036), into a database the platform's migrations made. Per family, on
 * average: 3 persons (two parents, a child) in one household with their relationships; 1.25 cases (every
 * fourth family a second, closed, one) with its 3 members and their roles, a team of 2 active
 * assignments, the opening (and phase) events, a plan version, 2 entries naming a person; and 8
 * access-log entries naming 1 to 3 of its persons.
 *
 * <p>The rows are the ones the platform's own code writes (same columns, enum names, event payloads,
 * plan document), so its code reads them. The access-log entries form a valid hash chain (the
 * canonical form of core/audit's HashChain, from the genesis hash). Given the region's access-log key
 * ({@link #sealedWith}), each entry carries its MAC as core/audit's AuditSeal computes it, and the log
 * is as the platform writes it; without a key the entries are written as entries from before the log
 * was sealed (the head's {@code legacy_seq} is set to the last one), as a platform upgraded from 0.1 has
 * them, and the platform seals them at its next start (reading them all once: fine for tests, slow for
 * millions).
 * The generator refuses a log that is not empty. Municipalities are taken from the register; an empty
 * register gets 342 synthetic ones ("Gemeente Hoogberg" ...), written as the register's own rows.
 *
 * <p>Names: family names are drawn from a pool that grows with the data set (about 20 families share
 * one), so a search for one family name finds about as many cases at 20,000 as at 2,000,000 families.
 * {@link #familyName(int)} gives the name of a pool entry, for the benchmarks' queries.
 */
public final class FamilyGenerator {
    static final String[] GIVEN = {"Anna", "Bram", "Citlali", "Daan", "Emma", "Fenna", "Gijs", "Hanna", "Ilse", "Jesse",
        "Kiki", "Lars", "Mila", "Noah", "Olga", "Pim", "Quinten", "Roos", "Sem", "Tess", "Umar", "Vera", "Wout",
        "Xander", "Yara", "Zoë", "Aya", "Bilal", "Chantal", "Dewi", "Eline", "Fatima", "Gerrit", "Hamza", "Inge",
        "Jan", "Karin", "Lotte", "Mohammed", "Nina", "Omar", "Petra", "Rik", "Saskia", "Thijs", "Yusuf"};
    private static final String[] SYLLABLE = {"berg", "dijk", "veen", "hout", "kamp", "meer", "bos", "sma", "stra",
        "man", "land", "huis", "hof", "beek", "horst", "brink", "kerk", "wijk", "dam", "laar", "rooij", "mans",
        "haar", "ling", "ster", "broek", "gaard", "weg", "molen", "zand"};
    private static final String[] FIRST = {"Van", "De", "Ter", "Ver", "Hoog", "Groot", "Klein", "Oost", "West",
        "Noord", "Zuid", "Bak", "Smit", "Vis", "Kok", "Mul", "Bos", "Jans", "Pie", "Wil", "Hen", "Dek", "Brou",
        "Meu", "Hui", "Kui", "Blo", "Gro", "Lin", "Ros"};
    static final String[] PHASES = {"ACUTE_SAFETY", "STABILISATION", "RECOVERY"};
    private static final String[] FRAMEWORKS = {"VOLUNTARY", "CONDITIONAL", "COMPULSORY"};
    private static final String[] SOURCES = {"POLICE", "SCHOOL", "GP", "VEILIG_THUIS", "FAMILY", "NEIGHBOUR"};
    /** core/audit's AccessAction names: an entry whose action is none of them verifies as changed (decision 0044). */
    private static final String[] ACTIONS = {"READ", "UPDATE", "READ", "SEARCH"};
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 2_000;

    /** What was written and how fast. */
    public record Result(int families, long persons, long cases, long accessEntries, long rows, long millis) {
        double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis);
        }

        double familiesPerSecond() {
            return families * 1000.0 / Math.max(1, millis);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d families, %d persons, %d cases, %d access-log entries: %d rows in"
                    + " %.1f s, indexes included (%.0f rows/s, %.0f families/s)", families, persons, cases,
                    accessEntries, rows, millis / 1000.0, rowsPerSecond(), familiesPerSecond());
        }
    }

    private final int families;
    private final int professionals;
    private final int namePool;
    private final SplittableRandom random;
    private List<String> municipalities;
    private javax.crypto.Mac seal;

    /** Access-log entries per family (8; more builds a long log fast: bench/access-log-verify.sh). */
    private int entriesPerFamily = 8;

    /** perfs (decision 0044): {@code n} access-log entries per family instead of 8 (a long chain from few families). */
    public FamilyGenerator entriesPerFamily(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one access-log entry per family");
        }
        entriesPerFamily = n;
        return this;
    }

    /** Seals every entry with the region's access-log key (the Base64 text of etc/proeftuin-access-log.key). */
    public FamilyGenerator sealedWith(String base64Key) {
        try {
            seal = javax.crypto.Mac.getInstance("HmacSHA256");
            seal.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(base64Key.strip()),
                    "HmacSHA256"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** @param families how many families; the professionals (one per 10 families: about 25 cases each) and names scale with it */
    public FamilyGenerator(int families, long seed) {
        this.families = families;
        this.professionals = Math.max(20, families / 10);
        this.namePool = Math.max(50, families / 20);
        this.random = new SplittableRandom(seed);
    }

    /** The user id of professional {@code n} (0 to families / 10 - 1). */
    public static String professional(int n) {
        return "prof-" + n;
    }

    /** The family name of pool entry {@code n}: unique within the pool. */
    public static String familyName(int n) {
        return FIRST[n % FIRST.length] + SYLLABLE[(n / FIRST.length) % SYLLABLE.length]
                + SYLLABLE[(n / (FIRST.length * SYLLABLE.length)) % SYLLABLE.length]
                + (n >= FIRST.length * SYLLABLE.length * SYLLABLE.length ? Integer.toString(n / 27_000) : "");
    }

    /** The municipalities the cases were spread over (known after {@link #generate}). */
    public List<String> municipalities() {
        return municipalities;
    }

    /** Writes the data set through {@code c} (PostgreSQL) in one transaction: all of it, or on failure nothing. */
    public Result generate(Connection c) throws SQLException {
        long began = System.nanoTime();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            municipalities = municipalities(c);
            long seq;
            String prev;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT last_seq, last_hash FROM access_log_head WHERE head_id = 1 FOR UPDATE")) {
                rs.next();
                seq = rs.getLong(1);
                prev = rs.getString(2);
            }
            if (seq != 0) {
                throw new IllegalStateException("the access log is not empty: generate into a new database");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<String> indexes = bulkLoadMode(c);
            Tables t = new Tables();
            long persons = 0;
            long cases = 0;
            long rows = 0;
            Chain chain = new Chain(prev, seal);
            for (int f = 0; f < families; f++) {
                Family fam = family(f, t, chain);
                persons += fam.persons;
                cases += fam.cases;
                if ((f + 1) % BATCH == 0 || f == families - 1) {
                    rows += t.copy(copy);
                    t = new Tables();
                }
            }
            long indexing = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
            }
            indexMillis = (System.nanoTime() - indexing) / 1_000_000;
            // perfs (issue 13, decision 0044): each case's summary row (V26), which GET /monitor and the
            // comparison read, computed by CaseSummaries' own SQL in one INSERT ... SELECT (its backfill), so
            // the rows are what the stores would have kept current; after fresh statistics, so the planner
            // probes the indexes just re-created per case
            long summarising = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE family_case, case_member, assignment, plan_version");
            }
            summaries = CaseSummaries.rebuildAll(c);
            summaryMillis = (System.nanoTime() - summarising) / 1_000_000;
            try (PreparedStatement head = c.prepareStatement(
                    "UPDATE access_log_head SET last_seq = ?, last_hash = ?, legacy_seq = ? WHERE head_id = 1")) {
                head.setLong(1, chain.seq);
                head.setString(2, chain.prev);
                head.setLong(3, seal == null ? chain.seq : 0);
                head.executeUpdate();
            }
            // the generator writes every entry's person rows itself: the indexer's mark is at the end (V36)
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE access_log_person_mark SET indexed_to = ? WHERE mark_id = 1")) {
                mark.setLong(1, chain.seq);
                mark.executeUpdate();
            }
            c.commit();
            return new Result(families, persons, cases, chain.seq, rows, (System.nanoTime() - began) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** How long re-creating the secondary indexes took (part of the generation time). */
    long indexMillis;
    /** The case_summary rows written and how long that took (part of the generation time). */
    long summaries;
    long summaryMillis;

    /**
     * Bulk-load mode for the data set's tables: their secondary indexes (not primary keys nor unique ones)
     * are dropped now and re-created after the load (one sorted build instead of a million random inserts),
     * and foreign-key triggers are skipped when the user may (superuser: session_replication_role; the rows
     * are written in foreign-key order anyway). Returns the statements that re-create the indexes.
     */
    private static List<String> bulkLoadMode(Connection c) throws SQLException {
        List<String> create = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.indexname, i.indexdef"
                + " FROM pg_indexes i JOIN pg_class x ON x.relname = i.indexname JOIN pg_index d ON d.indexrelid = x.oid"
                + " WHERE i.schemaname = current_schema() AND NOT d.indisunique AND NOT d.indisprimary AND i.tablename IN ("
                + TABLES + ")")) {
            while (rs.next()) {
                drop.add("DROP INDEX " + rs.getString(1));
                create.add(rs.getString(2));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String d : drop) {
                s.execute(d);
            }
            s.execute("SET LOCAL synchronous_commit = off");
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
        }
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT role");
            s.execute("SET LOCAL session_replication_role = replica");
        } catch (SQLException notSuperuser) {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT role");
            }
        }
        return create;
    }

    private static final String TABLES = "'person', 'household', 'household_membership', 'relationship', 'family_case',"
            + " 'case_member', 'case_member_role', 'assignment', 'case_event', 'plan_version', 'case_entry',"
            + " 'case_entry_person', 'access_log', 'access_log_person'";

    private List<String> municipalities(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM municipality ORDER BY code")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        if (names.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO municipality (code, name, name_key, inhabitants,"
                    + " changed_at, changed_by) VALUES (?, ?, ?, NULL, ?, 'generator')")) {
                for (int i = 1; i <= 342; i++) {
                    String name = "Gemeente " + FIRST[i % FIRST.length] + SYLLABLE[(i / FIRST.length) % SYLLABLE.length];
                    p.setString(1, String.format(Locale.ROOT, "GM9%03d", i));
                    p.setString(2, name);
                    p.setString(3, MunicipalityNames.key(name));
                    p.setObject(4, java.time.OffsetDateTime.ofInstant(START, java.time.ZoneOffset.UTC));
                    p.addBatch();
                    names.add(name);
                }
                p.executeBatch();
            }
        }
        return List.copyOf(names);
    }

    private record Family(int persons, int cases) {
    }

    private Family family(int f, Tables t, Chain chain) {
        String family = familyName(random.nextInt(namePool));
        String municipality = municipalities.get(random.nextInt(municipalities.size()));
        Instant created = START.plus(random.nextInt(6 * 365 * 24 * 60), ChronoUnit.MINUTES);
        String[] persons = new String[3];
        LocalDate[] born = {LocalDate.of(1975 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28)),
            LocalDate.of(1975 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28)),
            LocalDate.of(2008 + random.nextInt(17), 1 + random.nextInt(12), 1 + random.nextInt(28))};
        for (int i = 0; i < 3; i++) {
            persons[i] = uuid();
            String given = GIVEN[random.nextInt(GIVEN.length)];
            t.row(t.person, persons[i], given, family, lower(given), lower(family), born[i], created, "generator");
        }
        String household = uuid();
        t.row(t.household, household, "Straat " + (1 + random.nextInt(300)), (1000 + random.nextInt(8999)) + "AB",
                municipality, created, "generator");
        for (String p : persons) {
            t.row(t.membership, uuid(), household, p, born[2]);
        }
        t.row(t.relationship, uuid(), persons[0], persons[2], "PARENT_OF", born[2], null, null, created, "generator");
        t.row(t.relationship, uuid(), persons[1], persons[2], "PARENT_OF", born[2], null, null, created, "generator");
        int caseCount = f % 4 == 0 ? 2 : 1;
        List<String> caseIds = new ArrayList<>();
        for (int k = 0; k < caseCount; k++) {
            String kase = uuid();
            caseIds.add(kase);
            boolean closed = k == 1;
            String phase = PHASES[random.nextInt(PHASES.length)];
            Instant opened = created.plus(k * 400L + random.nextInt(300), ChronoUnit.DAYS)
                    .plus(random.nextInt(86_400), ChronoUnit.SECONDS);
            String framework = FRAMEWORKS[random.nextInt(FRAMEWORKS.length)];
            String opener = professional(random.nextInt(professionals));
            t.row(t.kase, kase, 1, municipality, closed ? "CLOSED" : "OPEN", closed ? "synthetic: closed" : null, "SIGNAL",
                    SOURCES[random.nextInt(SOURCES.length)], "Synthetic signal for family " + f,
                    opened.atZone(java.time.ZoneOffset.UTC).toLocalDate(), phase, framework,
                    "COMPULSORY".equals(framework) ? "OTS" : null, opened, opener);
            String[] roles = {"PARENT", "PARENT", "CHILD"};
            for (int i = 0; i < 3; i++) {
                t.row(t.member, kase, persons[i], i);
                t.row(t.memberRole, kase, persons[i], roles[i]);
            }
            LocalDate since = opened.atZone(java.time.ZoneOffset.UTC).toLocalDate();
            t.row(t.assignment, uuid(), kase, opener, "Professional " + opener, "Jeugdbescherming Regio",
                    "FIXED_PROFESSIONAL", true, since);
            String second = professional(random.nextInt(professionals));
            if (!second.equals(opener)) {
                t.row(t.assignment, uuid(), kase, second, "Professional " + second, "Veilig Thuis", "VEILIG_THUIS",
                        false, since);
            }
            t.row(t.event, uuid(), kase, "CASE_OPENED", "Case opened in " + municipality + " with 3 members", null,
                    opened, opener, "{\"municipality\":" + json(municipality) + ",\"origin\":\"SIGNAL\",\"members\":3}");
            if (!"ACUTE_SAFETY".equals(phase)) {
                t.row(t.event, uuid(), kase, "PHASE_CHANGED", "ACUTE_SAFETY -> " + phase, null, opened.plusSeconds(3600),
                        opener, "{\"from\":\"ACUTE_SAFETY\",\"to\":\"" + phase + "\"}");
            }
            t.row(t.plan, kase, 1, "{\"goals\":[],\"actions\":[],\"agreements\":[],\"conditions\":[],\"familyView\":"
                    + "\"Synthetic plan\"}", null, opened.plusSeconds(7200), opener);
            for (int e = 0; e < 2; e++) {
                String entry = uuid();
                t.row(t.entry, entry, kase, e == 0 ? "FACT" : "OPINION", "Synthetic entry " + e, "generator", opener,
                        "Professional " + opener, "FIXED_PROFESSIONAL", opened.plusSeconds(10_000L + e));
                t.row(t.entryPerson, entry, persons[2 - e], 0);
            }
        }
        for (int a = 0; a < entriesPerFamily; a++) {
            String kase = caseIds.get(a % caseIds.size());
            int named = 1 + random.nextInt(3);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < named; i++) {
                ids.add(persons[(a + i) % 3]);
            }
            chain.append(t, created.plus(a, ChronoUnit.DAYS), ACTIONS[a % ACTIONS.length],
                    professional(random.nextInt(professionals)), ids, kase);
        }
        return new Family(3, caseCount);
    }

    /** The access log's hash chain, in core/audit's canonical form. */
    private static final class Chain {
        long seq;
        String prev;
        private final MessageDigest sha;
        private final SplittableRandom ids = new SplittableRandom(7);
        private final javax.crypto.Mac seal;

        Chain(String prev, javax.crypto.Mac seal) {
            this.prev = prev == null ? GENESIS : prev;
            this.seal = seal;
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void append(Tables t, Instant at, String action, String user, List<String> persons, String caseId) {
            seq++;
            String event = new UUID(ids.nextLong(), ids.nextLong()).toString();
            String personIds = String.join(",", persons);
            StringBuilder s = new StringBuilder(512);
            field(s, "prev", prev);
            field(s, "seq", Long.toString(seq));
            field(s, "event", event);
            field(s, "at", at.toString());
            field(s, "node", "generator");
            field(s, "action", action);
            field(s, "outcome", "SUCCESS");
            field(s, "user", user);
            field(s, "userName", "Professional " + user);
            field(s, "role", "PROFESSIONAL");
            field(s, "organisation", "Jeugdbescherming Regio");
            field(s, "onBehalfOf", null);
            field(s, "purpose", "casework");
            field(s, "persons", personIds);
            field(s, "case", caseId);
            field(s, "objectType", "case");
            field(s, "objectId", caseId);
            field(s, "request", null);
            field(s, "detail", null);
            field(s, "restricted", "false");
            String hash = HexFormat.of().formatHex(sha.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
            t.row(t.log, seq, event, at, "generator", action, "SUCCESS", user, "Professional " + user, "PROFESSIONAL",
                    "Jeugdbescherming Regio", null, "casework", personIds, caseId, "case", caseId, null, null, false,
                    prev, hash, seal == null ? null : HexFormat.of().formatHex(seal.doFinal(
                            ("proeftuin access log entry\n" + hash).getBytes(StandardCharsets.UTF_8))));
            for (String p : persons) {
                t.row(t.logPerson, seq, p);
            }
            prev = hash;
        }

        private static void field(StringBuilder s, String name, String value) {
            s.append(name).append('=');
            if (value == null) {
                s.append('-');
            } else {
                s.append(value.length()).append(':').append(value);
            }
            s.append('\n');
        }
    }

    /** One batch of rows per table, as CSV, copied in foreign-key order. */
    private static final class Tables {
        final Table person = new Table("person (id, given_name, family_name, given_name_lc, family_name_lc,"
                + " date_of_birth, created_at, created_by)");
        final Table household = new Table("household (id, address, postal_code, municipality, created_at, created_by)");
        final Table membership = new Table("household_membership (id, household_id, person_id, since_date)");
        final Table relationship = new Table("relationship (id, from_person_id, to_person_id, relationship_type,"
                + " since_date, until_date, note, created_at, created_by)");
        final Table kase = new Table("family_case (id, row_version, municipality, status, closed_reason, signal_kind,"
                + " signal_source, signal_description, signal_received_on, phase, framework, measure_type, opened_at,"
                + " opened_by)");
        final Table member = new Table("case_member (case_id, person_id, seq_no)");
        final Table memberRole = new Table("case_member_role (case_id, person_id, family_role)");
        final Table assignment = new Table("assignment (id, case_id, professional_id, professional_name, organisation,"
                + " professional_role, casusregie, since_date)");
        final Table event = new Table("case_event (id, case_id, event_type, detail, reason, occurred_at, recorded_by,"
                + " payload)");
        final Table plan = new Table("plan_version (case_id, version_no, content, note, created_at, created_by)");
        final Table entry = new Table("case_entry (id, case_id, entry_kind, body_text, source, author_id, author_name,"
                + " author_role, recorded_at)");
        final Table entryPerson = new Table("case_entry_person (entry_id, person_id, seq_no)");
        final Table log = new Table("access_log (seq_no, event_id, logged_at, node, action, outcome, user_id, user_name,"
                + " user_role, organisation, on_behalf_of, purpose, person_ids, case_id, object_type, object_id,"
                + " request_id, detail, restricted, prev_hash, entry_hash, entry_mac)");
        final Table logPerson = new Table("access_log_person (seq_no, person_id)");
        final Table[] order = {person, household, membership, relationship, kase, member, memberRole, assignment, event,
            plan, entry, entryPerson, log, logPerson};

        void row(Table t, Object... values) {
            t.rows++;
            StringBuilder b = t.csv;
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue; // an empty unquoted field is NULL in CSV
                }
                String s = v instanceof Instant at ? at.toString() : v.toString();
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            }
            b.append('\n');
        }

        long copy(CopyManager copy) throws SQLException {
            long n = 0;
            for (Table t : order) {
                if (t.rows > 0) {
                    long t0 = System.nanoTime();
                    try {
                        copy.copyIn("COPY " + t.columns + " FROM STDIN (FORMAT csv)", new StringReader(t.csv.toString()));
                    } catch (IOException e) {
                        throw new SQLException("COPY " + t.columns, e);
                    }
                    n += t.rows;
                    t.nanos += System.nanoTime() - t0;
                    TIMES.merge(t.columns.substring(0, t.columns.indexOf(' ')), System.nanoTime() - t0, Long::sum);
                }
            }
            return n;
        }
    }

    /** Time spent in COPY per table (nanoseconds), for finding what a load waits for. */
    static final java.util.Map<String, Long> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final class Table {
        long nanos;
        final String columns;
        final StringBuilder csv = new StringBuilder(1 << 16);
        long rows;

        Table(String columns) {
            this.columns = columns;
        }
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
