package nl.proeftuin.core.api.region;

import java.time.Instant;

/**
 * A municipality of the region's register.
 *
 * @param code        the CBS code, for example {@code GM0202} (Arnhem)
 * @param name        the official name; every municipality field of the platform stores exactly this
 * @param inhabitants the number of inhabitants, or null when not known
 * @param changedAt   when it was last added or changed
 * @param changedBy   by whom (a user id, or {@code feature-default} for a region feature's seed)
 */
public record Municipality(String code, String name, Integer inhabitants, Instant changedAt, String changedBy) {
}
