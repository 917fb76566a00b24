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

/** The access log in {@code access_log}, {@code access_log_person} and {@code access_log_head} (V6, V10, V16). */
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
                + " ?, ?, ?, ?, ?, ?)", e.seqNo(), e.eventId(), instant(e.at()), e.node(), e.action(), e.outcome(),
                e.userId(), e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(),
                String.join(",", e.personIds()), e.caseId(), e.objectType(), e.objectId(), e.requestId(), e.detail(),
                e.restricted(), e.prevHash(), e.hash(), e.mac());
        for (String person : e.personIds()) {
            Jdbc.update(c, "INSERT INTO access_log_person (seq_no, person_id) VALUES (?, ?)", e.seqNo(), person);
        }
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
        List<Object[]> persons = new ArrayList<>();
        for (StoredAccessEntry e : entries) {
            rows.add(new Object[] {e.seqNo(), e.eventId(), instant(e.at()), e.node(), e.action(), e.outcome(),
                e.userId(), e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(),
                String.join(",", e.personIds()), e.caseId(), e.objectType(), e.objectId(), e.requestId(), e.detail(),
                e.restricted(), e.prevHash(), e.hash(), e.mac()});
            for (String person : e.personIds()) {
                persons.add(new Object[] {e.seqNo(), person});
            }
        }
        insertRows(c, "INSERT INTO access_log (" + COLUMNS + ") VALUES ", 22, rows);
        insertRows(c, "INSERT INTO access_log_person (seq_no, person_id) VALUES ", 2, persons);
    }

    /**
     * On PostgreSQL the whole batch is ONE statement, whatever its size (decision 0054): the entries and
     * their person rows as arrays, one per column, unnested into both tables by one statement with a
     * data-modifying {@code WITH}. The group commit is serial, so its round trips are the chain's pace:
     * the chunks of {@link #CHUNKS} took up to 8 statements per table, each a round trip.
     */
    static final String APPEND_AS_ARRAYS = "WITH e AS (INSERT INTO access_log (" + COLUMNS + ") SELECT * FROM unnest("
            + "?::bigint[], ?::varchar[], ?::timestamptz[], " + "?::varchar[], ".repeat(15) + "?::boolean[], "
            + "?::varchar[], ?::varchar[], ?::varchar[]))"
            + " INSERT INTO access_log_person (seq_no, person_id) SELECT * FROM unnest(?::bigint[], ?::varchar[])";

    private static void appendAllAsArrays(Connection c, List<StoredAccessEntry> entries) throws SQLException {
        int n = entries.size();
        Object[][] columns = new Object[22][n];
        List<Long> personSeqs = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StoredAccessEntry e = entries.get(i);
            Object[] row = {e.seqNo(), e.eventId(), e.at() == null ? null : e.at().toString(), e.node(), e.action(),
                e.outcome(), e.userId(), e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(),
                String.join(",", e.personIds()), e.caseId(), e.objectType(), e.objectId(), e.requestId(), e.detail(),
                e.restricted(), e.prevHash(), e.hash(), e.mac()};
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
            for (String person : e.personIds()) {
                personSeqs.add(e.seqNo());
                persons.add(person);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(APPEND_AS_ARRAYS)) {
            for (int col = 0; col < columns.length; col++) {
                String type = col == 0 ? "int8" : col == 18 ? "bool" : "varchar";
                Object[] values = col == 0 ? new Long[n] : col == 18 ? new Boolean[n] : new String[n];
                System.arraycopy(columns[col], 0, values, 0, n);
                ps.setArray(col + 1, c.createArrayOf(type, values));
            }
            ps.setArray(23, c.createArrayOf("int8", personSeqs.toArray(new Long[0])));
            ps.setArray(24, c.createArrayOf("varchar", persons.toArray(new String[0])));
            ps.executeUpdate();
        }
    }

    /** The rows in statements of {@link #CHUNKS} rows each (the same few texts every batch). */
    private static void insertRows(Connection c, String insert, int columns, List<Object[]> rows) throws SQLException {
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
        return Jdbc.list(c, "SELECT person_id FROM case_member WHERE case_id = ? ORDER BY seq_no", rs -> rs.getString(1),
                caseId);
    }

    @Override
    public List<StoredAccessEntry> query(Connection c, AccessLogFilter q, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM access_log l WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
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
        if (q.personId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM access_log_person p WHERE p.seq_no = l.seq_no AND p.person_id = ?)");
            params.add(q.personId());
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
        // the person's entries found through the person index, newest first, never by walking the log
        // (decision 0036); entries from before the person index existed (up to legacy_seq, none on an
        // installation that began at 0.2 or later) are found through the person's cases, as a UNION, not
        // an OR (an OR of two subqueries makes PostgreSQL test every entry)
        long legacy = Jdbc.one(c, "SELECT COALESCE(legacy_seq, 0) FROM access_log_head WHERE head_id = 1",
                rs -> rs.getLong(1)).orElse(0L);
        List<Object> params = new ArrayList<>(List.of(personId));
        StringBuilder sql;
        if (legacy == 0) {
            sql = new StringBuilder("SELECT " + COLUMNS.replaceAll("(^|, )", "$1l.") + " FROM access_log_person p"
                    + " JOIN access_log l ON l.seq_no = p.seq_no WHERE p.person_id = ? AND l.restricted = FALSE");
        } else {
            // a join with the UNION, not "seq_no IN (... UNION ...)", which H2 ran again for every entry it
            // walked past (decision 0049)
            sql = new StringBuilder("SELECT " + COLUMNS.replaceAll("(^|, )", "$1l.") + " FROM access_log l"
                    + " JOIN (SELECT p.seq_no AS seq_no FROM access_log_person p WHERE p.person_id = ?"
                    + " UNION SELECT o.seq_no FROM access_log o WHERE o.case_id IN"
                    + " (SELECT m.case_id FROM case_member m WHERE m.person_id = ?) AND o.seq_no <= ?) s"
                    + " ON s.seq_no = l.seq_no WHERE l.restricted = FALSE");
            params.add(personId);
            params.add(legacy);
        }
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
