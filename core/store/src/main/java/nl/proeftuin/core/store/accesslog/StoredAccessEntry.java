package nl.proeftuin.core.store.accesslog;

import java.time.Instant;
import java.util.List;

/**
 * One access log entry as stored. The action is kept by name (a changed row may hold any text, which
 * verification must see as it is).
 *
 * @param personIds the persons the entry concerns, also kept one row each in {@code access_log_person}
 *                  (written shortly after the entry, decision 0054)
 * @param mac       the entry's MAC; null for an entry written before V10 and not sealed yet
 */
public record StoredAccessEntry(long seqNo, String eventId, Instant at, String node, String action, String outcome,
        String userId, String userName, String role, String organisation, String onBehalfOf, String purpose,
        List<String> personIds, String caseId, String objectType, String objectId, String requestId, String detail,
        boolean restricted, String prevHash, String hash, String mac) {
}
