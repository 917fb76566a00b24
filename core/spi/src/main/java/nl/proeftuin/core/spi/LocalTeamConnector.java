package nl.proeftuin.core.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps a municipality's local-team system in step with the platform. Register as a DS service with
 * {@link PluginId}; one configuration per municipality comes with the binding (or from a factory
 * configuration of the plugin itself).
 *
 * <p>The core keeps outbound events in a durable outbox and calls {@link #deliver} until it answers
 * DELIVERED or REJECTED, with back-off between RETRY answers; a connector must therefore be
 * idempotent on {@link OutboundEvent#idempotencyKey()}.
 */
@ConsumerType
public interface LocalTeamConnector {

    /**
     * Delivers one event.
     *
     * @param event         the event
     * @param configuration the binding's configuration (base URL, credentials reference, timeouts, ...)
     * @return the outcome; never null, never throws for a remote failure (answer RETRY instead)
     */
    DeliveryResult deliver(OutboundEvent event, Map<String, String> configuration);
}
