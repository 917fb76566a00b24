package nl.proeftuin.core.api.municipal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A municipality's decision on a request.
 *
 * @param outcome        {@code GRANTED}, {@code REFUSED} or {@code PARTLY}
 * @param reasons        the reasons (the motivation of the decision)
 * @param decidedAt      when
 * @param decidedBy      the decider (user id)
 * @param decidedByName  the decider's name
 * @param objectionUntil the last day an objection (<i>bezwaar</i>) can be made: six weeks (Awb 6:7)
 */
public record MunicipalDecision(String outcome, String reasons, Instant decidedAt, String decidedBy,
        String decidedByName, LocalDate objectionUntil) {
}
