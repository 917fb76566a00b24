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

    /** The binding that applies to a municipality (its own, else the region's), or null. */
    static Binding effective(BindingStore store, Connection c, ExtensionPoint point, String municipality)
            throws SQLException {
        List<StoredBinding> found = store.candidates(c, point.name(), municipality);
        return found.isEmpty() ? null : binding(found.get(0));
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

    static BindingChange change(StoredBindingChange x) {
        return new BindingChange(x.id(), ExtensionPoint.valueOf(x.point()), x.municipality(), x.oldPluginId(),
                CanonicalJson.configuration(x.oldConfiguration()), x.newPluginId(),
                CanonicalJson.configuration(x.newConfiguration()), x.at(), x.by(), x.reason());
    }
}
