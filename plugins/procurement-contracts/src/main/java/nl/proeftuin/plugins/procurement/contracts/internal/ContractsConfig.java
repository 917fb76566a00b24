package nl.proeftuin.plugins.procurement.contracts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The binding configuration of the contract register, as the core checks it at bind time and shows it
 * in {@code GET /api/v1/plugins} (a method {@code register_location} is the key {@code register.location});
 * the plugin reads it with the OSGi Converter (public: the Converter proxies it). Which locations a
 * binding may name is the connector's {@code ConfigurationCheck} (the administrator's sources).
 */
@ObjectClassDefinition(id = ContractRegisterConnector.ID, name = "Contract register",
        description = "Which contract register a region or municipality uses, and how offers and maatwerk are made."
                + " Where registers may come from is the administrator's configuration.")
public @interface ContractsConfig {

    @AttributeDefinition(name = "Register location",
            description = "bundle:<name>.json (shipped), file:/... (under the administrator's register directory) or"
                    + " source:<name> (an HTTP source the administrator configured); never a URL.")
    String register_location() default "bundle:example.json";

    @AttributeDefinition(name = "Refresh (seconds)", min = "0", max = "86400",
            description = "How long a loaded register is used before it is read again; 0 = read on every call.")
    long register_refreshSeconds() default 300;

    @AttributeDefinition(name = "Maatwerk decision term (days)", min = "1", max = "365",
            description = "Days the municipality has to decide on a maatwerk request (8 weeks, the Awb term).")
    int maatwerk_decisionDays() default 56;

    @AttributeDefinition(name = "Offer full contracts",
            description = "Also offer contracts with capacity 0 (the child goes on the waiting list).")
    boolean offers_includeFull() default true;
}
