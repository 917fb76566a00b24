package nl.proeftuin.core.api.region;

/**
 * A municipality to add to the register, or its new name and inhabitants.
 *
 * @param code        the CBS code ({@code GM} and four digits); on a change, null or the path's code
 * @param name        the official name (Latin letters, space, hyphen, apostrophe)
 * @param inhabitants the number of inhabitants (0 or more), or null
 */
public record MunicipalityInput(String code, String name, Integer inhabitants) {
}
