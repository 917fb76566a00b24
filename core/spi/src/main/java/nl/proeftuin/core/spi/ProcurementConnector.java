package nl.proeftuin.core.spi;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers which care is contracted where, with what waiting time, and carries <i>maatwerk</i>
 * requests to a decision. Register as a DS service with {@link PluginId}. Thread-safe, within the
 * time budget (see the package documentation).
 */
@ConsumerType
public interface ProcurementConnector {

    /**
     * @param query         the municipality and the need
     * @param configuration the binding's configuration
     * @return offers contracted for the municipality, shortest waiting time first
     */
    List<Offer> offers(OfferQuery query, Map<String, String> configuration);

    /**
     * Submits a <i>maatwerk</i> request (idempotent on {@link MaatwerkRequest#requestId()}).
     *
     * @param request       the request
     * @param configuration the binding's configuration
     * @return its status after submission
     */
    MaatwerkStatus requestMaatwerk(MaatwerkRequest request, Map<String, String> configuration);

    /**
     * @param requestId     a submitted request
     * @param configuration the binding's configuration
     * @return its current status
     */
    MaatwerkStatus maatwerkStatus(String requestId, Map<String, String> configuration);

    /**
     * Sends a request to allocate contracted care (idempotent on {@link CareRequest#requestId()}).
     * The allocation comes back later through {@link ProcurementInbox}. A connector that sends no
     * care requests keeps this default.
     *
     * @param request       the request
     * @param configuration the binding's configuration
     * @return what happened to it
     */
    default CareRequestStatus requestCare(CareRequest request, Map<String, String> configuration) {
        return new CareRequestStatus(request.requestId(), "UNSUPPORTED", null,
                "this connector sends no care requests", null);
    }
}
