package nl.proeftuin.plugins.procurement.ijw.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nl.proeftuin.core.spi.BindingConfiguration;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * The binding's configuration, typed: read with the OSGi Converter into {@link IjwConfig}, then the
 * codes of {@code municipalityCodes} parsed here. Unknown keys and unreadable values are an {@link InvalidSetting}
 * naming the key: at bind time a 400 ({@code ConfigurationCheck}), at call time the core falls back
 * and raises an alert. Where messages go is never in a binding: it names one of the administrator's
 * destinations ({@link IjwDestination}); the old keys {@code outbox.directory}, {@code endpoint.url}
 * and {@code endpoint.timeoutMillis} are refused.
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code destination}</td><td>(none)</td><td>the name of an {@link IjwDestination} configured by
 *     the administrator (an outbox directory or an https exchange endpoint); needed to send care requests</td></tr>
 * <tr><td>{@code referrer.type}</td><td>01</td><td>the JW315 Verwijzer/Type (COD327; 01 = municipality,
 *     the local team refers)</td></tr>
 * <tr><td>{@code referrer.name}</td><td>Lokaal team</td><td>the JW315 Verwijzer/Naam (at most 35)</td></tr>
 * <tr><td>{@code maatwerk.decisionDays}</td><td>56</td><td>decision term of a maatwerk request</td></tr>
 * <tr><td>{@code municipalityCodes}</td><td>built-in table</td><td>{@code name=code} pairs, comma-separated:
 *     the 4-digit CBS code of a municipality (JW315 Ontvanger) the built-in table lacks; the built-in
 *     table covers Centraal Gelderland and Food Valley, and a binding cannot change its codes</td></tr>
 * </table>
 */
