package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.time.LocalDate;

import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;

/**
 * A new signal linked to the open case its family is in, instead of a second case.
 *
 * @param id          identifier
 * @param caseId      the case it was linked to
 * @param kind        signal or request for help
 * @param source      who reported
 * @param description what was reported
 * @param receivedOn  when it was received
 * @param recordedAt  when it was linked
 * @param recordedBy  who linked it
 */
public record LinkedSignal(String id, String caseId, SignalKind kind, SignalSource source, String description,
        LocalDate receivedOn, Instant recordedAt, String recordedBy) {
}
