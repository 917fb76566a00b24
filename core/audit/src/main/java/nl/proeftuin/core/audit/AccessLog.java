package nl.proeftuin.core.audit;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The access log (NEN 7513): append-only, hash-chained, one linear chain across all nodes.
 *
 * <p>Callers log every authorisation decision (also the denials), every read, change, search,
 * export, print, break-glass access, login and binding change. Values are neutralised against log
 * injection before they are stored: carriage returns, line feeds and other control characters are
 * escaped, so an entry never reads as two.
 */
@ProviderType
public interface AccessLog {

    /**
     * The SLF4J MDC key of the id of the API request running on a thread. An event appended without a
     * request id gets this one, so every entry a request writes (the guard's, a service's) carries it,
     * as its log lines do (decision 0024).
     */
    String MDC_REQUEST_ID = "requestId";

    /**
     * Appends an event to the chain, in its own transaction (it stays logged when the caller's work
     * fails afterwards). An event without a request id takes the thread's ({@link #MDC_REQUEST_ID}).
     *
     * @param event what happened
     * @return the stored entry
     * @throws nl.proeftuin.core.api.InvalidInputException when the action, outcome or user is missing
     *                                                     or the outcome is unknown
     */
    AccessLogEntry append(AccessEvent event);

    /**
     * The entries that match, oldest first.
     *
     * @param query the criteria
     * @return the entries, at most {@code query.limit()}
     */
    List<AccessLogEntry> query(AccessLogQuery query);

    /**
     * What a person may see of the log about them (NEN 7513 for clients): the entries concerning the
     * person (naming them, or on a case they are a member of), newest first, without the entries about
     * restricted data.
     *
     * @param personId the person
     * @param from     at or after this time, or null
     * @param to       before this time, or null
     * @param limit    at most this many, 1 to 1000
     * @return the entries
     */
    List<AccessLogEntry> forPerson(String personId, Instant from, Instant to, int limit);

    /**
     * Every entry {@link #forPerson} finds for the person, however many, newest first: what the person's
     * GDPR export (right of access) holds. Read in pages by sequence number, so that no entry is missed or
     * doubled; never a part answered as the whole.
     *
     * @param personId the person
     * @return the entries
     */
    List<AccessLogEntry> allForPerson(String personId);

    /**
     * Checks the whole chain from the first entry: each hash, each link to the entry before, the
     * sequence without gaps.
     *
     * @return the result, naming the first broken entry
     */
    ChainVerification verify();

    /**
     * Checks the entries written since this node's last verification that found the chain intact (its
     * signed mark in the checkpoint file), and that the entry it ended at is still there, unchanged: a
     * routine check whose cost grows with the entries since then, not with the whole log. Entries before
     * the mark are not read again; {@link #verify()} reads them all. Without a mark it is {@link #verify()}.
     * Either check, when intact, leaves a new mark.
     *
     * @return the result; {@code entriesChecked} counts the entries read by this check
     */
    default ChainVerification verifySinceLastVerification() {
        return verify();
    }
}
