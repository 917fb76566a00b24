package nl.proeftuin.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a procurement connector hands what a municipality sends back (for example an iJw JW301
 * allocation). The core provides it; it validates, stores the allocation on the case's plan and
 * logs who sent it.
 *
 * @throws nl.proeftuin.core.api.NotFoundException      for an unknown request id
 * @throws nl.proeftuin.core.api.InvalidInputException  for an allocation that does not fit its request
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
}
