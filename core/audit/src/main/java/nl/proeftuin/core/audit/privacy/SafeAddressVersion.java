package nl.proeftuin.core.audit.privacy;

import java.time.Instant;
import java.util.List;

/**
 * One version of a person's safe address: every version is kept, none is overwritten.
 *
 * @param personId     the person
 * @param versionNo    1, 2, 3, ...
 * @param changeKind   RECORDED (the first), CHANGED (a new address or list) or READER_ADDED
 * @param address      street and number
 * @param postalCode   postal code, or null
 * @param municipality municipality
 * @param restrictedTo who may see it
 * @param recordedAt   when this version was made
 * @param recordedBy   who made it
 */
public record SafeAddressVersion(String personId, int versionNo, String changeKind, String address, String postalCode,
        String municipality, List<String> restrictedTo, Instant recordedAt, String recordedBy) {
    /** Copies the list. */
    public SafeAddressVersion {
        restrictedTo = restrictedTo == null ? List.of() : List.copyOf(restrictedTo);
    }
}
