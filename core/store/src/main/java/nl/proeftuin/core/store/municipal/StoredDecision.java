package nl.proeftuin.core.store.municipal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A municipality's decision on a request.
 *
 * @param requestId      the request
 * @param kind           {@code MAATWERK} or {@code CARE}
 * @param caseId         the case
 * @param municipality   the deciding municipality
 * @param outcome        {@code GRANTED}, {@code REFUSED} or {@code PARTLY}
 * @param reasons        the reasons
 * @param decidedAt      when
 * @param decidedBy      the decider's user id
 * @param decidedByName  the decider's name
 * @param objectionUntil the last day of the objection (bezwaar) term
 */
public record StoredDecision(String requestId, String kind, String caseId, String municipality, String outcome,
        String reasons, Instant decidedAt, String decidedBy, String decidedByName, LocalDate objectionUntil) {
}
