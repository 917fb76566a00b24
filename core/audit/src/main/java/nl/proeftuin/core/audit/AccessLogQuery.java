package nl.proeftuin.core.audit;

import java.time.Instant;

/**
 * What an auditor looks for; every criterion is optional (null: any).
 *
 * @param from     at or after this time
 * @param to       before this time
 * @param userId   by this user
 * @param personId concerning this person
 * @param caseId   concerning this case
 * @param action   this action
 * @param outcome  this outcome
 * @param afterSeq  only entries after this sequence number (paging), or null
 * @param limit     at most this many, 1 to 1000
 * @param requestId written for this request (its {@code X-Request-Id}, the {@code requestId} of its log lines)
 */
public record AccessLogQuery(Instant from, Instant to, String userId, String personId, String caseId,
        AccessAction action, String outcome, Long afterSeq, int limit, String requestId) {

    /** A query without a request id (any request). */
    public AccessLogQuery(Instant from, Instant to, String userId, String personId, String caseId,
            AccessAction action, String outcome, Long afterSeq, int limit) {
        this(from, to, userId, personId, caseId, action, outcome, afterSeq, limit, null);
    }

    /**
     * @param limit at most this many
     * @return a query for the oldest entries
     */
    public static AccessLogQuery all(int limit) {
        return new AccessLogQuery(null, null, null, null, null, null, null, null, limit);
    }
}
