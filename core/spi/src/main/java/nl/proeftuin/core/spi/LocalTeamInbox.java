package nl.proeftuin.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a local-team connector hands requests from a municipality. The core provides it; it
 * validates, opens the case with the persons in one transaction, logs who sent it, and answers the
 * same case for a repeated idempotency key.
 *
 * @throws nl.proeftuin.core.api.InvalidInputException with the field and reason for an invalid request
 */
@ProviderType
public interface LocalTeamInbox {

    /**
     * @param pluginId the connector handing it over
     * @param request  the request
     * @return the case opened (or opened before for the same key)
     */
    InboundResult receive(String pluginId, InboundRequest request);
}
