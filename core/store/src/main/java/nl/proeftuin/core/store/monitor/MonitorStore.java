package nl.proeftuin.core.store.monitor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The few columns the outcome monitor computes with, for all cases of the region at once: since V33
 * (decision 0045) the case figures come from the tally of the summary rows, so their cost does not grow
 * with the number of cases.
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

    // --- cohorts (V26, decision 0037): the monitor's figures per municipality (the engine adds
    // municipalities up for the region), from the tally of the per-case summary rows (V33, decision 0045)

    /** Cases per municipality: all, open, and open without first help. */
    record CaseCounts(String municipality, long cases, long open, long waitingForHelp) {
    }

    /** How many cases (or care requests) of a municipality have a value. */
    record Bucket(String municipality, int value, long count) {
    }

    /** How many cases of a municipality were open on a day under a framework. */
    record FrameworkCount(java.time.LocalDate day, String municipality, String framework, long count) {
    }

    /** The per-case figures the monitor shows as distributions. */
    enum Figure {
        /** Cases with first help: days from the signal to it. */
        LEAD_TIME_DAYS,
        /** Open cases: distinct professionals with an open assignment. */
        ACTIVE_PROFESSIONALS,
        /** All cases: handovers. */
        HANDOVERS
    }

    List<CaseCounts> caseCounts(Connection c) throws SQLException;

    List<Bucket> histogram(Connection c, Figure figure) throws SQLException;

    /**
     * The cases open at the end of each day (opened on or before it, not closed by it), by the framework
     * they were in then. The days are the last days of months from twelve months before the last
     * folding's day ({@link #compactTally}) on, and today: cases are counted by the month they opened and
     * closed in, and no case opens or closes after today.
     */
    List<FrameworkCount> frameworks(Connection c, List<java.time.LocalDate> days) throws SQLException;

    /**
     * Folds the changes the writers appended to the counts {@link #caseCounts}, {@link #histogram} and
     * {@link #frameworks} read (V33, decision 0045) into their sums, and counts the cases opened and closed
     * in the months before the twelve before {@code today}'s as one. What those methods read is the same
     * before and after, for the days {@link #frameworks} takes. Safe to run on several nodes at once.
     *
     * @param today the Dutch calendar day
     * @return how many rows were folded or rolled up
     */
    int compactTally(Connection c, java.time.LocalDate today) throws SQLException;

    /**
     * Care requests that count (not FALLBACK, REJECTED or UNSUPPORTED) by their own municipality: value
     * the Dutch days from request to allocation, or -1 while not allocated.
     */
    List<Bucket> careWaits(Connection c) throws SQLException;
}
