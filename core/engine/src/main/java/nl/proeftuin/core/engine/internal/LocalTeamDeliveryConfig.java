package nl.proeftuin.core.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link OutboxLocalTeamExchange} (PID
 * {@code nl.proeftuin.core.engine.internal.OutboxLocalTeamExchange}): how the outbox is delivered.
 */
@ObjectClassDefinition(name = "Proeftuin local-team outbox",
        description = "Delivery of case events to the municipalities' local teams through the bound connector.")
@interface LocalTeamDeliveryConfig {

    @AttributeDefinition(name = "Poll interval (ms)", min = "0",
            description = "How often a delivery round runs; 0 = never by itself (only on request, as tests do)")
    long pollIntervalMillis() default 5000;

    @AttributeDefinition(name = "First retry (ms)", min = "1",
            description = "Wait after the first failed attempt; it doubles with every further failure")
    long firstRetryMillis() default 10_000;

    @AttributeDefinition(name = "Longest retry (ms)", min = "1",
            description = "The wait between attempts never exceeds this")
    long maxRetryMillis() default 3_600_000;

    @AttributeDefinition(name = "Alert after attempts", min = "1",
            description = "After this many failed attempts of one event the coordinator gets an alert (once)")
    int alertAfterAttempts() default 5;

    @AttributeDefinition(name = "Batch size", min = "1", description = "Events attempted per round at most")
    int batchSize() default 50;
}
