package nl.proeftuin.plugins.procurement.ijw.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The fixed keys of the iJw binding configuration, read with the OSGi Converter (public: the Converter
 * proxies it). Not (yet) named by {@code @PluginConfiguration}: a binding may also carry
 * {@code municipalityCode.<name>} keys, one per municipality, which a metatype definition cannot
 * declare, and the core would refuse them; {@link IjwSettings} reads those and checks every key.
 */
@ObjectClassDefinition(id = IjwProcurementConnector.ID, name = "iJw messages",
        description = "JW315 requests to one of the administrator's destinations.")
public @interface IjwConfig {

    @AttributeDefinition(name = "Destination", required = false,
            description = "The name of an IjwDestination the administrator configured; needed to send care requests.")
    String destination() default "";

    @AttributeDefinition(name = "Referrer type", options = {
            @Option(value = "01", label = "01 municipality"), @Option(value = "02", label = "02"),
            @Option(value = "03", label = "03"), @Option(value = "04", label = "04"), @Option(value = "05", label = "05"),
            @Option(value = "06", label = "06"), @Option(value = "08", label = "08")},
            description = "The JW315 Verwijzer/Type (COD327).")
    String referrer_type() default "01";

    @AttributeDefinition(name = "Referrer name", description = "The JW315 Verwijzer/Naam, 1 to 35 characters.")
    String referrer_name() default "Lokaal team";

    @AttributeDefinition(name = "Maatwerk decision term (days)", min = "1", max = "365",
            description = "Days the municipality has to decide on a maatwerk request.")
    int maatwerk_decisionDays() default 56;
}
