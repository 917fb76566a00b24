package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * A recorded household with its members over time.
 *
 * @param id           identifier
 * @param address      street and number
 * @param postalCode   postal code, or null
 * @param municipality municipality
 * @param members      membership periods, past and present
 */
public record Household(String id, String address, String postalCode, String municipality, List<Membership> members) {
}
