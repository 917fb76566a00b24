package nl.proeftuin.core.api.dto;

import java.time.LocalDate;

/**
 * A professional's assignment to a case.
 *
 * @param id             identifier
 * @param professionalId the professional's id
 * @param name           display name
 * @param organisation   organisation
 * @param role           role
 * @param casusregie     whether this assignment holds <i>casusregie</i>
 * @param since          start date
 * @param until          end date, or null while active
 * @param endReason      why it ended, or null
 */
public record Assignment(String id, String professionalId, String name, String organisation, ProfessionalRole role,
        boolean casusregie, LocalDate since, LocalDate until, String endReason) {

    /** @return whether the assignment is current */
    public boolean active() {
        return until == null;
    }
}
