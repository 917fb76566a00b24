package nl.proeftuin.core.audit.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A person's safe address, shown only to those named on it.
 *
 * @param personId     the person
 * @param address      street and number
 * @param postalCode   postal code, or null
 * @param municipality municipality
 * @param restrictedTo who may see it
 * @param recordedAt   when recorded
 * @param recordedBy   who recorded it
 */
public record SafeAddress(String personId, String address, String postalCode, String municipality,
        List<String> restrictedTo, Instant recordedAt, String recordedBy) {
}
