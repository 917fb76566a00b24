package nl.proeftuin.core.spi;

import java.time.LocalDate;
import java.util.List;

/**
 * A request from a municipality's local team to the regional safety team: open a case for a
 * family (a request for help, source {@code LOCAL_TEAM}).
 *
 * @param idempotencyKey the sender's unique key: the same request sent twice opens one case
 * @param municipality   the municipality
 * @param externalRef    the local team's own reference, or null
 * @param description    what the local team asks and why (required)
 * @param receivedOn     when the local team sent it (not in the future)
 * @param persons        the family members known (at least one)
 */
public record InboundRequest(String idempotencyKey, String municipality, String externalRef, String description,
        LocalDate receivedOn, List<InboundPerson> persons) {
}
