package nl.proeftuin.core.api.living;

import java.time.LocalDate;

/**
 * Records who holds parental authority over a child: exactly one of a parent in the case or an organisation.
 *
 * @param personId           the child (a CHILD member of the case)
 * @param holderPersonId     the parent (a member of the case), or null
 * @param holderOrganisation the organisation (voogdij by a GI), or null
 * @param since              from when (required)
 */
public record ParentalAuthorityInput(String personId, String holderPersonId, String holderOrganisation,
        LocalDate since) {
}
