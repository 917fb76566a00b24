package nl.proeftuin.plugins.procurement.contracts.internal;

import java.util.Map;

import nl.proeftuin.core.spi.BindingConfiguration;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * The binding's configuration, read with the OSGi Converter into {@link ContractsConfig} (which declares
 * the keys, defaults and ranges the core checks at bind time) and checked again for a call. Every key
 * is optional; an unknown key or an unreadable value is an {@link IllegalArgumentException} naming the
 * key (the core falls back and alerts).
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

    /** Reads the checked configuration into its declared type (defaults from {@link ContractsConfig}). */
    private static final Converter CONVERTER = Converters.standardConverter();

    static ContractsSettings from(Map<String, String> configuration) {
        ContractsConfig c = CONVERTER.convert(BindingConfiguration.checked(ContractRegisterConnector.ID, configuration,
                ContractsConfig.class)).to(ContractsConfig.class);
        String location = c.register_location() == null ? "" : c.register_location().strip();
        if (location.isEmpty()) {
            throw new IllegalArgumentException("procurement-contracts: " + LOCATION + " must not be empty");
        }
        return new ContractsSettings(location, number(REFRESH, c.register_refreshSeconds(), 0, 86_400),
                (int) number(DECISION_DAYS, c.maatwerk_decisionDays(), 1, 365), c.offers_includeFull());
    }

    /** The range the definition declares ({@code min}/{@code max} are not visible at run time). */
    private static long number(String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException("procurement-contracts: " + key + " must be a whole number from " + min
                    + " to " + max + ", not '" + v + "'");
        }
        return v;
    }
}
