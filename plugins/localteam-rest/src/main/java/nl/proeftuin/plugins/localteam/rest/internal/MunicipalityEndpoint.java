package nl.proeftuin.plugins.localteam.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One municipality's local-team system: one component per factory configuration
 * ({@code nl.proeftuin.plugins.localteam.rest.internal.MunicipalityEndpoint~arnhem}). Registered as a
 * service of this bundle's private type, found by the connector (outbound) and the servlet (inbound)
 * by municipality. A configuration that cannot be read fails activation with the key in the message
 * (SCR logs it), and the municipality then has no endpoint.
 */
@Component(service = MunicipalityEndpoint.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MunicipalityEndpointConfig.class, factory = true)
public final class MunicipalityEndpoint {

    private final Endpoint endpoint;

    @Activate
    public MunicipalityEndpoint(MunicipalityEndpointConfig config) {
        this.endpoint = Endpoint.of(config);
    }

    MunicipalityEndpoint(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    Endpoint endpoint() {
        return endpoint;
    }
}
