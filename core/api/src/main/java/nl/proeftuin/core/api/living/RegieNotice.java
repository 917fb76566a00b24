package nl.proeftuin.core.api.living;

import java.time.Instant;

/**
 * A notice to a fixed professional (part 9, the Verwijsindex idea): a member of their family is in another
 * open case too; it names that case's professional and case id, never its content, so that the two can
 * agree who holds regie.
 *
 * @param id                identifier
 * @param caseId            the professional's own case
 * @param otherCaseId       the other open case
 * @param otherUserId       the other case's fixed professional (or its opener while it has no team)
 * @param otherUserName     their name
 * @param otherOrganisation their organisation, or null
 * @param createdAt         when
 */
public record RegieNotice(String id, String caseId, String otherCaseId, String otherUserId, String otherUserName,
        String otherOrganisation, Instant createdAt) {
}
