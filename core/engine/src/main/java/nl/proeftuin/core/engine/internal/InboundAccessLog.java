package nl.proeftuin.core.engine.internal;

import java.util.List;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.spi.InboxUnavailableException;

/**
 * Access-log entries (NEN 7513) for what connectors hand to the core's inboxes: the local team's
 * requests ({@link InboundLocalTeamRequests}) and the municipality's JW301 allocations
 * ({@link BoundCareFinder}). No log, no answer: when the access log is absent or cannot append, an
 * {@link InboxUnavailableException} tells the connector to answer 503. Not a component.
 *
 * <p>Who: the connector ({@code system:<plugin id>}) acting for the sender its bearer token
 * identifies (the local team of a municipality; the municipality for iJw), named in
 * {@code onBehalfOf} and as the organisation.
 */
final class InboundAccessLog {
    /** The role every inbound entry names. */
    static final String ROLE = "INBOUND_CONNECTOR";

    private InboundAccessLog() {
    }

    /** @throws InboxUnavailableException when there is no access log */
    static AccessLog require(AccessLog log) {
        if (log == null) {
            throw new InboxUnavailableException("the access log is not available: inbound messages are not taken"
                    + " until it is", null);
        }
        return log;
    }

    /**
     * Appends one entry.
     *
     * @param sender who the bearer token identifies, e.g. "local team Arnhem"
     * @throws InboxUnavailableException when the access log is absent or fails
     */
    static void append(AccessLog log, AccessAction action, String outcome, String plugin, String sender, String purpose,
            List<String> personIds, String caseId, String objectType, String objectId, String requestId, String detail) {
        AccessLog l = require(log);
        AccessEvent event = new AccessEvent(action, outcome, "system:" + plugin, sender + " (through " + plugin + ")",
                ROLE, sender, purpose, personIds, caseId, objectType, objectId, requestId, detail)
                .withOrganisation(sender);
        try {
            l.append(event);
        } catch (RuntimeException e) {
            throw new InboxUnavailableException("the access log cannot record the inbound message: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** A municipality (or "an unknown municipality") as the sender the connector speaks for. */
    static String localTeam(String municipality) {
        return "local team " + (municipality == null || municipality.isBlank() ? "(unknown municipality)"
                : municipality.strip());
    }

    /** Shortens free text from a connector for the log. */
    static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
