package nl.proeftuin.core.spi;

import java.time.LocalDate;

/**
 * Where a <i>maatwerk</i> request stands.
 *
 * @param requestId the request
 * @param state     {@code SUBMITTED}, {@code GRANTED}, {@code REFUSED}
 * @param deadline  by when a decision is due
 * @param detail    the decision's explanation, or null while submitted
 */
public record MaatwerkStatus(String requestId, String state, LocalDate deadline, String detail) {
}
