package nl.proeftuin.core.api.dto;

import java.time.Instant;

/**
 * A recorded consent decision.
 *
 * @param id                   identifier
 * @param personId             person
 * @param subject              about what
 * @param reason               reason told
 * @param aim                  aim told
 * @param consequenceOfRefusal consequence of refusal told
 * @param given                given or refused
 * @param recordedAt           when
 * @param recordedBy           who recorded it
 */
public record Consent(String id, String personId, String subject, String reason, String aim,
        String consequenceOfRefusal, boolean given, Instant recordedAt, String recordedBy) {
}
