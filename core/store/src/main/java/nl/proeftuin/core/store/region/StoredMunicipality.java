package nl.proeftuin.core.store.region;

import java.time.Instant;

/**
 * A municipality of the region's register, as stored.
 *
 * @param code        the CBS code, for example {@code GM0202}
 * @param name        the official name, exact case (the form every municipality field stores)
 * @param inhabitants the number of inhabitants, or null when not known
 * @param changedAt   when it was last added or changed
 * @param changedBy   by whom
 */
public record StoredMunicipality(String code, String name, Integer inhabitants, Instant changedAt, String changedBy) {
}
