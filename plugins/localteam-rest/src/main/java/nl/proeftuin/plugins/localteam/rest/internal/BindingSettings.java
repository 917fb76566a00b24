package nl.proeftuin.plugins.localteam.rest.internal;

import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.BindingConfiguration;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * What a binding may say about localteam-rest: only WHICH of the administrator's endpoints to use.
 * Where events go and with which secret is the regional administrator's configuration per
 * municipality ({@link MunicipalityEndpoint}), never a coordinator's binding. One optional key:
 * <ul>
 * <li>{@code endpoint}: the name of a configured {@link MunicipalityEndpoint} that serves the
 * binding's municipality (default: the endpoint of the event's municipality).</li>
 * </ul>
 * The key is declared in {@link LocalTeamRestBinding} and read with the OSGi Converter. Any other key
 * ({@code baseUrl}, {@code credentialsReference}, timeouts, ...) is refused: at bind time by the core
 * against that definition and by {@link #check} (400 naming the key), at delivery time by
 * {@link #resolve} (the core keeps the event in its outbox and raises an alert).
 */
final class BindingSettings {
    static final String ENDPOINT = "endpoint";
    static final Set<String> KEYS = BindingConfiguration.keys(LocalTeamRestBinding.class);
    /** Reads the checked binding into its declared type ({@link LocalTeamRestBinding}). */
    private static final Converter CONVERTER = Converters.standardConverter();
    /** Keys of the old binding format, which could carry a URL or a secret: refused with a pointer. */
    static final Set<String> ADMINISTRATOR_KEYS = Set.of("baseUrl", "credentialsReference",
            "inboundCredentialsReference", "credentialsFile", "connectTimeoutMillis", "requestTimeoutMillis",
            "municipality", "allowHttpLoopback");

    private BindingSettings() {
    }

    /**
     * The bind-time check ({@code ConfigurationCheck}).
     *
     * @param municipality the binding's municipality, or null for the region
     * @throws InvalidInputException naming the key
     */
    static void check(Map<String, String> binding, String municipality, Endpoints endpoints) {
        for (String key : binding.keySet()) {
            if (ADMINISTRATOR_KEYS.contains(key)) {
                throw new InvalidInputException("configuration." + key, "cannot be set in a binding: where"
                        + " localteam-rest sends events and with which secret is the regional administrator's"
                        + " configuration (MunicipalityEndpoint); choose a configured endpoint with 'endpoint'");
            }
            if (!KEYS.contains(key)) {
                throw new InvalidInputException("configuration." + key, "unknown key of localteam-rest (known: "
                        + ENDPOINT + ")");
            }
        }
        String name = Endpoint.blankToNull(binding.get(ENDPOINT));
        if (name == null) {
            return;
        }
        Endpoint named;
        try {
            named = endpoints.named(name);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("configuration." + ENDPOINT, e.getMessage());
        }
        if (named == null) {
            throw new InvalidInputException("configuration." + ENDPOINT, "no endpoint named '" + name
                    + "' is configured (configured: " + (endpoints.names().isEmpty() ? "none"
                            : String.join(", ", endpoints.names())) + ")");
        }
        if (municipality != null && !named.serves(municipality)) {
            throw new InvalidInputException("configuration." + ENDPOINT, "endpoint '" + named.name()
                    + "' does not serve " + municipality + " (it serves " + String.join(", ", named.serves())
                    + "; the administrator can add it to alsoServes)");
        }
    }

    /**
     * The endpoint for one delivery.
     *
     * @throws IllegalArgumentException for a key a binding may not carry
     * @throws IllegalStateException    when there is no usable endpoint for the event's municipality
     */
    static Endpoint resolve(Map<String, String> binding, String eventMunicipality, Endpoints endpoints) {
        Map<String, String> config = binding == null ? Map.of() : binding;
        for (String key : config.keySet()) {
            if (ADMINISTRATOR_KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": not a key a binding of localteam-rest may carry (known: "
                        + ENDPOINT + "); endpoints and secrets are the administrator's MunicipalityEndpoint configuration");
            }
        }
        String name = Endpoint.blankToNull(CONVERTER.convert(BindingConfiguration.checked(RestLocalTeamConnector.ID,
                config, LocalTeamRestBinding.class)).to(LocalTeamRestBinding.class).endpoint());
        Endpoint endpoint = name == null ? endpoints.find(eventMunicipality) : endpoints.named(name);
        if (endpoint == null) {
            throw new IllegalStateException(name == null
                    ? "endpoint: no MunicipalityEndpoint configuration for '" + eventMunicipality + "'"
                    : "endpoint: no MunicipalityEndpoint configuration named '" + name + "'");
        }
        if (!endpoint.serves(eventMunicipality)) {
            throw new IllegalStateException("endpoint: '" + endpoint.name() + "' does not serve " + eventMunicipality
                    + "; its events are not sent there");
        }
        if (endpoint.baseUrl() == null) {
            throw new IllegalStateException("baseUrl: the MunicipalityEndpoint configuration '" + endpoint.name()
                    + "' has none (inbound only)");
        }
        endpoints.checkOutboundSecret(endpoint);
        return endpoint;
    }
}
