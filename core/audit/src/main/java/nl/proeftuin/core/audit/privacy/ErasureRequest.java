package nl.proeftuin.core.audit.privacy;

import java.time.Instant;

/**
 * An erasure request and its decision.
 *
 * @param id          identifier
 * @param personId    the person
 * @param status      where it stands
 * @param reason      why it was requested
 * @param requestedAt when
 * @param requestedBy who asked
 * @param decidedAt   when decided, or null
 * @param decidedBy   who decided (never the requester), or null
 * @param outcome     what was done or why not, or null
 */
public record ErasureRequest(String id, String personId, ErasureStatus status, String reason, Instant requestedAt,
        String requestedBy, Instant decidedAt, String decidedBy, String outcome) {
}
