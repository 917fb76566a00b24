package nl.proeftuin.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the access log as stored: the event, neutralised against log injection (control
 * characters escaped), with its place in the hash chain.
 *
 * @param eventId      a random UUID
 * @param seqNo        1, 2, 3, ... without gaps: a gap is a removed entry
 * @param at           when it was logged (UTC, milliseconds)
 * @param node         the node (server) that logged it
 * @param action       what was done
 * @param outcome      SUCCESS, DENIED or FAILURE
 * @param userId       who
 * @param userName     their name, or null
 * @param role         the role, or null
 * @param organisation their organisation, or null
 * @param onBehalfOf   on whose behalf, or null
 * @param purpose      why, or null
 * @param personIds    the persons concerned
 * @param caseId       the case concerned, or null
 * @param objectType   the kind of object, or null
 * @param objectId     its id, or null
 * @param requestId    the request id, or null
 * @param detail       free text, or null
 * @param restricted   about restricted data: never shown in a person's access view
 * @param prevHash     the hash of the entry before (64 zeros for the first)
 * @param hash         SHA-256 (hex) over the canonical form of this entry's fields and {@code prevHash}
 */
public record AccessLogEntry(String eventId, long seqNo, Instant at, String node, AccessAction action,
        String outcome, String userId, String userName, String role, String organisation, String onBehalfOf,
        String purpose, List<String> personIds, String caseId, String objectType, String objectId,
        String requestId, String detail, boolean restricted, String prevHash, String hash) {

    /** Copies the list. */
    public AccessLogEntry {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }
}
