package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A professional to assign to a case.
 *
 * @param professionalId stable id of the professional (their user id)
 * @param name           display name
 * @param organisation   organisation (local team, RVT, Veilig Thuis, GI, ...)
 * @param role           role from the core catalogue
 * @param casusregie     whether this person directs the case (<i>casusregie</i>)
 * @param since          start date; today when null
 */
public record AssignmentInput(String professionalId, String name, String organisation, ProfessionalRole role,
        boolean casusregie, LocalDate since) {
}
