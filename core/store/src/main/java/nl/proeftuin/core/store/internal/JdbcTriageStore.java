package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.triage.StoredAssessment;
import nl.proeftuin.core.store.triage.StoredTriageOutcome;
import nl.proeftuin.core.store.triage.TriageStore;
import org.osgi.service.component.annotations.Component;

/** Triage outcomes in {@code triage_outcome}, assessments in {@code triage_assessment}. */
@Component(service = TriageStore.class)
public class JdbcTriageStore implements TriageStore {

    private static final String OUTCOME_COLUMNS = "id, case_id, round_id, facts, decision, pending, classification,"
            + " route, plugin_id, plugin_bundle, plugin_version, configuration_hash, binding_revision, input_digest,"
            + " output_digest, decided_at, fallback, fallback_reason, recorded_at, recorded_by";

    @Override
    public void insertOutcome(Connection c, StoredTriageOutcome o) throws SQLException {
        Jdbc.update(c, "INSERT INTO triage_outcome (" + OUTCOME_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", o.id(), o.caseId(), o.roundId(),
                o.facts(), o.decision(), o.pending(), o.classification(), o.route(), o.pluginId(), o.bundle(),
                o.bundleVersion(), o.configurationHash(), o.bindingRevision(), o.inputDigest(), o.outputDigest(),
                instant(o.decidedAt()), o.fallback(), o.fallbackReason(), instant(o.at()), o.by());
        CaseSummaries.touch(c, o.caseId()); // cohorts (V26)
        // cohorts (V26): the variant of this decision, queryable beside the variant at opening
        Jdbc.update(c, "INSERT INTO case_variant (case_id, decision, extension_point, plugin_id, configuration_hash,"
                + " binding_revision, recorded_at) VALUES (?, 'TRIAGE', 'TRIAGE', ?, ?, ?, ?)", o.caseId(), o.pluginId(),
                o.configurationHash(), o.bindingRevision(), instant(o.decidedAt()));
    }

    @Override
    public List<StoredTriageOutcome> outcomes(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT " + OUTCOME_COLUMNS + " FROM triage_outcome WHERE case_id = ? ORDER BY seq_no",
                JdbcTriageStore::outcome, caseId);
    }

    @Override
    public Optional<StoredTriageOutcome> latestOutcome(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT " + OUTCOME_COLUMNS + " FROM triage_outcome WHERE case_id = ? ORDER BY seq_no DESC"
                + " LIMIT 1", JdbcTriageStore::outcome, caseId);
    }

    @Override
    public List<StoredTriageOutcome> pending(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + Jdbc.prefixed("o", OUTCOME_COLUMNS) + " FROM triage_outcome o JOIN family_case k ON k.id = o.case_id"
                + " WHERE o.pending AND k.status <> 'CLOSED'"
                + " AND o.seq_no = (SELECT MAX(l.seq_no) FROM triage_outcome l WHERE l.case_id = o.case_id)"
                + " ORDER BY o.seq_no", JdbcTriageStore::outcome);
    }

    @Override
    public List<StoredTriageOutcome> pendingVisibleTo(Connection c, String userId, java.util.Set<String> municipalities,
            java.time.Instant now) throws SQLException {
        if (municipalities != null && municipalities.isEmpty()) {
            return List.of(); // an account without municipalities sees no case
        }
        NeedToKnowPredicate.Fragment visible = NeedToKnowPredicate.visibleCasesJoin("o.case_id", "v", userId, now);
        List<Object> params = new java.util.ArrayList<>(visible.params());
        String scope = "";
        if (municipalities != null) {
            NeedToKnowPredicate.Fragment within = NeedToKnowPredicate.withinScope("o.case_id", "k.municipality", userId,
                    municipalities);
            scope = " AND " + within.sql();
            params.addAll(within.params());
        }
        return Jdbc.list(c, "SELECT " + Jdbc.prefixed("o", OUTCOME_COLUMNS) + " FROM triage_outcome o" + visible.sql()
                + " JOIN family_case k ON k.id = o.case_id WHERE o.pending AND k.status <> 'CLOSED'" + scope
                + " AND o.seq_no = (SELECT MAX(l.seq_no) FROM triage_outcome l WHERE l.case_id = o.case_id)"
                + " ORDER BY o.seq_no", JdbcTriageStore::outcome, params.toArray());
    }

    @Override
    public List<StoredTriageOutcome> cohort(Connection c, java.time.Instant from, java.time.Instant to,
            String municipality, int limit) throws SQLException {
        String sql = "SELECT " + Jdbc.prefixed("o", OUTCOME_COLUMNS) + " FROM triage_outcome o JOIN family_case k ON k.id = o.case_id"
                + " WHERE o.decided_at >= ? AND o.decided_at < ?" + (municipality == null ? "" : " AND k.municipality = ?")
                + " AND o.seq_no = (SELECT MAX(l.seq_no) FROM triage_outcome l WHERE l.case_id = o.case_id"
                + " AND l.decided_at >= ? AND l.decided_at < ?) ORDER BY o.seq_no LIMIT ?";
        return municipality == null
                ? Jdbc.list(c, sql, JdbcTriageStore::outcome, instant(from), instant(to), instant(from), instant(to), limit)
                : Jdbc.list(c, sql, JdbcTriageStore::outcome, instant(from), instant(to), municipality, instant(from),
                        instant(to), limit);
    }

    @Override
    public void insertAssessment(Connection c, StoredAssessment a) throws SQLException {
        Jdbc.update(c, "INSERT INTO triage_assessment (id, case_id, round_id, assessor_id, assessor_name, assessor_role,"
                + " recommendation, note, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.caseId(),
                a.roundId(), a.assessorId(), a.assessorName(), a.assessorRole(), a.recommendation(), a.note(),
                instant(a.at()));
    }

    @Override
    public List<StoredAssessment> assessments(Connection c, String caseId, String roundId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM triage_assessment WHERE case_id = ? AND round_id = ? ORDER BY seq_no",
                rs -> new StoredAssessment(rs.getString("id"), rs.getString("case_id"), rs.getString("round_id"),
                        rs.getString("assessor_id"), rs.getString("assessor_name"), rs.getString("assessor_role"),
                        rs.getString("recommendation"), rs.getString("note"), instant(rs, "assessed_at")),
                caseId, roundId);
    }

    private static StoredTriageOutcome outcome(ResultSet rs) throws SQLException {
        return new StoredTriageOutcome(rs.getString("id"), rs.getString("case_id"), rs.getString("round_id"),
                rs.getString("facts"), rs.getString("decision"), rs.getBoolean("pending"), rs.getString("classification"),
                rs.getString("route"), rs.getString("plugin_id"), rs.getString("plugin_bundle"),
                rs.getString("plugin_version"), rs.getString("configuration_hash"), rs.getLong("binding_revision"),
                rs.getString("input_digest"), rs.getString("output_digest"), instant(rs, "decided_at"),
                rs.getBoolean("fallback"), rs.getString("fallback_reason"), instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }
}
