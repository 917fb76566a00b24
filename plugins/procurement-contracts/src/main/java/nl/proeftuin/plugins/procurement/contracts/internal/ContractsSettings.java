package nl.proeftuin.plugins.procurement.contracts.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The binding's configuration, typed. Every key is optional; an unknown key or an unreadable value
 * is an {@link IllegalArgumentException} naming the key (the core falls back and alerts).
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code register.location}</td><td>{@code bundle:example.json}</td><td>where the register is:
 *     {@code bundle:<name>.json} (shipped in this bundle), {@code file:/...} (under the component's
 *     file directory) or {@code source:<name>} (an HTTP source the administrator configured,
 *     {@code httpSources}); never a URL of the binding's own</td></tr>
 * <tr><td>{@code register.refreshSeconds}</td><td>300</td><td>how long a loaded register is used before
 *     it is read again; 0 = read on every call</td></tr>
 * <tr><td>{@code maatwerk.decisionDays}</td><td>56</td><td>days the municipality has to decide on a
 *     <i>maatwerk</i> request (8 weeks, the Awb decision term)</td></tr>
 * <tr><td>{@code offers.includeFull}</td><td>true</td><td>also offer contracts with capacity 0 (full: the
 *     child goes on the waiting list with the register's waiting time); false = leave them out</td></tr>
 * </table>
 *
 * @param location       see {@code register.location}
 * @param refreshSeconds see {@code register.refreshSeconds}
 * @param decisionDays   see {@code maatwerk.decisionDays}
 * @param includeFull    see {@code offers.includeFull}
 */
record ContractsSettings(String location, long refreshSeconds, int decisionDays, boolean includeFull) {

    static final String LOCATION = "register.location";
    static final String REFRESH = "register.refreshSeconds";
    static final String DECISION_DAYS = "maatwerk.decisionDays";
    static final String INCLUDE_FULL = "offers.includeFull";

    /** Every key with its default, in documentation order. */
    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(LOCATION, "bundle:example.json");
        d.put(REFRESH, "300");
        d.put(DECISION_DAYS, "56");
        d.put(INCLUDE_FULL, "true");
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    static ContractsSettings from(Map<String, String> configuration) {
        Map<String, String> given = configuration == null ? Map.of() : configuration;
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("procurement-contracts: unknown configuration key(s) " + unknown
                    + "; known keys are " + DEFAULTS.keySet());
        }
        Map<String, String> c = new LinkedHashMap<>(DEFAULTS);
        given.forEach((k, v) -> c.put(k, v == null ? "" : v.trim()));
        String location = c.get(LOCATION);
        if (location.isEmpty()) {
            throw new IllegalArgumentException("procurement-contracts: " + LOCATION + " must not be empty");
        }
        return new ContractsSettings(location, number(c, REFRESH, 0, 86_400), (int) number(c, DECISION_DAYS, 1, 365),
                bool(c, INCLUDE_FULL));
    }

    private static long number(Map<String, String> c, String key, long min, long max) {
        try {
            long v = Long.parseLong(c.get(key));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("procurement-contracts: " + key + " must be a whole number from " + min
                + " to " + max + ", not '" + c.get(key) + "'");
    }

    private static boolean bool(Map<String, String> c, String key) {
        String v = c.get(key);
        if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("procurement-contracts: " + key + " must be true or false, not '" + v + "'");
    }
}
