package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.proeftuin.core.api.DutchDay;

/**
 * Synthetic cases for the cohort tests and the 200,000-case benchmark ({@code bench/cohort-compare.sh}):
 * bulk JDBC batch inserts of the rows the comparison reads, with the values given. Not a service and
 * not exported (package {@code internal}): tests and the benchmark reach it on the class path. It
 * lives in core/store because only core/store speaks SQL (decision 0016).
 */
public final class SyntheticCases {
    private static final int BATCH = 1000;

    private SyntheticCases() {
    }

    /**
     * One synthetic case.
     *
     * @param family          a key: cases with the same key share one member (person), so a later one can be a repeat signal
     * @param leadDays        days from the signal to the first plan version, null for no first help yet
     * @param outcome         a ClosingOutcome name when closed (null: open)
     * @param closedAfterDays days from the signal to the closing (when closed)
     * @param experience      the member's family-experience score 1-5, or null
     */
    public record Spec(String municipality, String family, LocalDate signalOn, String pluginId,
            String configurationHash, long bindingRevision, Integer leadDays, int professionals, int handovers,
            boolean compulsory, boolean raadRequest, String outcome, int closedAfterDays, Integer experience,
            Integer careWaitDays) {
    }

    /** @return the ids of the inserted cases, in the order of {@code specs} (persons first in every flush: the case rows refer to them) */
    public static List<String> insert(Connection c, List<Spec> specs) throws SQLException {
        Set<String> persons = new HashSet<>();
        List<String> ids = new java.util.ArrayList<>(specs.size());
        Instant now = Instant.now();
        try (PreparedStatement person = c.prepareStatement("INSERT INTO person (id, given_name, family_name,"
                + " given_name_lc, family_name_lc, date_of_birth, created_at, created_by) SELECT ?, 'X', 'Y', 'x', 'y',"
                + " DATE '2015-01-01', ?, 'bench' WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = ?)");
                PreparedStatement kase = c.prepareStatement("INSERT INTO family_case (id, row_version, municipality,"
                        + " status, closed_reason, signal_kind, signal_source, signal_description, signal_received_on,"
                        + " phase, framework, measure_type, opened_at, opened_by) VALUES (?, 1, ?, ?, ?, 'SIGNAL',"
                        + " 'SCHOOL', 'synthetic', ?, 'STABILISATION', ?, ?, ?, 'bench')");
                PreparedStatement member = c.prepareStatement("INSERT INTO case_member (case_id, person_id, seq_no)"
                        + " VALUES (?, ?, 0)");
                PreparedStatement triage = c.prepareStatement("INSERT INTO triage_outcome (id, case_id, round_id,"
                        + " facts, decision, pending, classification, plugin_id, plugin_bundle, plugin_version,"
                        + " configuration_hash, binding_revision, input_digest, output_digest, decided_at, fallback,"
                        + " recorded_at, recorded_by) VALUES (?, ?, ?, '{}', '{}', FALSE, 'synthetic', ?, 'bench',"
                        + " '1.0.0', ?, ?, 'x', 'x', ?, FALSE, ?, 'bench')");
                PreparedStatement plan = c.prepareStatement("INSERT INTO plan_version (case_id, version_no, content,"
                        + " created_at, created_by) VALUES (?, 1, '{}', ?, 'bench')");
                PreparedStatement assignment = c.prepareStatement("INSERT INTO assignment (id, case_id,"
                        + " professional_id, professional_name, organisation, professional_role, casusregie,"
                        + " since_date) VALUES (?, ?, ?, 'P', 'O', 'FIXED_PROFESSIONAL', FALSE, ?)");
                PreparedStatement handover = c.prepareStatement("INSERT INTO handover (id, case_id, team_position,"
                        + " to_assignment_id, note, occurred_at, recorded_by) VALUES (?, ?, 'FIXED_PROFESSIONAL', ?,"
                        + " 'synthetic', ?, 'bench')");
                PreparedStatement review = c.prepareStatement("INSERT INTO review (id, case_id, reviewer_id,"
                        + " reviewer_name, organisation, conclusion, supports_court_request, plan_version_no,"
                        + " recorded_at, recorded_by) VALUES (?, ?, 'r', 'R', 'O', 'synthetic', TRUE, 1, ?, 'bench')");
                PreparedStatement court = c.prepareStatement("INSERT INTO court_request (id, case_id, measure_type,"
                        + " grounds, review_id, plan_version_no, requested_at, requested_by) VALUES (?, ?, 'OTS',"
                        + " 'synthetic', ?, 1, ?, 'bench')");
                PreparedStatement outcome = c.prepareStatement("INSERT INTO case_outcome (case_id, outcome, reasons,"
                        + " closed_on, closed_at, recorded_by) VALUES (?, ?, 'synthetic', ?, ?, 'bench')");
                PreparedStatement experience = c.prepareStatement("INSERT INTO family_experience (id, case_id,"
                        + " person_id, score, recorded_as, recorded_at, recorded_by) VALUES (?, ?, ?, ?, 'FAMILY', ?,"
                        + " 'bench')");
                PreparedStatement care = c.prepareStatement("INSERT INTO care_request (id, case_id, person_id,"
                        + " municipality, provider, product_category, start_on, motivation, state, plugin_id,"
                        + " requested_at, requested_by, allocated_at, allocated_by) VALUES (?, ?, ?, ?, 'p', '45', ?,"
                        + " 'synthetic', 'ALLOCATED', 'bench', ?, 'bench', ?, 'bench')");
                // cohorts (V26): the summary row from the known values (what CaseSummaries computes; CohortStoreTest
                // checks that a refresh gives the same rows); repeat signals marked afterwards
                PreparedStatement summary = c.prepareStatement("INSERT INTO case_summary (" + CaseSummaries.COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Spec s : specs) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                String personId = UUID.nameUUIDFromBytes(("family:" + s.family()).getBytes()).toString();
                if (persons.add(personId)) {
                    Jdbc.bindAll(person, personId, now, personId);
                    person.addBatch();
                }
                Instant signal = at(s.signalOn(), 0);
                Jdbc.bindAll(kase, id, s.municipality(), s.outcome() == null ? "OPEN" : "CLOSED",
                        s.outcome() == null ? null : "synthetic", s.signalOn(), s.compulsory() ? "COMPULSORY" : "VOLUNTARY",
                        s.compulsory() ? "OTS" : null, signal);
                kase.addBatch();
                Jdbc.bindAll(member, id, personId);
                member.addBatch();
                Jdbc.bindAll(triage, UUID.randomUUID().toString(), id, id, s.pluginId(), s.configurationHash(),
                        s.bindingRevision(), signal, signal);
                triage.addBatch();
                if (s.leadDays() != null) {
                    Jdbc.bindAll(plan, id, at(s.signalOn(), s.leadDays()));
                    plan.addBatch();
                }
                String first = null;
                for (int p = 0; p < s.professionals(); p++) {
                    String a = UUID.randomUUID().toString();
                    first = first == null ? a : first;
                    Jdbc.bindAll(assignment, a, id, "professional-" + p, s.signalOn());
                    assignment.addBatch();
                }
                for (int h = 0; h < s.handovers() && first != null; h++) {
                    Jdbc.bindAll(handover, UUID.randomUUID().toString(), id, first, signal);
                    handover.addBatch();
                }
                if (s.raadRequest()) {
                    String r = UUID.randomUUID().toString();
                    Jdbc.bindAll(review, r, id, signal);
                    review.addBatch();
                    Jdbc.bindAll(court, UUID.randomUUID().toString(), id, r, signal);
                    court.addBatch();
                }
                if (s.outcome() != null) {
                    LocalDate closed = s.signalOn().plusDays(s.closedAfterDays());
                    Jdbc.bindAll(outcome, id, s.outcome(), closed, at(s.signalOn(), s.closedAfterDays()));
                    outcome.addBatch();
                }
                if (s.experience() != null) {
                    Jdbc.bindAll(experience, UUID.randomUUID().toString(), id, personId, s.experience(), signal);
                    experience.addBatch();
                }
                if (s.careWaitDays() != null) {
                    // requested with the first help (or at the signal), allocated careWaitDays later
                    int requested = s.leadDays() == null ? 0 : s.leadDays();
                    Jdbc.bindAll(care, UUID.randomUUID().toString(), id, personId, s.municipality(), s.signalOn(),
                            at(s.signalOn(), requested), at(s.signalOn(), requested + s.careWaitDays()));
                    care.addBatch();
                }
                Integer firstHelp = s.leadDays() != null ? s.leadDays()
                        : s.careWaitDays() != null ? Integer.valueOf(0) : null;
                boolean closedCase = s.outcome() != null;
                Jdbc.bindAll(summary, id, s.municipality(), s.signalOn(), closedCase ? "CLOSED" : "OPEN",
                        s.compulsory() ? "COMPULSORY" : "VOLUNTARY", s.compulsory() ? "OTS" : null, s.signalOn(),
                        firstHelp == null ? new Jdbc.TypedNull(java.sql.Types.DATE) : s.signalOn().plusDays(firstHelp),
                        firstHelp == null ? new Jdbc.TypedNull(java.sql.Types.INTEGER) : firstHelp, s.professionals(),
                        s.professionals(), first == null ? 0 : s.handovers(), s.raadRequest() ? 1 : 0, s.outcome(),
                        closedCase ? s.signalOn().plusDays(s.closedAfterDays()) : new Jdbc.TypedNull(java.sql.Types.DATE),
                        s.pluginId(), s.configurationHash(), s.bindingRevision(),
                        // V32: the member's newest (only) score, the one allocated care request's waiting days
                        experience(s, 1), experience(s, 2), experience(s, 3), experience(s, 4), experience(s, 5),
                        s.careWaitDays() == null ? 0 : 1, s.careWaitDays() == null
                                ? new Jdbc.TypedNull(java.sql.Types.INTEGER) : Math.max(0, s.careWaitDays()));
                summary.addBatch();
                if (++n % BATCH == 0) {
                    flush(person, kase, member, triage, plan, assignment, handover, review, court, outcome, experience, care,
                            summary);
                }
            }
            flush(person, kase, member, triage, plan, assignment, handover, review, court, outcome, experience, care,
                    summary);
        }
        CaseSummaries.markRepeats(c, ids);
        MonitorTally.added(c, ids);
        return ids;
    }

    /** V32's experience_k of a synthetic case: its one member's one score. */
    private static int experience(Spec s, int score) {
        return s.experience() != null && s.experience() == score ? 1 : 0;
    }

    private static void flush(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement s : statements) {
            s.executeBatch();
        }
    }

    /** Noon, Dutch time, {@code days} after the day: an instant dated on that Dutch day. */
    private static Instant at(LocalDate day, int days) {
        return day.plusDays(days).atTime(LocalTime.NOON).atZone(DutchDay.ZONE).toInstant();
    }
}
