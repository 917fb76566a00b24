package nl.proeftuin.core.api.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A <i>maatwerk</i> request and where it stands.
 *
 * @param id           identifier (also the connector's request id)
 * @param caseId       the case
 * @param personId     who the care is for
 * @param municipality the deciding municipality
 * @param provider     the provider asked for
 * @param motivation   why
 * @param deadline     by when a decision is due
 * @param state        {@code SUBMITTED}, {@code GRANTED}, {@code REFUSED}
 * @param detail       the decision's explanation, or null
 * @param overdue      undecided and past the deadline
 * @param pluginId     the connector it went through
 * @param at           when requested
 * @param by           by whom
 */
public record MaatwerkView(String id, String caseId, String personId, String municipality, String provider,
        String motivation, LocalDate deadline, String state, String detail, boolean overdue, String pluginId,
        Instant at, String by) {
}
