package nl.proeftuin.core.store.monitor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The few columns the outcome monitor computes with, for all cases of the region at once (a region
 * holds thousands of cases, not millions).
 */
@ProviderType
public interface MonitorStore {

    /** A case: status and framework by name. */
    record MonitorCase(String id, String municipality, String status, String framework, LocalDate signalReceivedOn,
            Instant openedAt) {
    }

    /** A case event of a given type: its typed payload (JSON; null when written before V15 in an unknown form). */
    record MonitorEvent(String caseId, String type, String payload, Instant occurredAt) {
    }

    /** A care request's municipality and moments; {@code allocatedAt} null while not allocated. */
    record CareRequestTimes(String municipality, Instant requestedAt, Instant allocatedAt) {
    }

    List<MonitorCase> cases(Connection c) throws SQLException;

    /** @return by case id: the moment of its first plan version */
    Map<String, Instant> firstPlanVersions(Connection c) throws SQLException;

    /** @return by case id: the moment of its first care request */
    Map<String, Instant> firstCareRequests(Connection c) throws SQLException;

    /** @return by case id: how many distinct professionals are assigned now (cases with none are absent) */
    Map<String, Integer> activeProfessionals(Connection c) throws SQLException;

    /** @return by case id: how many handovers it had (cases with none are absent) */
    Map<String, Integer> handovers(Connection c) throws SQLException;

    /** @return the case events of the given types, in the order they were written */
    List<MonitorEvent> events(Connection c, List<String> types) throws SQLException;

    List<CareRequestTimes> careRequests(Connection c) throws SQLException;
}
