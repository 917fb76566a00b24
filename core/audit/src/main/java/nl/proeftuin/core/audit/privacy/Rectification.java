package nl.proeftuin.core.audit.privacy;

import java.time.Instant;

/**
 * A correction made, with the old value kept.
 *
 * @param id       identifier
 * @param personId the person
 * @param field    the field corrected
 * @param oldValue the value before
 * @param newValue the value after
 * @param reason   why
 * @param madeAt   when
 * @param madeBy   who
 */
public record Rectification(String id, String personId, String field, String oldValue, String newValue,
        String reason, Instant madeAt, String madeBy) {
}
