package nl.proeftuin.plugins.localteam.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The binding configuration of localteam-rest, as the core checks it at bind time (a misspelt key, a
 * {@code baseUrl} or a secret is refused with a 400 naming it) and shows it in {@code GET /api/v1/plugins};
 * the connector reads it with the OSGi Converter (public: the Converter proxies it). Whether the endpoint
 * exists and serves the municipality is {@link BindingSettings#check}.
 */
@ObjectClassDefinition(id = RestLocalTeamConnector.ID, name = "Local team over JSON/HTTP",
        description = "Which of the administrator's local-team endpoints a binding uses. Where events go and with"
                + " which secret is the regional administrator's configuration (MunicipalityEndpoint), never a binding's.")
public @interface LocalTeamRestBinding {

    @AttributeDefinition(name = "Endpoint", required = false,
            description = "The name of a configured MunicipalityEndpoint that serves the binding's municipality;"
                    + " empty = the endpoint of the event's municipality.")
    String endpoint() default "";
}
