package nl.proeftuin.core.store.triage;

import java.time.Instant;

/**
 * One assessor's contribution to a triage round.
 *
 * @param id             identifier
 * @param caseId         the case
 * @param roundId        the triage round
 * @param assessorId     who
 * @param assessorName   their name
 * @param assessorRole   their role in the triage
 * @param recommendation the route they recommend (by name)
 * @param note           their reasoning
 * @param at             when
 */
public record StoredAssessment(String id, String caseId, String roundId, String assessorId, String assessorName,
        String assessorRole, String recommendation, String note, Instant at) {
}
