package nl.proeftuin.core.audit.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import nl.proeftuin.core.store.Database;

/** Rows for the privacy tests, written with SQL as the engine writes them (the engine is not a dependency). */
public final class AuditFixtures {
    private final Database database;

    public AuditFixtures(Database database) {
        this.database = database;
    }

    public static HashChainedAccessLog log(Database database, Clock clock) {
        return new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "test");
    }

    /** Runs one statement in its own transaction (an Instant is stored as UTC). */
    public int sql(String statement, Object... params) throws SQLException {
        return database.inTransaction(c -> {
            try (var ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    Object p = params[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : params[i];
                    ps.setObject(i + 1, p);
                }
                return ps.executeUpdate();
            }
        });
    }

    public long count(String query, Object... params) throws SQLException {
        return database.read(c -> {
            try (var ps = c.prepareStatement(query)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public String person(String given, LocalDate born, Instant at) throws SQLException {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO person (id, given_name, family_name, given_name_lc, family_name_lc, date_of_birth, created_at, "
                + "created_by) VALUES (?, ?, 'Jansen', ?, 'jansen', ?, ?, 'ans')", id, given, given.toLowerCase(), born, at);
        return id;
    }

    public String openCase(Instant at, String... children) throws SQLException {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source, "
                + "signal_description, signal_received_on, phase, framework, opened_at, opened_by) VALUES "
                + "(?, 1, 'Arnhem', 'OPEN', 'SIGNAL', 'SCHOOL', 'zorgen', ?, 'ACUTE_SAFETY', 'VOLUNTARY', ?, 'ans')",
                id, LocalDate.ofInstant(at, ZoneOffset.UTC), at);
        int seq = 0;
        for (String child : children) {
            sql("INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, ?)", id, child, seq++);
            sql("INSERT INTO case_member_role (case_id, person_id, family_role) VALUES (?, ?, 'CHILD')", id, child);
        }
        sql("INSERT INTO case_event (id, case_id, event_type, detail, occurred_at, recorded_by) VALUES (?, ?, 'OPENED', 'x', ?, 'ans')",
                UUID.randomUUID().toString(), id, at);
        return id;
    }

    public String closedCase(Instant at, String... children) throws SQLException {
        String id = openCase(at, children);
        sql("UPDATE family_case SET status = 'CLOSED', closed_reason = 'klaar' WHERE id = ?", id);
        sql("INSERT INTO case_event (id, case_id, event_type, detail, occurred_at, recorded_by) VALUES (?, ?, 'CLOSED', 'x', ?, 'ans')",
                UUID.randomUUID().toString(), id, at);
        return id;
    }

    public void entry(String caseId, String about, String text) throws SQLException {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO case_entry (id, case_id, entry_kind, body_text, source, author_id, author_name, recorded_at) "
                + "VALUES (?, ?, 'FACT', ?, 'school', 'ans', 'Ans', CURRENT_TIMESTAMP)", id, caseId, text);
        sql("INSERT INTO case_entry_person (entry_id, person_id, seq_no) VALUES (?, ?, 0)", id, about);
    }
}
