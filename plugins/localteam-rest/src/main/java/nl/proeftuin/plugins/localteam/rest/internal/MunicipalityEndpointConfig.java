package nl.proeftuin.plugins.localteam.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One municipality's local-team system, as a factory configuration of {@link MunicipalityEndpoint}
 * (factory PID {@code nl.proeftuin.plugins.localteam.rest.internal.MunicipalityEndpoint}): the
 * regional administrator's configuration, never a binding's. Secrets are never in here: only the NAME
 * of a secret, a key of the connector's own secrets file ({@link Credentials}).
 */
@ObjectClassDefinition(
        name = "Proeftuin localteam-rest: municipality endpoint",
        description = "A municipality's local-team system reached over JSON/HTTP: where to send events,"
                + " which secret to present, and which secret the municipality presents on inbound requests.")
@interface MunicipalityEndpointConfig {

    @AttributeDefinition(name = "Municipality",
            description = "The municipality as the core names it (cases, bindings), for example Arnhem")
    String municipality();

    @AttributeDefinition(name = "Name",
            description = "The endpoint's name, by which a binding may choose it ({\"endpoint\":\"arnhem\"})."
                    + " Empty: the municipality in lower case")
    String name() default "";

    @AttributeDefinition(name = "Also serves",
            description = "Other municipalities whose events this endpoint may receive (a shared local-team"
                    + " system); a binding for one of them may choose it. Empty: only its own municipality")
    String[] alsoServes() default {};

    @AttributeDefinition(name = "Base URL",
            description = "https URL of the local-team system; events are POSTed to {baseUrl}/events. http only to"
                    + " a loopback address with allowHttpLoopback; never a link-local address. Empty: inbound only")
    String baseUrl() default "";

    @AttributeDefinition(name = "Allow http to loopback",
            description = "Allow an http baseUrl to a loopback address (tests, a local relay); off in production")
    boolean allowHttpLoopback() default false;

    @AttributeDefinition(name = "Credentials reference",
            description = "NAME of the secret sent as 'Authorization: Bearer <secret>' on outbound calls: a key of"
                    + " the credentials file, never an inbound reference of any endpoint. Empty: no Authorization header")
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
            description = "This connector's own properties file of secrets (name=secret). Empty:"
                    + " ${karaf.etc}/proeftuin-localteam-rest-credentials.properties")
    String credentialsFile() default "";

    @AttributeDefinition(name = "Largest inbound request (bytes)",
            description = "A larger body is refused with 413", min = "1024")
    int maxRequestBytes() default 65536;
}
