package nl.proeftuin.core.store.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A maatwerk request.
 *
 * @param id             identifier
 * @param caseId         the case
 * @param personId       who the care is for
 * @param municipality   the deciding municipality
 * @param provider       the provider
 * @param motivation     why
 * @param deadline       decision due
 * @param state          SUBMITTED, GRANTED, REFUSED
 * @param detail         the decision's explanation, or null
 * @param pluginId       the connector
 * @param at             when requested
 * @param by             by whom
 * @param decidedAt      when decided, or null
 * @param decidedBy      by whom, or null
 * @param overdueAlerted whether the deadline alert was raised
 */
public record StoredMaatwerk(String id, String caseId, String personId, String municipality, String provider,
        String motivation, LocalDate deadline, String state, String detail, String pluginId, Instant at, String by,
        Instant decidedAt, String decidedBy, boolean overdueAlerted) {
}
