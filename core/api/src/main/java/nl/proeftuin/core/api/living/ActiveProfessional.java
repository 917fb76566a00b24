package nl.proeftuin.core.api.living;

/**
 * A professional active around a family: who, from which organisation, in which case (its id only).
 *
 * @param professionalId the professional's user id
 * @param name           their name
 * @param organisation   their organisation
 * @param caseId         the case they are assigned to
 */
public record ActiveProfessional(String professionalId, String name, String organisation, String caseId) {
}
