package nl.proeftuin.core.audit.privacy;

/**
 * A legal hold to place.
 *
 * @param subjectType PERSON or CASE
 * @param subjectId   the person's or case's id
 * @param reason      why (a court case, a complaint, an inquiry)
 */
public record LegalHoldInput(String subjectType, String subjectId, String reason) {
}
