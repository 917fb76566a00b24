package nl.proeftuin.core.api.triage;

import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.spi.TriageFacts;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Triage of a case through the triage plugin bound for its municipality, with provenance and
 * fault isolation: when the bound plugin is absent, throws or overruns its time budget, the
 * outcome is MANUAL_TRIAGE by the core's fallback, an alert is raised, and the call still succeeds.
 *
 * @throws nl.proeftuin.core.api.NotFoundException      unknown case
 * @throws nl.proeftuin.core.api.InvalidInputException  invalid facts or assessment
 * @throws nl.proeftuin.core.api.RuleViolationException {@code case-closed}; {@code triage-required}
 *                                                      when assessing a case never triaged
 */
@ProviderType
public interface TriageService {

    /** Triages (or re-triages) a case from the facts a professional established. */
    TriageOutcome triage(Actor actor, String caseId, TriageFacts facts);

    /** Adds an assessment to a pending multi-step triage and asks the bound triage again. */
    TriageOutcome assess(Actor actor, String caseId, AssessmentInput input);

    /** Outcomes of a case, oldest first. */
    List<TriageOutcome> outcomes(String caseId);

    /** The latest outcome of every case whose triage is pending, oldest first (age is visible from {@code at}). */
    List<TriageOutcome> pending();

    /**
     * {@link #pending()} of the cases a professional may see, filtered by the database (issue 13): on the
     * case's team (actively assigned, or its opener while no one is), or holding an unexpired break-glass
     * grant; within their municipalities, or elsewhere actively assigned. The guard still decides each
     * item; this only keeps the list from reading every pending triage of the region.
     *
     * @param professionalId the professional's user id
     * @param municipalities their municipalities (compared without case); null: all; empty: none
     */
    List<TriageOutcome> pendingVisibleTo(String professionalId, Set<String> municipalities);
}
