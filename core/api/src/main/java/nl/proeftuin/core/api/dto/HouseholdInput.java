package nl.proeftuin.core.api.dto;

/**
 * A household (<i>huishouden</i>): people living at one address.
 *
 * @param address      street and number (required)
 * @param postalCode   Dutch postal code such as {@code 6811 AB}, or null
 * @param municipality the municipality (required): it decides the local team and contracted care
 */
public record HouseholdInput(String address, String postalCode, String municipality) {
}
