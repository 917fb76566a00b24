package nl.proeftuin.core.store.cohorts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The comparison's figures for one cohort, each computed by one SQL aggregation: value histograms
 * (value to number of cases) for the measured indicators and counts for the yes/no ones. A case
 * belongs to a cohort by the day its signal was received, its municipality, the variant of its
 * first triage (plugin, configuration hash, binding revision: its provenance) and the variant in force
 * at its opening. Every figure is read from the per-case summary rows ({@code case_summary}, V26),
 * which core/store keeps up to date in the transaction of each change.
 */
@ProviderType
public interface CohortStore {

    /**
     * Which cases; every null field is "any".
     *
     * @param municipalities municipality names as stored (exact), or null for the region
     */
    record Filter(LocalDate from, LocalDate to, List<String> municipalities, String pluginId,
            String configurationHash, Long bindingRevision, String openingPoint, String openingPluginId,
            String openingConfigurationHash, String decisionPoint, String decisionPluginId,
            String decisionConfigurationHash) {

        /**
         * A filter without the variant of a later decision ({@code decisionPoint}: a case with at least one
         * decision of that extension point under that plugin, or none bound, and hash; decision 0042).
         */
        public Filter(LocalDate from, LocalDate to, List<String> municipalities, String pluginId,
                String configurationHash, Long bindingRevision, String openingPoint, String openingPluginId,
                String openingConfigurationHash) {
            this(from, to, municipalities, pluginId, configurationHash, bindingRevision, openingPoint, openingPluginId,
                    openingConfigurationHash, null, null, null);
        }

        /** A filter without the variant at opening. */
        public Filter(LocalDate from, LocalDate to, List<String> municipalities, String pluginId,
                String configurationHash, Long bindingRevision) {
            this(from, to, municipalities, pluginId, configurationHash, bindingRevision, null, null, null, null, null,
                    null);
        }
    }

    /**
     * Records the variant in force for a case's decision (cohorts, V26): at its opening one per
     * extension point, later one per decision that consulted a plugin.
     *
     * @param decision           OPENING, TRIAGE, CARE_PATH, PROCUREMENT or LOCAL_TEAM
     * @param point              the extension point's name
     * @param pluginId           the plugin bound, or null when nothing was bound (the fallback)
     * @param configurationHash  its configuration hash, or null
     * @param bindingRevision    the binding's revision (0: none)
     */
    void recordVariant(Connection c, String caseId, String decision, String point, String pluginId,
            String configurationHash, long bindingRevision, java.time.Instant at) throws SQLException;

    /** One recorded variant of a case. */
    record Variant(String decision, String point, String pluginId, String configurationHash, long bindingRevision,
            java.time.Instant at) {
    }

    /** @return the case's recorded variants, oldest first */
    List<Variant> variants(Connection c, String caseId) throws SQLException;

    /** The measured indicators, each a histogram of whole numbers. */
    enum Measure {
        /** Per case with first help: calendar days from the signal's receipt to the first help. */
        LEAD_TIME_DAYS,
        /** Per case: distinct professionals ever assigned. */
        PROFESSIONALS,
        /** Per case: handovers. */
        HANDOVERS,
        /** Per allocated care request of the cohort's cases: days from request to allocation. */
        CARE_WAITING_DAYS,
        /** Per member with a score: the newest score (1 to 5). */
        FAMILY_EXPERIENCE
    }

    /**
     * The yes/no counts of a cohort.
     *
     * @param closed                 cases closed
     * @param outcomeKnown           closed cases with a structured outcome (not UNKNOWN)
     * @param compulsory             cases in the compulsory framework now or at their closing
     * @param raadRequests           cases with at least one request to the Raad / court
     * @param courtMeasures          cases with a court measure (measure recorded, or outcome COURT_MEASURE)
     * @param outOfHomePlaced        closed cases with outcome OUT_OF_HOME_PLACED
     * @param outOfHomePrevented     closed cases with outcome OUT_OF_HOME_PREVENTED
     * @param repeatSignals          closed cases followed by a repeat signal within twelve months
     * @param waitingForFirstHelp    cases without first help yet
     */
    record Counts(long cases, long closed, long outcomeKnown, long compulsory, long raadRequests, long courtMeasures,
            long outOfHomePlaced, long outOfHomePrevented, long repeatSignals, long waitingForFirstHelp) {
    }

    /** One case of a cohort for the researchers' export: no names, BSN or dates of birth; the id is pseudonymised by the caller. */
    record CaseRow(String caseId, String municipality, LocalDate signalReceivedOn, String framework,
            String triagePlugin, String configurationHash, Long bindingRevision, Integer leadTimeDays,
            int professionals, int handovers, int raadRequests, String measureType, String outcome,
            LocalDate closedOn, boolean repeatSignal) {
    }

    /** @return value to how many, ascending */
    SortedMap<Integer, Long> histogram(Connection c, Filter filter, Measure measure) throws SQLException;

    Counts counts(Connection c, Filter filter) throws SQLException;

    /**
     * The per-case figures of a cohort read in one pass (decision 0042): its counts and the histograms of
     * lead time, professionals, handovers and family experience (each member's newest score, from the
     * summary row's counts per score, V32), exactly as {@link #counts} and {@link #histogram} give them.
     */
    record CaseFigures(Counts counts, SortedMap<Integer, Long> leadTimeDays, SortedMap<Integer, Long> professionals,
            SortedMap<Integer, Long> handovers, SortedMap<Integer, Long> familyExperience) {
    }

    /** @return the cohort's counts and its per-case histograms, from one aggregation */
    CaseFigures caseFigures(Connection c, Filter filter) throws SQLException;

    /**
     * @param limit the most rows to return
     * @return the cohort's cases, oldest signal first
     */
    List<CaseRow> rows(Connection c, Filter filter, int limit) throws SQLException;
}
