package nl.proeftuin.plugins.procurement.ijw.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The iJw binding configuration as the connector declares it ({@code @PluginConfiguration}: the core
 * checks a binding against it, {@code GET /plugins} shows it), read with the OSGi Converter (public: the
 * Converter proxies it). {@link IjwSettings} checks what a definition cannot say (the codes' format).
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

    @AttributeDefinition(name = "Municipality codes", required = false,
            description = "CBS codes of municipalities the built-in table (Centraal Gelderland, Food Valley) lacks, "
                    + "as name=code pairs separated by commas, e.g. 'Utrecht=0344, Zeist=0355' (the JW315 Ontvanger);"
                    + " a municipality of the built-in table keeps its code.")
    String municipalityCodes() default "";
}
