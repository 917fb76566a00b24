package nl.proeftuin.core.api.care;

/**
 * A <i>maatwerk</i> request to make.
 *
 * @param personId   the member of the case the care is for (required)
 * @param provider   the non-contracted provider (required)
 * @param motivation why contracted care does not fit (required)
 */
public record MaatwerkInput(String personId, String provider, String motivation) {
}