record IjwSettings(String destination, String referrerType, String referrerName, int decisionDays,
        Map<String, String> municipalityCodes) {

    static final String DESTINATION = "destination";
    /** Keys of the old format, which put a directory or URL in the binding: refused with a pointer. */
    static final Set<String> ADMINISTRATOR_KEYS = Set.of("outbox.directory", "endpoint.url", "endpoint.timeoutMillis");
    static final String REFERRER_TYPE = "referrer.type";
    static final String REFERRER_NAME = "referrer.name";
    static final String DECISION_DAYS = "maatwerk.decisionDays";
    static final String CODES = "municipalityCodes";
    /**
     * The keys of the first format, one per municipality: still read from a binding stored with them
     * (so an upgrade does not stop its JW315 messages), but a new binding cannot carry them: the core
     * checks it against the declared keys ({@link #CODES}).
     */
    static final String OLD_CODE_PREFIX = "municipalityCode.";

    /** The keys ({@link IjwConfig}), sorted. */
    static final Set<String> KEYS = BindingConfiguration.keys(IjwConfig.class);

    /** Reads the checked fixed keys into their declared type (defaults from {@link IjwConfig}). */
    private static final Converter CONVERTER = Converters.standardConverter();

    /** CBS municipality codes of Centraal Gelderland and Food Valley (CBS Gemeentelijke indeling 2024). */
    static final Map<String, String> BUILT_IN_CODES;

    static {
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

    /** A setting that cannot be used, naming its key. */
    static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String key;

        InvalidSetting(String key, String message) {
            super(message);
            this.key = key;
        }
    }

    static IjwSettings from(Map<String, String> configuration) {
        Map<String, String> given = configuration == null ? Map.of() : configuration;
        for (String key : new TreeSet<>(given.keySet())) {
            if (ADMINISTRATOR_KEYS.contains(key)) {
                throw new InvalidSetting(key, "procurement-ijw: " + key + " cannot be set in a binding: where JW315"
                        + " messages go is the administrator's configuration (IjwDestination); name one with "
                        + DESTINATION);
            }
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        Map<String, String> oldCodes = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().trim();
            if (e.getKey().startsWith(OLD_CODE_PREFIX) && e.getKey().length() > OLD_CODE_PREFIX.length()) {
                // a binding stored in the first format keeps working; a new binding cannot use it (the
                // core's bind-time check knows only the declared keys)
                if (!GEMEENTE.matcher(v).matches()) {
                    throw new InvalidSetting(e.getKey(), "procurement-ijw: " + e.getKey()
                            + " must be a 4-digit CBS municipality code, not '" + v + "'");
                }
                String municipality = e.getKey().substring(OLD_CODE_PREFIX.length());
                refuseBuiltIn(e.getKey(), municipality, v);
                oldCodes.put(municipality.strip().toLowerCase(Locale.ROOT), v);
            } else if (KEYS.contains(e.getKey())) {
                try {
                    fixed.putAll(BindingConfiguration.checked(IjwProcurementConnector.ID, Map.of(e.getKey(), v),
                            IjwConfig.class));
                } catch (IllegalArgumentException notOfItsType) {
                    throw new InvalidSetting(e.getKey(), notOfItsType.getMessage());
                }
            } else {
                unknown.add(e.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidSetting(unknown.iterator().next(), "procurement-ijw: unknown configuration key(s) " + unknown
                    + "; known keys are " + KEYS);
        }
        IjwConfig c = CONVERTER.convert(fixed).to(IjwConfig.class);
        String type = c.referrer_type().strip();
        if (!REFERRER_TYPES.contains(type)) {
            throw new InvalidSetting(REFERRER_TYPE, "procurement-ijw: " + REFERRER_TYPE + " must be a COD327 code "
                    + new TreeSet<>(REFERRER_TYPES) + ", not '" + type + "'");
        }
        String name = c.referrer_name().strip();
        if (name.isEmpty() || name.length() > 35) {
            throw new InvalidSetting(REFERRER_NAME, "procurement-ijw: " + REFERRER_NAME + " must be 1 to 35 characters");
        }
        int days = c.maatwerk_decisionDays();
        if (days < 1 || days > 365) {
            throw new InvalidSetting(DECISION_DAYS, "procurement-ijw: " + DECISION_DAYS
                    + " must be a whole number from 1 to 365, not '" + days + "'");
        }
        String destination = c.destination().isBlank() ? null : c.destination().strip();
        Map<String, String> codes = codes(c.municipalityCodes());
        codes.putAll(oldCodes);
        return new IjwSettings(destination, type, name, days, Collections.unmodifiableMap(codes));
    }

    /** The built-in table with the binding's {@code name=code} pairs added (never changing a built-in code). */
    private static Map<String, String> codes(String pairs) {
        Map<String, String> codes = new TreeMap<>(BUILT_IN_CODES);
        if (pairs.isBlank()) {
            return codes;
        }
        for (String pair : pairs.split(",")) {
            int eq = pair.indexOf('=');
            String municipality = eq < 0 ? "" : pair.substring(0, eq).strip();
            String code = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (municipality.isEmpty() || !GEMEENTE.matcher(code).matches()) {
                throw new InvalidSetting(CODES, "procurement-ijw: " + CODES + " holds name=code pairs with a 4-digit"
                        + " CBS municipality code, not '" + pair.strip() + "'");
            }
            refuseBuiltIn(CODES, municipality, code);
            codes.put(municipality.toLowerCase(Locale.ROOT), code);
        }
        return codes;
    }

    /**
     * A binding adds codes only for municipalities the built-in table lacks: the code of one in it
     * is the JW315's addressee (Ontvanger), and changing it would send that municipality's care
     * requests, with the child's BSN, to another municipality. Repeating the built-in code is allowed.
     *
     * @throws InvalidSetting naming the key and the municipality
     */
    private static void refuseBuiltIn(String key, String municipality, String code) {
        String name = municipality.strip();
        String builtIn = BUILT_IN_CODES.get(name.toLowerCase(Locale.ROOT));
        if (builtIn != null && !builtIn.equals(code)) {
            throw new InvalidSetting(key, "procurement-ijw: " + key + " cannot change the CBS code of " + name
                    + " (built in: " + builtIn + ", not '" + code + "'): a binding may only add municipalities the"
                    + " built-in table lacks");
        }
    }

    /** The CBS code of a municipality, or null. */
    String municipalityCode(String municipality) {
        return municipality == null ? null : municipalityCodes.get(municipality.trim().toLowerCase(Locale.ROOT));
    }
}
