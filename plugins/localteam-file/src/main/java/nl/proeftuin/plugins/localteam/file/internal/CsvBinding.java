package nl.proeftuin.plugins.localteam.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The binding configuration of localteam-file, as the core checks it at bind time (a misspelt key or a
 * {@code directory} is refused with a 400 naming it) and shows it in {@code GET /api/v1/plugins}; the
 * connector reads it with the OSGi Converter (public: the Converter proxies it). Whether that
 * municipality has an exchange directory is the connector's {@code ConfigurationCheck}.
 */
@ObjectClassDefinition(id = CsvLocalTeamConnector.ID, name = "Local team by CSV files",
        description = "Whose exchange directory a binding uses. Where case data is written is the regional"
                + " administrator's configuration (CsvExchangeDirectory), never a binding's.")
public @interface CsvBinding {

    @AttributeDefinition(name = "Municipality", required = false,
            description = "Only the municipality the binding is for (not at a region-wide binding): events are"
                    + " always written to the exchange directory of their own municipality; empty = the event's.")
    String municipality() default "";
}
