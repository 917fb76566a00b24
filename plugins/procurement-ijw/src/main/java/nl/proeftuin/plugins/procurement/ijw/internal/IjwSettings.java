package nl.proeftuin.plugins.procurement.ijw.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The binding's configuration, typed. Unknown keys and unreadable values are an
 * {@link IllegalArgumentException} naming the key (the core falls back and raises an alert).
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code outbox.directory}</td><td>(none)</td><td>write each JW315 as {@code <messageRef>.xml}
 *     into this existing directory (for the exchange software that sends it on)</td></tr>
 * <tr><td>{@code endpoint.url}</td><td>(none)</td><td>or POST each JW315 ({@code application/xml}) to this
 *     http(s) URL; exactly one of the two is needed to send care requests</td></tr>
 * <tr><td>{@code endpoint.timeoutMillis}</td><td>1500</td><td>how long the POST may take</td></tr>
 * <tr><td>{@code referrer.type}</td><td>01</td><td>the JW315 Verwijzer/Type (COD327; 01 = municipality,
 *     the local team refers)</td></tr>
 * <tr><td>{@code referrer.name}</td><td>Lokaal team</td><td>the JW315 Verwijzer/Naam (at most 35)</td></tr>
 * <tr><td>{@code maatwerk.decisionDays}</td><td>56</td><td>decision term of a maatwerk request</td></tr>
 * <tr><td>{@code municipalityCode.<name>}</td><td>built-in table</td><td>the 4-digit CBS code of a
 *     municipality (JW315 Ontvanger); the built-in table covers Centraal Gelderland and Food Valley</td></tr>
 * </table>
 */
record IjwSettings(Path outbox, URI endpoint, long endpointTimeoutMillis, String referrerType, String referrerName,
        int decisionDays, Map<String, String> municipalityCodes) {

    static final String OUTBOX = "outbox.directory";
    static final String ENDPOINT = "endpoint.url";
    static final String TIMEOUT = "endpoint.timeoutMillis";
    static final String REFERRER_TYPE = "referrer.type";
    static final String REFERRER_NAME = "referrer.name";
    static final String DECISION_DAYS = "maatwerk.decisionDays";
    static final String CODE_PREFIX = "municipalityCode.";

    static final Map<String, String> DEFAULTS;

    /** CBS municipality codes of Centraal Gelderland and Food Valley (CBS Gemeentelijke indeling 2024). */
    static final Map<String, String> BUILT_IN_CODES;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(OUTBOX, "");
        d.put(ENDPOINT, "");
        d.put(TIMEOUT, "1500");
        d.put(REFERRER_TYPE, "01");
        d.put(REFERRER_NAME, "Lokaal team");
        d.put(DECISION_DAYS, "56");
        DEFAULTS = Collections.unmodifiableMap(d);
        Map<String, String> c = new TreeMap<>();
        c.put("arnhem", "0202");
        c.put("barneveld", "0203");
        c.put("doesburg", "0221");
        c.put("duiven", "0226");
        c.put("ede", "0228");
        c.put("nijkerk", "0267");
        c.put("nijmegen", "0268");
        c.put("renkum", "0274");
        c.put("rheden", "0275");
        c.put("rozendaal", "0277");
        c.put("scherpenzeel", "0279");
        c.put("wageningen", "0289");
        c.put("westervoort", "0293");
        c.put("zevenaar", "0299");
        c.put("renswoude", "0339");
        c.put("veenendaal", "0345");
        c.put("lingewaard", "1705");
        c.put("overbetuwe", "1734");
        BUILT_IN_CODES = Collections.unmodifiableMap(c);
    }

    private static final Pattern GEMEENTE = Pattern.compile("[0-9]{4}");
    private static final Set<String> REFERRER_TYPES = Set.of("01", "02", "03", "04", "05", "06", "08");

    static IjwSettings from(Map<String, String> configuration) {
        Map<String, String> given = configuration == null ? Map.of() : configuration;
        Set<String> unknown = new TreeSet<>();
        Map<String, String> c = new LinkedHashMap<>(DEFAULTS);
        Map<String, String> codes = new TreeMap<>(BUILT_IN_CODES);
        for (Map.Entry<String, String> e : given.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().trim();
            if (e.getKey().startsWith(CODE_PREFIX) && e.getKey().length() > CODE_PREFIX.length()) {
                if (!GEMEENTE.matcher(v).matches()) {
                    throw new IllegalArgumentException("procurement-ijw: " + e.getKey()
                            + " must be a 4-digit CBS municipality code, not '" + v + "'");
                }
                codes.put(e.getKey().substring(CODE_PREFIX.length()).trim().toLowerCase(Locale.ROOT), v);
            } else if (DEFAULTS.containsKey(e.getKey())) {
                c.put(e.getKey(), v);
            } else {
                unknown.add(e.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("procurement-ijw: unknown configuration key(s) " + unknown
                    + "; known keys are " + DEFAULTS.keySet() + " and " + CODE_PREFIX + "<municipality>");
        }
        Path outbox = c.get(OUTBOX).isEmpty() ? null : Path.of(c.get(OUTBOX));
        URI endpoint = null;
        if (!c.get(ENDPOINT).isEmpty()) {
            try {
                endpoint = URI.create(c.get(ENDPOINT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("procurement-ijw: " + ENDPOINT + " is not a URL: " + e.getMessage());
            }
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("procurement-ijw: " + ENDPOINT + " must be an http(s) URL");
            }
        }
        if (outbox != null && endpoint != null) {
            throw new IllegalArgumentException("procurement-ijw: set " + OUTBOX + " or " + ENDPOINT + ", not both");
        }
        if (!REFERRER_TYPES.contains(c.get(REFERRER_TYPE))) {
            throw new IllegalArgumentException("procurement-ijw: " + REFERRER_TYPE + " must be a COD327 code "
                    + new TreeSet<>(REFERRER_TYPES) + ", not '" + c.get(REFERRER_TYPE) + "'");
        }
        String name = c.get(REFERRER_NAME);
        if (name.isEmpty() || name.length() > 35) {
            throw new IllegalArgumentException("procurement-ijw: " + REFERRER_NAME + " must be 1 to 35 characters");
        }
        return new IjwSettings(outbox, endpoint, number(c, TIMEOUT, 1, 60_000), c.get(REFERRER_TYPE), name,
                (int) number(c, DECISION_DAYS, 1, 365), Collections.unmodifiableMap(codes));
    }

    /** The CBS code of a municipality, or null. */
    String municipalityCode(String municipality) {
        return municipality == null ? null : municipalityCodes.get(municipality.trim().toLowerCase(Locale.ROOT));
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
        throw new IllegalArgumentException("procurement-ijw: " + key + " must be a whole number from " + min + " to "
                + max + ", not '" + c.get(key) + "'");
    }
}
