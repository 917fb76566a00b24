package nl.proeftuin.core.api.dto;

/**
 * Informed consent: who agreed (or refused) to what, having been told why, to what end, and what
 * refusing means.
 *
 * @param personId             the person (a member of the case)
 * @param subject              what it is about, for example sharing information with the school (required)
 * @param reason               the reason they were told (required)
 * @param aim                  the aim they were told (required)
 * @param consequenceOfRefusal what refusing means, as they were told (required)
 * @param given                whether consent was given (false: refused)
 */
public record ConsentInput(String personId, String subject, String reason, String aim, String consequenceOfRefusal,
        boolean given) {
}
