package nl.proeftuin.core.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link BoundCareFinder} (PID {@code nl.proeftuin.core.engine.internal.BoundCareFinder}).
 */
@ObjectClassDefinition(name = "Proeftuin care finder",
        description = "Offers, maatwerk requests with their decision deadline, and care requests through the bound"
                + " procurement connector.")
@interface CareFinderConfig {

    @AttributeDefinition(name = "Maatwerk decision term (days)", min = "1",
            description = "The deadline the core proposes for a decision on a maatwerk request (the connector may set"
                    + " another); 56 days = the eight weeks of the Awb")
    int maatwerkDecisionDays() default 56;

    @AttributeDefinition(name = "Deadline check interval (minutes)", min = "0",
            description = "How often overdue maatwerk requests are looked for (an alert each, once); 0 = never by"
                    + " itself")
    long deadlineCheckMinutes() default 60;
}
