package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.plugins.StoredBinding;
import nl.proeftuin.core.store.plugins.StoredBindingChange;
import nl.proeftuin.core.store.plugins.StoredSwitch;
import nl.proeftuin.core.api.plugins.BindingChangedException;
import nl.proeftuin.core.api.plugins.PlannedSwitch;

/**
 * Reading and writing bindings, shared by {@link StoredPluginRuntime} (changes by coordinators),
 * {@link DefaultBinding} (defaults from region features) and {@link BoundTriageService}
 * (resolution). Not a component.
 *
 * <p>Resolution reads the table on every request rather than caching it: the table is the truth on
 * every node, so a change made on another node is seen by the very next request (the ~1 s target is
 * met with no notification machinery), and the read is one primary-key query for at most two rows
 * on the connection the request already holds. A cache would still need a validation query per
 * request (see {@link BindingStore#lastChange}) to be that fresh, which costs the same round trip.
 */
final class Bindings {

    /** Plugin ids: lower-case words joined by hyphens (see {@code PluginId}). */
    static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_ENTRIES = 100;
    static final int MAX_KEY = 100;

    private Bindings() {
    }

    /**
     * The binding that applies to a municipality at {@code now} (its own, else the region's), or null:
     * the stored rows overlaid with the planned switches of both scopes that are due by {@code now}
     * (decision 0031), so that a switch takes effect at its time on every node, before any node
     * applies it to the table. Two indexed queries on the request's connection.
     */
    static Binding effective(BindingStore store, Connection c, ExtensionPoint point, String municipality, Instant now)
            throws SQLException {
        List<StoredBinding> found = store.candidates(c, point.name(), municipality);
        List<StoredSwitch> due = store.dueFor(c, point.name(), municipality, now);
        if (due.isEmpty()) {
            return found.isEmpty() ? null : binding(found.get(0));
        }
        StoredBinding own = municipality == null ? null
                : found.stream().filter(b -> b.municipality() != null).findFirst().orElse(null);
        StoredBinding region = found.stream().filter(b -> b.municipality() == null).findFirst().orElse(null);
        for (StoredSwitch s : due) { // oldest first: the latest due one of a scope wins
            StoredBinding applied = s.pluginId() == null ? null : applied(s);
            if (s.municipality() == null) {
                region = applied;
            } else {
                own = applied;
            }
        }
        return own != null ? binding(own) : region != null ? binding(region) : null;
    }

    /** The binding a switch sets: its revision is the switch's number, changed when it took effect. */
    private static StoredBinding applied(StoredSwitch s) {
        return new StoredBinding(s.point(), s.municipality(), s.pluginId(), s.configuration(), s.configurationHash(),
                s.id(), s.effectiveAt(), s.plannedBy(), s.reason());
    }

    /** Who the history names for an applied switch's settlement. */
    static final String APPLIED_BY = "planned-switch";

    /**
     * Writes the switches due by {@code now} into the bindings and their history, oldest first, each
     * with its own number and effective time (so the table says what resolution already said). The
     * caller holds the binding log's lock ({@link BindingStore#nextChange} or {@link BindingStore#lock})
     * in this transaction; every binding change calls this first, so a row is never older than a due
     * switch of its scope.
     *
     * @return how many were applied
     */
    static int applyDue(BindingStore store, Connection c, Instant now) throws SQLException {
        List<StoredSwitch> due = store.due(c, now);
        for (StoredSwitch s : due) {
            Optional<StoredBinding> old = store.find(c, s.point(), s.municipality());
            if (s.pluginId() == null) {
                if (old.isPresent()) {
                    store.remove(c, s.point(), s.municipality());
                    store.insertChange(c, new StoredBindingChange(s.id(), s.point(), s.municipality(),
                            old.get().pluginId(), old.get().configuration(), null, null, s.effectiveAt(), s.plannedBy(),
                            s.reason()));
                }
            } else {
                store.put(c, applied(s));
                store.insertChange(c, new StoredBindingChange(s.id(), s.point(), s.municipality(),
                        old.map(StoredBinding::pluginId).orElse(null), old.map(StoredBinding::configuration).orElse(null),
                        s.pluginId(), s.configuration(), s.effectiveAt(), s.plannedBy(), s.reason()));
            }
            store.settleSwitch(c, s.id(), StoredSwitch.APPLIED, now, APPLIED_BY, null);
        }
        return due.size();
    }

