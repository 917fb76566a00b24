package nl.proeftuin.core.store.internal;

import static nl.proeftuin.core.store.internal.Jdbc.instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredPlanVersion;
import org.osgi.service.component.annotations.Component;

/**
 * Plan versions as insert-only rows of {@code plan_version}: there is no update or delete here, so
 * a version once saved is what was agreed.
 */
@Component(service = PlanStore.class)
public class JdbcPlanStore implements PlanStore {

    @Override
    public void insertVersion(Connection c, StoredPlanVersion v) throws SQLException {
        Jdbc.update(c, "INSERT INTO plan_version (case_id, version_no, content, note, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
                v.caseId(), v.version(), v.content(), v.note(), instant(v.createdAt()), v.createdBy());
        CaseSummaries.touch(c, v.caseId()); // cohorts (V26)
    }

    @Override
    public Optional<StoredPlanVersion> latest(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM plan_version WHERE case_id = ? ORDER BY version_no DESC LIMIT 1",
                JdbcPlanStore::version, caseId);
    }

    @Override
    public Optional<StoredPlanVersion> version(Connection c, String caseId, int number) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM plan_version WHERE case_id = ? AND version_no = ?", JdbcPlanStore::version,
                caseId, number);
    }

    @Override
    public List<StoredPlanVersion> versions(Connection c, String caseId) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM plan_version WHERE case_id = ? ORDER BY version_no", JdbcPlanStore::version,
                caseId);
    }

    @Override
    public int latestNumber(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(MAX(version_no), 0) FROM plan_version WHERE case_id = ?",
                rs -> rs.getInt(1), caseId).orElse(0);
    }

    private static StoredPlanVersion version(ResultSet rs) throws SQLException {
        return new StoredPlanVersion(rs.getString("case_id"), rs.getInt("version_no"), rs.getString("content"),
                rs.getString("note"), instant(rs, "created_at"), rs.getString("created_by"));
    }
}
