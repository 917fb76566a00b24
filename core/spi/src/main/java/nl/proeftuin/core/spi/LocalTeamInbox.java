package nl.proeftuin.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a local-team connector hands requests from a municipality. The core provides it; it
 * validates, opens the case with the persons in one transaction, logs who sent it, and answers the
 * same case for a repeated idempotency key. Every request, accepted, repeated or refused, gets an
 * entry in the access log (NEN 7513); when the access log cannot take it, the request is not taken
 * either ({@link InboxUnavailableException}, the connector answers 503).
 *
 * @throws nl.proeftuin.core.api.InvalidInputException with the field and reason for an invalid request
 * @throws InboxUnavailableException                    when the access log cannot record the request
 */
@ProviderType
public interface LocalTeamInbox {

    /**
     * @param pluginId the connector handing it over
     * @param request  the request
     * @return the case opened (or opened before for the same key)
     */
    InboundResult receive(String pluginId, InboundRequest request);

    /**
     * Records in the access log a request the connector refused before handing it over (no or a wrong
     * bearer token, an unknown municipality, a body it cannot read).
     *
     * @param pluginId     the connector
     * @param municipality the municipality the request named, or null
     * @param status       the HTTP status answered (401, 404, 400, ...)
     * @param reason       why it was refused (never a secret)
     * @throws InboxUnavailableException when the access log cannot record it (answer 503 instead)
     */
    void refused(String pluginId, String municipality, int status, String reason);
}
