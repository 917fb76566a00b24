package nl.proeftuin.core.store.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A person's safe address (the current version) or one of its versions.
 *
 * @param restrictedTo the names it is entrusted to ({@code user:}, {@code role:}, {@code person:})
 * @param versionNo    its version, from 1
 * @param changeKind   for a version: RECORDED, CHANGED or READER_ADDED; null for the current address
 */
public record StoredSafeAddress(String personId, String address, String postalCode, String municipality,
        List<String> restrictedTo, Instant recordedAt, String recordedBy, int versionNo, String changeKind) {
}
