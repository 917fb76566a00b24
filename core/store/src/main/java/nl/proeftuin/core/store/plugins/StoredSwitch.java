package nl.proeftuin.core.store.plugins;

import java.time.Instant;

/**
 * A planned binding switch (issue 15 part 5, decision 0031): at {@code effectiveAt} the binding of
 * a point and scope becomes {@code pluginId} with {@code configuration}, or ends when
 * {@code pluginId} is null.
 *
 * @param id                a change number from {@link BindingStore#nextChange}; the binding's revision
 *                          and the history entry's id once applied
 * @param point             the extension point's name
 * @param municipality      the municipality, or null for the region
 * @param pluginId          the plugin, or null when the scope's binding ends
 * @param configuration     the configuration document (canonical JSON), or null when it ends
 * @param configurationHash SHA-256 (hex) of {@code configuration}, or null
 * @param effectiveAt       when it takes effect
 * @param state             {@link #PLANNED}, {@link #APPLIED} or {@link #CANCELLED}
 * @param plannedAt         when it was planned
 * @param plannedBy         by whom
 * @param reason            why
 * @param settledAt         when it was applied or cancelled, or null
 * @param settledBy         by whom (the node's job or the person who cancelled), or null
 * @param settledReason     why it was cancelled, or null
 */
public record StoredSwitch(long id, String point, String municipality, String pluginId, String configuration,
        String configurationHash, Instant effectiveAt, String state, Instant plannedAt, String plannedBy, String reason,
        Instant settledAt, String settledBy, String settledReason) {

    /** Waiting for its time (or due and in force, until the next binding change applies it). */
    public static final String PLANNED = "PLANNED";
    /** Written into the binding and its history. */
    public static final String APPLIED = "APPLIED";
    /** Cancelled before its time. */
    public static final String CANCELLED = "CANCELLED";
}
