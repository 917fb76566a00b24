package nl.proeftuin.plugins.procurement.ijw.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the JW301 inbox servlet (PID
 * {@code nl.proeftuin.plugins.procurement.ijw.internal.Jw301Servlet}). The bearer token itself is
 * never in the configuration: only its name, resolved from the environment or a properties file.
 */
@ObjectClassDefinition(name = "Proeftuin iJw JW301 inbox",
        description = "Receives JW301 allocations at /ijw/v1/jw301 (procurement-ijw)")
@interface Jw301ServletConfig {

    @AttributeDefinition(name = "Token name",
            description = "Name of the secret that callers must send as 'Authorization: Bearer <secret>': an"
                    + " environment variable of that name, else that key in the secrets file")
    String tokenName() default "PROEFTUIN_IJW_TOKEN";

    @AttributeDefinition(name = "Secrets file",
            description = "A properties file holding the token under its name; ${karaf.etc} is replaced by Karaf's etc"
                    + " folder; empty = environment only")
    String secretsFile() default "${karaf.etc}/proeftuin-credentials.properties";

    @AttributeDefinition(name = "Largest message (bytes)", min = "1", description = "A larger body is refused (413)")
    int maxBytes() default 1_048_576;
}
