package nl.proeftuin.plugins.procurement.ijw.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the JW301 inbox servlet (PID
 * {@code nl.proeftuin.plugins.procurement.ijw.internal.Jw301Servlet}). The bearer token itself is
 * never in the configuration: only its name, a key of this connector's own secrets file (never an
 * environment variable or a system property).
 */
@ObjectClassDefinition(name = "Proeftuin iJw JW301 inbox",
        description = "Receives JW301 allocations at /ijw/v1/jw301 (procurement-ijw)")
@interface Jw301ServletConfig {

    @AttributeDefinition(name = "Token name",
            description = "Name of the secret that callers must send as 'Authorization: Bearer <secret>': a key of"
                    + " the secrets file")
    String tokenName() default "ijw.jw301.token";

    @AttributeDefinition(name = "Secrets file",
            description = "This connector's own properties file holding the token under its name; ${karaf.etc} is"
                    + " replaced by Karaf's etc folder; empty or absent = the inbox stays shut (503)")
    String secretsFile() default "${karaf.etc}/proeftuin-procurement-ijw-credentials.properties";

    @AttributeDefinition(name = "Largest message (bytes)", min = "1", description = "A larger body is refused (413)")
    int maxBytes() default 1_048_576;
}
