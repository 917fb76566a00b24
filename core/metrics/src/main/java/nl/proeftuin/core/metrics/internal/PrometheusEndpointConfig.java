package nl.proeftuin.core.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the node answers Prometheus' scrape. */
@ObjectClassDefinition(name = "Proeftuin metrics endpoint",
        description = "The Prometheus scrape endpoint (GET /metrics, text format 0.0.4) on its own listener, "
                + "never on the public HTTP port.")
@interface PrometheusEndpointConfig {

    @AttributeDefinition(name = "Host", description = "Address the scrape listener binds to. 127.0.0.1 (the "
            + "default) lets only processes on this host scrape (a Prometheus or agent on the node, or an SSH "
            + "tunnel). Set an internal management address (never 0.0.0.0 on a host with a public interface) to "
            + "let a central Prometheus scrape; the endpoint has no login, so firewall it to the Prometheus host.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port of the scrape listener (9464: the port "
            + "Prometheus' own exporters use for this purpose).", min = "1", max = "65535")
    int port() default 9464;
}
