package nl.proeftuin.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a procurement connector hands what a municipality sends back (for example an iJw JW301
 * allocation). The core provides it; it validates, stores the allocation on the case's plan and
 * logs who sent it. Every message, accepted, repeated or refused, gets an entry in the access log
 * (NEN 7513); when the access log cannot take it, the message is not taken either
 * ({@link InboxUnavailableException}, the connector answers 503).
 *
 * @throws nl.proeftuin.core.api.NotFoundException      for an unknown request id
 * @throws nl.proeftuin.core.api.InvalidInputException  for an allocation that does not fit its request
 * @throws InboxUnavailableException                     when the access log cannot record the message
 */
@ProviderType
public interface ProcurementInbox {

    /**
     * Records an allocation; receiving the same allocation again changes nothing.
     *
     * @param pluginId   the connector handing it over
     * @param allocation the allocation
     * @return true when it was new, false when it was already recorded
     */
    boolean allocated(String pluginId, CareAllocation allocation);

    /**
     * Records in the access log a message the connector refused before handing it over (no or a wrong
     * bearer token, a message it cannot read).
     *
     * @param pluginId the connector
     * @param status   the HTTP status answered (401, 400, ...)
     * @param reason   why it was refused (never a secret)
     * @throws InboxUnavailableException when the access log cannot record it (answer 503 instead)
     */
    void refused(String pluginId, int status, String reason);
}
