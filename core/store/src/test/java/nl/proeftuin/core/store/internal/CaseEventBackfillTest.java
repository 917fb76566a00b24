package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.store.cases.StoredCase;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * V15 gives the case events written before typed events their payload, once, from the sentences
 * that had a fixed form then; the outcome monitor reads only the payload, so a region that upgrades
 * keeps its framework history. On H2 and on PostgreSQL (the backfill is plain SQL for both).
 */
class CaseEventBackfillTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        backfills(h2);
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            backfills(postgres.getPostgresDatabase());
        }
    }

    private static void backfills(DataSource ds) throws Exception {
        flyway(ds).target("14").load().migrate();
        String caseId = UUID.randomUUID().toString();
        Map<String, String> ids = new HashMap<>();
        try (Connection c = ds.getConnection()) {
            new JdbcCaseStore().insertCase(c, new StoredCase(caseId, 1, "Arnhem", CaseStatus.OPEN, null,
                    new Signal(SignalKind.SIGNAL, SignalSource.SCHOOL, "zorgen", LocalDate.of(2026, 1, 5)),
                    Phase.ACUTE_SAFETY, Framework.VOLUNTARY, null, T0, "u1"));
            ids.put("framework", oldEvent(c, caseId, "FRAMEWORK_CHANGED", "VOLUNTARY -> COMPULSORY (OTS from 2026-01-06)"));
            ids.put("phase", oldEvent(c, caseId, "PHASE_CHANGED", "ACUTE_SAFETY -> STABILISATION"));
            ids.put("plan", oldEvent(c, caseId, "PLAN_VERSION_SAVED", "plan version 12 saved"));
            ids.put("closed", oldEvent(c, caseId, "CASE_CLOSED", "closed"));
            ids.put("assigned", oldEvent(c, caseId, "ASSIGNED", "Ans (Wijkteam) as FIXED_PROFESSIONAL"));
        }

        flyway(ds).load().migrate();

        try (Connection c = ds.getConnection()) {
            assertEquals("{\"from\":\"VOLUNTARY\",\"to\":\"COMPULSORY\",\"measure\":null}", payload(c, ids.get("framework")));
            assertEquals("{\"from\":\"ACUTE_SAFETY\",\"to\":\"STABILISATION\"}", payload(c, ids.get("phase")));
            assertEquals("{\"version\":12}", payload(c, ids.get("plan")));
            assertEquals("{}", payload(c, ids.get("closed")));
            assertNull(payload(c, ids.get("assigned")), "no fixed form to read: the sentence stays the only record");
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure(JdbcDatabase.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration");
    }

    private static String oldEvent(Connection c, String caseId, String type, String detail) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_event (id, case_id, event_type, detail,"
                + " occurred_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'u1')")) {
            s.setString(1, id);
            s.setString(2, caseId);
            s.setString(3, type);
            s.setString(4, detail);
            s.setTimestamp(5, Timestamp.from(T0));
            s.executeUpdate();
        }
        return id;
    }

    private static String payload(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT payload FROM case_event WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