    /**
     * Refuses a change made against another revision than the scope's binding has now (0: none);
     * null expected is not checked. Call it under the lock, after {@link #applyDue}.
     */
    static void checkRevision(BindingStore store, Connection c, ExtensionPoint point, String municipality,
            Long expected) throws SQLException {
        if (expected == null) {
            return;
        }
        long current = store.find(c, point.name(), municipality).map(StoredBinding::revision).orElse(0L);
        if (current != expected) {
            throw new BindingChangedException(expected, current,
                    point + " for " + (municipality == null ? "the region" : municipality));
        }
    }

    /**
     * Sets a binding and records the change; the caller has validated everything.
     *
     * @param change the change number taken with {@link BindingStore#nextChange} in this transaction
     */
    static Binding write(BindingStore store, Connection c, long change, ExtensionPoint point, String municipality,
            String pluginId, Map<String, String> configuration, String by, String reason, Instant now)
            throws SQLException {
        Optional<StoredBinding> old = store.find(c, point.name(), municipality);
        String json = CanonicalJson.write(new TreeMap<>(configuration));
        StoredBinding b = new StoredBinding(point.name(), municipality, pluginId, json, CanonicalJson.sha256(json), change,
                now, by, reason);
        store.put(c, b);
        store.insertChange(c, new StoredBindingChange(change, point.name(), municipality,
                old.map(StoredBinding::pluginId).orElse(null), old.map(StoredBinding::configuration).orElse(null),
                pluginId, json, now, by, reason));
        return binding(b);
    }

    // --- validation ---------------------------------------------------------------------------------

    /** A municipality name, or null for the region. */
    static String municipality(String municipality) {
        String m = Check.optionalText("municipality", municipality, Check.NAME);
        if (BindingStore.REGION_SCOPE.equals(m)) {
            throw new InvalidInputException("municipality", "is not a municipality name; leave it out for the region");
        }
        return m;
    }

    static String pluginId(String pluginId) {
        String id = Check.text("pluginId", pluginId, Check.ID);
        if (!PLUGIN_ID.matcher(id).matches()) {
            throw new InvalidInputException("pluginId", "must be lower-case words joined by hyphens, such as three-way-triage");
        }
        if (id.equals(BoundTriageService.FALLBACK_ID)) {
            throw new InvalidInputException("pluginId", "is the core's fallback, which is used without a binding");
        }
        return id;
    }

    /** The configuration, sorted by key; null is empty. */
    static Map<String, String> configuration(Map<String, String> configuration) {
        TreeMap<String, String> out = new TreeMap<>();
        if (configuration == null) {
            return out;
        }
        if (configuration.size() > MAX_ENTRIES) {
            throw new InvalidInputException("configuration", "has more than " + MAX_ENTRIES + " entries");
        }
        for (Map.Entry<String, String> e : configuration.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isBlank() || !key.equals(key.strip()) || key.length() > MAX_KEY) {
                throw new InvalidInputException("configuration", "has a key that is empty, longer than " + MAX_KEY
                        + " characters or surrounded by spaces: '" + key + "'");
            }
            if (e.getValue() == null) {
                throw new InvalidInputException("configuration." + key, "is required (use an empty string for none)");
            }
            if (e.getValue().length() > Check.LONG_TEXT) {
                throw new InvalidInputException("configuration." + key, "is longer than " + Check.LONG_TEXT + " characters");
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    // --- conversion -------------------------------------------------------------------------------

    static Binding binding(StoredBinding b) {
        return new Binding(ExtensionPoint.valueOf(b.point()), b.municipality(), b.pluginId(),
                CanonicalJson.configuration(b.configuration()), b.configurationHash(), b.revision(), b.changedAt(),
                b.changedBy(), b.reason());
    }

    static PlannedSwitch planned(StoredSwitch s) {
        return new PlannedSwitch(s.id(), ExtensionPoint.valueOf(s.point()), s.municipality(), s.pluginId(),
                s.configuration() == null ? null : CanonicalJson.configuration(s.configuration()),
                s.configurationHash(), s.effectiveAt(), s.state(), s.plannedAt(), s.plannedBy(), s.reason(),
                s.settledAt(), s.settledBy(), s.settledReason());
    }

    static BindingChange change(StoredBindingChange x) {
        return new BindingChange(x.id(), ExtensionPoint.valueOf(x.point()), x.municipality(), x.oldPluginId(),
                CanonicalJson.configuration(x.oldConfiguration()), x.newPluginId(),
                CanonicalJson.configuration(x.newConfiguration()), x.at(), x.by(), x.reason());
    }
}
