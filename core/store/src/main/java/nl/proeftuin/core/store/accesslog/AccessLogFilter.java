package nl.proeftuin.core.store.accesslog;

import java.time.Instant;

/**
 * Which entries to read; every null criterion matches all.
 *
 * @param from     logged at or after
 * @param to       logged before
 * @param personId an entry naming this person
 * @param action   the action's name
 * @param afterSeq  entries after this sequence number
 * @param requestId entries written for this request (indexed from V16)
 */
public record AccessLogFilter(Instant from, Instant to, String userId, String personId, String caseId, String action,
        String outcome, Long afterSeq, String requestId) {

    /** A filter without a request id. */
    public AccessLogFilter(Instant from, Instant to, String userId, String personId, String caseId, String action,
            String outcome, Long afterSeq) {
        this(from, to, userId, personId, caseId, action, outcome, afterSeq, null);
    }
}
