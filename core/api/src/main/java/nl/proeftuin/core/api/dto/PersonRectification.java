package nl.proeftuin.core.api.dto;

import java.time.Instant;

/**
 * A rectification of one field of a person (GDPR art. 16): the value it had and the one it has now.
 *
 * @param id       the rectification's id
 * @param field    {@code givenName}, {@code familyName} or {@code dateOfBirth}
 * @param oldValue the value before, as text (a date as yyyy-mm-dd)
 * @param newValue the value after, as text
 * @param reason   why
 * @param madeAt   when
 * @param madeBy   who (user id)
 */
public record PersonRectification(String id, String personId, String field, String oldValue, String newValue,
        String reason, Instant madeAt, String madeBy) {
}
