package nl.proeftuin.core.spi;

/**
 * What the core did with an {@link InboundRequest}.
 *
 * @param caseId    the case opened for it
 * @param duplicate true when the idempotency key was known (nothing new was stored)
 */
public record InboundResult(String caseId, boolean duplicate) {
}
