package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * The signal or request for help a case was opened from.
 *
 * @param kind        signal or request for help
 * @param source      who it came from
 * @param description what was reported
 * @param receivedOn  when it was received
 */
public record Signal(SignalKind kind, SignalSource source, String description, LocalDate receivedOn) {
}
