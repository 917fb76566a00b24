package nl.proeftuin.core.spi;

import java.time.LocalDate;

/**
 * A request for care from a provider that is not contracted (<i>maatwerk</i>).
 *
 * @param requestId    the core's id for the request (idempotency)
 * @param caseId       the case
 * @param municipality the municipality that decides
 * @param provider     the provider asked for
 * @param motivation   why contracted care does not fit
 * @param deadline     by when a decision is due
 */
public record MaatwerkRequest(String requestId, String caseId, String municipality, String provider,
        String motivation, LocalDate deadline) {
}
