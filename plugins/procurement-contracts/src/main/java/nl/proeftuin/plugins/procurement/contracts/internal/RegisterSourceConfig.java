package nl.proeftuin.plugins.procurement.contracts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How the contract register plugin may read registers (PID
 * {@code nl.proeftuin.plugins.procurement.contracts.internal.ContractRegisterConnector}). These are
 * operational limits and sources set by the regional IT team, not decisions: which register a
 * municipality uses is in the binding ({@code register.location}), which can only name a register in
 * the bundle, a file under the register directory, or one of the HTTP sources configured here by
 * name ({@code source:<name>}); never a URL of its own.
 */
@ObjectClassDefinition(name = "Proeftuin contract register plugin",
        description = "Limits for reading contract registers (procurement-contracts)")
@interface RegisterSourceConfig {

    @AttributeDefinition(name = "HTTP timeout (ms)", min = "1",
            description = "How long reading a register over HTTP may take; keep it under the core's plugin time budget")
    long httpTimeoutMillis() default 1500;

    @AttributeDefinition(name = "Largest register (bytes)", min = "1",
            description = "A larger register is refused")
    long maxRegisterBytes() default 5_242_880;

    @AttributeDefinition(name = "Register directory",
            description = "The only directory file: register locations may point into; ${karaf.etc} is replaced by Karaf's"
                    + " etc folder; empty = file: locations refused")
    String fileDirectory() default "";

    @AttributeDefinition(name = "HTTP register sources",
            description = "name=URL entries, for example gelderland=https://inkoop.example/register.json; a binding"
                    + " names one as register.location=source:<name>. https only (http only to a loopback address with"
                    + " allowHttpLoopback); never a link-local address")
    String[] httpSources() default {};

    @AttributeDefinition(name = "Allow http to loopback",
            description = "Allow http sources on a loopback address (tests, a local relay); off in production")
    boolean allowHttpLoopback() default false;
}
