package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.proeftuin.core.store.accesslog.AccessLogFilter;
import nl.proeftuin.core.store.accesslog.AccessLogStore;
import nl.proeftuin.core.store.accesslog.StoredAccessEntry;
import org.osgi.service.component.annotations.Component;

/**
 * The access log in {@code access_log}, {@code access_log_person}, {@code access_log_head} and
 * {@code access_log_person_mark} (V6, V10, V16, V36).
 */
@Component(service = AccessLogStore.class)
public class JdbcAccessLogStore implements AccessLogStore {
    private static final String COLUMNS = "seq_no, event_id, logged_at, node, action, outcome, user_id, user_name, "
            + "user_role, organisation, on_behalf_of, purpose, person_ids, case_id, object_type, object_id, "
            + "request_id, detail, restricted, prev_hash, entry_hash, entry_mac";

    @Override
    public Optional<Head> lockHead(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT last_seq, last_hash FROM access_log_head WHERE head_id = 1 FOR UPDATE",
                rs -> new Head(rs.getLong(1), rs.getString(2)));
    }

    @Override
    public Optional<Head> head(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT last_seq, last_hash FROM access_log_head WHERE head_id = 1",
                rs -> new Head(rs.getLong(1), rs.getString(2)));
    }

    @Override
    public void moveHead(Connection c, long lastSeq, String lastHash) throws SQLException {
        Jdbc.update(c, "UPDATE access_log_head SET last_seq = ?, last_hash = ? WHERE head_id = 1", lastSeq, lastHash);
    }

    @Override
    public void append(Connection c, StoredAccessEntry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO access_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)", values(e, instant(e.at())));
    }

    /** The entry's values in {@link #COLUMNS}' order, its time as given (a typed value, or text for an array). */
    private static Object[] values(StoredAccessEntry e, Object at) {
        return new Object[] {e.seqNo(), e.eventId(), at, e.node(), e.action(), e.outcome(), e.userId(), e.userName(),
            e.role(), e.organisation(), e.onBehalfOf(), e.purpose(), String.join(",", e.personIds()), e.caseId(),
            e.objectType(), e.objectId(), e.requestId(), e.detail(), e.restricted(), e.prevHash(), e.hash(), e.mac()};
    }

    // --- perf (issue 13): one group commit's entries as one multi-row INSERT per table and chunk
    // (decisions 0035, 0044): a batch of n entries costs a handful of statements, not n + persons
    /** The rows one statement inserts, largest first: few distinct statement texts, so each is parsed once and cached. */
    static final int[] CHUNKS = {64, 16, 4, 1};

    @Override
    public void appendAll(Connection c, List<StoredAccessEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        if (Jdbc.postgres(c)) {
            appendAllAsArrays(c, entries);
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (StoredAccessEntry e : entries) {
            rows.add(values(e, instant(e.at())));
        }
        insertRows(c, "INSERT INTO access_log (" + COLUMNS + ") VALUES ", 22, rows);
    }

    /**
     * On PostgreSQL the whole batch is ONE statement, whatever its size (decision 0054): the entries as
     * arrays, one per column, unnested into the table. The group commit is serial, so its round trips are
     * the chain's pace: the chunks of {@link #CHUNKS} took up to 8 statements per table, each a round trip.
     */
    static final String APPEND_AS_ARRAYS = "INSERT INTO access_log (" + COLUMNS + ") SELECT * FROM unnest("
            + "?::bigint[], ?::varchar[], ?::timestamptz[], " + "?::varchar[], ".repeat(15) + "?::boolean[], "
            + "?::varchar[], ?::varchar[], ?::varchar[])";

    private static void appendAllAsArrays(Connection c, List<StoredAccessEntry> entries) throws SQLException {
        int n = entries.size();
        Object[][] columns = new Object[22][];
        for (int col = 0; col < columns.length; col++) {
            columns[col] = col == 0 ? new Long[n] : col == 18 ? new Boolean[n] : new String[n];
        }
        for (int i = 0; i < n; i++) {
            StoredAccessEntry e = entries.get(i);
            Object[] row = values(e, e.at() == null ? null : e.at().toString());
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
        }
        try (PreparedStatement ps = c.prepareStatement(APPEND_AS_ARRAYS)) {
            for (int col = 0; col < columns.length; col++) {
                ps.setArray(col + 1, c.createArrayOf(col == 0 ? "int8" : col == 18 ? "bool" : "varchar", columns[col]));
            }
            ps.executeUpdate();
        }
    }

    // --- perf (issue 13, decision 0054): person rows written behind the chain, in larger batches

    @Override
    public long personsIndexedTo(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT indexed_to FROM access_log_person_mark WHERE mark_id = 1", rs -> rs.getLong(1))
                .orElse(-1L);
    }

    @Override
    public int indexPersons(Connection c, int max) throws SQLException {
        // the mark's row lock: an indexer on another node waits here, then reads the moved mark
        long from = Jdbc.one(c, "SELECT indexed_to FROM access_log_person_mark WHERE mark_id = 1 FOR UPDATE",
                rs -> rs.getLong(1)).orElseThrow(() -> new SQLException("access_log_person_mark has no row"));
        List<Object[]> entries = Jdbc.list(c, "SELECT seq_no, person_ids FROM access_log WHERE seq_no > ?"
                + " ORDER BY seq_no LIMIT ?", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, from, max);
        if (entries.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] e : entries) {
            for (String person : persons((String) e[1])) {
                rows.add(new Object[] {e[0], person});
            }
        }
        // rows already there (the mark moved back by hand) are left as they are; the check compares them
        if (Jdbc.postgres(c)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO access_log_person (seq_no, person_id)"
                    + " SELECT * FROM unnest(?::bigint[], ?::varchar[]) ON CONFLICT DO NOTHING")) {
                ps.setArray(1, c.createArrayOf("int8", rows.stream().map(r -> r[0]).toArray(Long[]::new)));
                ps.setArray(2, c.createArrayOf("varchar", rows.stream().map(r -> r[1]).toArray(String[]::new)));
                ps.executeUpdate();
            }
        } else {
            insertRows(c, "INSERT INTO access_log_person (seq_no, person_id) VALUES ", 2, rows,
                    " ON CONFLICT DO NOTHING");
        }
        Jdbc.update(c, "UPDATE access_log_person_mark SET indexed_to = ? WHERE mark_id = 1",
                entries.get(entries.size() - 1)[0]);
        return entries.size();
    }

    /** The persons an entry's {@code person_ids} names (no comma is in an id: the log replaced them). */
    private static Set<String> persons(String personIds) {
        return personIds == null || personIds.isEmpty() ? Set.of()
                : new java.util.LinkedHashSet<>(Arrays.asList(personIds.split(",", -1)));
    }

    /**
     * The LIKE pattern that finds an entry naming the person in its {@code person_ids}, exactly: the list
     * and the id between commas, LIKE's wildcards escaped with {@code !}. Null for an id with a comma,
     * which no entry names (the log stores a comma in an id as text), so that it matches nothing.
     */
    static String namedIn(String personId) {
        if (personId.indexOf(',') >= 0) {
            return null;
        }
        return "%," + personId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%";
    }

    /** The condition on {@code access_log l} that the entry names the person of {@link #namedIn}'s pattern. */
    private static final String NAMES = "(',' || l.person_ids || ',') LIKE ? ESCAPE '!'";

    /** The rows in statements of {@link #CHUNKS} rows each (the same few texts every batch). */
    private static void insertRows(Connection c, String insert, int columns, List<Object[]> rows) throws SQLException {
        insertRows(c, insert, columns, rows, "");
    }

    private static void insertRows(Connection c, String insert, int columns, List<Object[]> rows, String suffix)
            throws SQLException {
        int at = 0;
        for (int chunk : CHUNKS) {
            if (rows.size() - at < chunk) {
                continue;
            }
            StringBuilder sql = new StringBuilder(insert);
            String one = "(" + "?, ".repeat(columns - 1) + "?)";
            for (int i = 0; i < chunk; i++) {
                sql.append(i == 0 ? "" : ", ").append(one);
            }
            sql.append(suffix);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                while (rows.size() - at >= chunk) {
                    for (int i = 0; i < chunk; i++) {
                        Jdbc.bindAt(ps, i * columns, rows.get(at + i));
                    }
                    ps.executeUpdate();
                    at += chunk;
                }
            }
        }
    }

    @Override
    public Map<Long, String> unsealedLegacyEntries(Connection c) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT seq_no, entry_hash FROM access_log WHERE entry_mac IS NULL"
                + " AND seq_no <= (SELECT COALESCE(legacy_seq, 0) FROM access_log_head WHERE head_id = 1)",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
            out.put((Long) row[0], (String) row[1]);
        }
        return out;
    }

    @Override
    public boolean anyEntrySealed(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT seq_no FROM access_log WHERE entry_mac IS NOT NULL FETCH FIRST 1 ROWS ONLY",
                rs -> Boolean.TRUE).isPresent();
    }

    @Override
    public void seal(Connection c, Map<Long, String> macs) throws SQLException {
        if (macs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE access_log SET entry_mac = ? WHERE seq_no = ?")) {
            for (Map.Entry<Long, String> mac : macs.entrySet()) {
                ps.setString(1, mac.getValue());
                ps.setLong(2, mac.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<String> caseMembers(Connection c, String caseId) throws SQLException {
        // the members now: one who left the case (an ended membership) is not told of what happens in it since
        return Jdbc.list(c, "SELECT person_id FROM case_member WHERE case_id = ? AND until_date IS NULL ORDER BY seq_no",
                rs -> rs.getString(1), caseId);
    }

    @Override
    public List<StoredAccessEntry> query(Connection c, AccessLogFilter q, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM access_log l");
        List<Object> params = new ArrayList<>();
        if (q.personId() != null) {
            // by its person rows, and after the mark (rows not written yet) by the entry's own list: a join
            // with a UNION, which both engines run once (an OR made PostgreSQL walk the log; decision 0049)
            sql.append(" JOIN (SELECT p.seq_no AS hit FROM access_log_person p WHERE p.person_id = ?"
                    + " UNION SELECT l.seq_no FROM access_log l WHERE l.seq_no >"
                    + " (SELECT indexed_to FROM access_log_person_mark WHERE mark_id = 1) AND " + NAMES + ") s"
                    + " ON s.hit = l.seq_no");
            params.add(q.personId());
            params.add(namedIn(q.personId()));
        }
        sql.append(" WHERE 1 = 1");
        if (q.from() != null) {
            sql.append(" AND logged_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND logged_at < ?");
            params.add(q.to());
        }
        if (q.userId() != null) {
            sql.append(" AND user_id = ?");
            params.add(q.userId());
        }
        if (q.caseId() != null) {
            sql.append(" AND case_id = ?");
            params.add(q.caseId());
        }
        if (q.action() != null) {
            sql.append(" AND action = ?");
            params.add(q.action());
        }
        if (q.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(q.outcome());
        }
        if (q.requestId() != null) {
            sql.append(" AND request_id = ?");
            params.add(q.requestId());
        }
        if (q.afterSeq() != null) {
            sql.append(" AND seq_no > ?");
            params.add(q.afterSeq());
        }
        sql.append(" ORDER BY seq_no LIMIT ?");
        params.add(limit);
        return Jdbc.list(c, sql.toString(), JdbcAccessLogStore::row, params.toArray());
    }

    @Override
    public List<StoredAccessEntry> forPerson(Connection c, String personId, Instant from, Instant to, int limit)
            throws SQLException {
        return forPerson(c, personId, from, to, Long.MAX_VALUE, limit);
    }

    @Override
    public List<StoredAccessEntry> forPersonBefore(Connection c, String personId, long beforeSeq, int limit)
            throws SQLException {
        return forPerson(c, personId, null, null, beforeSeq, limit);
    }

    private List<StoredAccessEntry> forPerson(Connection c, String personId, Instant from, Instant to, long beforeSeq,
            int limit) throws SQLException {
        // the person's entries found through the person index, newest first, never by walking the log
        // (decision 0036); entries from before the person index existed (up to legacy_seq, none on an
        // installation that began at 0.2 or later) are found through the person's cases, as a UNION, not
        // an OR (an OR of two subqueries makes PostgreSQL test every entry)
        // without the mark's row (removed by hand; verification names it) every entry is read by its own list
        long[] marks = Jdbc.one(c, "SELECT COALESCE(h.legacy_seq, 0), COALESCE((SELECT m.indexed_to FROM"
                + " access_log_person_mark m WHERE m.mark_id = 1), 0) FROM access_log_head h WHERE h.head_id = 1",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(new long[] {0, 0});
        long legacy = marks[0];
        long indexedTo = marks[1];
        // newest first: the entries after the mark (no person rows yet, decision 0054) by their own list
        List<StoredAccessEntry> out = new ArrayList<>();
        String named = namedIn(personId);
        if (named != null) {
            out.addAll(newestFirst(c, "SELECT " + L_COLUMNS + " FROM access_log l WHERE l.seq_no > ? AND l.seq_no < ?"
                    + " AND l.restricted = FALSE AND " + NAMES, new ArrayList<>(List.of(indexedTo, beforeSeq, named)), from,
                    to, limit));
        }
        if (out.size() >= limit) {
            return out;
        }
        List<Object> params = new ArrayList<>(List.of(personId));
        String sql;
        if (legacy == 0) {
            sql = "SELECT " + L_COLUMNS + " FROM access_log_person p JOIN access_log l ON l.seq_no = p.seq_no"
                    + " WHERE p.person_id = ? AND l.restricted = FALSE";
        } else {
            // a join with the UNION, not "seq_no IN (... UNION ...)", which H2 ran again for every entry it
            // walked past (decision 0049)
            sql = "SELECT " + L_COLUMNS + " FROM access_log l"
                    + " JOIN (SELECT p.seq_no AS seq_no FROM access_log_person p WHERE p.person_id = ?"
                    + " UNION SELECT o.seq_no FROM access_log o WHERE o.case_id IN"
                    + " (SELECT m.case_id FROM case_member m WHERE m.person_id = ?) AND o.seq_no <= ?) s"
                    + " ON s.seq_no = l.seq_no WHERE l.restricted = FALSE";
            params.add(personId);
            params.add(legacy);
        }
        params.add(indexedTo);
        params.add(beforeSeq);
        out.addAll(newestFirst(c, sql + " AND l.seq_no <= ? AND l.seq_no < ?", params, from, to, limit - out.size()));
        return out;
    }

    private static final String L_COLUMNS = COLUMNS.replaceAll("(^|, )", "$1l.");

    /** The entries a query on {@code access_log l} finds in the time window, newest first, at most {@code limit}. */
    private static List<StoredAccessEntry> newestFirst(Connection c, String query, List<Object> params, Instant from,
            Instant to, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(query);
        if (from != null) {
            sql.append(" AND l.logged_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND l.logged_at < ?");
            params.add(to);
        }
        sql.append(" ORDER BY l.seq_no DESC LIMIT ?");
        params.add(limit);
        return Jdbc.list(c, sql.toString(), JdbcAccessLogStore::row, params.toArray());
    }

    @Override
    public List<StoredAccessEntry> page(Connection c, long fromSeq, int size) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM access_log WHERE seq_no >= ? ORDER BY seq_no LIMIT ?",
                JdbcAccessLogStore::row, fromSeq, size);
    }

    @Override
    public Map<Long, Set<String>> personRows(Connection c, long from, long to) throws SQLException {
        Map<Long, Set<String>> out = new HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT seq_no, person_id FROM access_log_person WHERE seq_no >= ?"
                + " AND seq_no <= ?", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, from, to)) {
            out.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((String) row[1]);
        }
        return out;
    }

    private static StoredAccessEntry row(ResultSet rs) throws SQLException {
        String persons = rs.getString("person_ids");
        return new StoredAccessEntry(rs.getLong("seq_no"), rs.getString("event_id"), instant(rs, "logged_at"),
                rs.getString("node"), rs.getString("action"), rs.getString("outcome"), rs.getString("user_id"),
                rs.getString("user_name"), rs.getString("user_role"), rs.getString("organisation"),
                rs.getString("on_behalf_of"), rs.getString("purpose"),
                persons == null || persons.isEmpty() ? List.of() : Arrays.asList(persons.split(",", -1)),
                rs.getString("case_id"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("request_id"), rs.getString("detail"), rs.getBoolean("restricted"),
                rs.getString("prev_hash"), rs.getString("entry_hash"), rs.getString("entry_mac"));
    }
}
