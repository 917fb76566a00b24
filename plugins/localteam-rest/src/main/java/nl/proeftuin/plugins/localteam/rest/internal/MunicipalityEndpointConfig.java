package nl.proeftuin.plugins.localteam.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One municipality's local-team system, as a factory configuration of {@link MunicipalityEndpoint}
 * (factory PID {@code nl.proeftuin.plugins.localteam.rest.internal.MunicipalityEndpoint}). Secrets are
 * never in here: only the NAME of a secret, resolved by {@link Credentials}.
 */
@ObjectClassDefinition(
        name = "Proeftuin localteam-rest: municipality endpoint",
        description = "A municipality's local-team system reached over JSON/HTTP: where to send events,"
                + " which secret to present, and which secret the municipality presents on inbound requests.")
@interface MunicipalityEndpointConfig {

    @AttributeDefinition(name = "Municipality",
            description = "The municipality as the core names it (cases, bindings), for example Arnhem")
    String municipality();

    @AttributeDefinition(name = "Base URL",
            description = "http(s) URL of the local-team system; events are POSTed to {baseUrl}/events."
                    + " Empty: inbound only (a binding must then carry baseUrl)")
    String baseUrl() default "";

    @AttributeDefinition(name = "Credentials reference",
            description = "NAME of the secret sent as 'Authorization: Bearer <secret>' on outbound calls;"
                    + " resolved from the credentials file, else the environment. Empty: no Authorization header")
    String credentialsReference() default "";

    @AttributeDefinition(name = "Inbound credentials reference",
            description = "NAME of the secret the municipality presents as bearer token on"
                    + " POST /localteam/v1/{municipality}/requests. Empty: inbound requests are refused (404)")
    String inboundCredentialsReference() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    int connectTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Request timeout (ms)",
            description = "From sending the request until the response headers; past it the attempt is RETRY", min = "1")
    int requestTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Credentials file",
            description = "Properties file of secrets (name=secret). Empty: ${karaf.etc}/proeftuin-credentials.properties")
    String credentialsFile() default "";

    @AttributeDefinition(name = "Largest inbound request (bytes)",
            description = "A larger body is refused with 413", min = "1024")
    int maxRequestBytes() default 65536;
}
