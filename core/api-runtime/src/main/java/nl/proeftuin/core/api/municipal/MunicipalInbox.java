package nl.proeftuin.core.api.municipal;

import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.plugins.Alert;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The municipality decides in the platform: the requests addressed to it, its decisions, its decision
 * term, the alerts for it, and how long deciding takes. The caller (the REST layer) passes the user's
 * municipality scope; this service holds the rules.
 *
 * @throws nl.proeftuin.core.api.NotFoundException      unknown request or municipality
 * @throws nl.proeftuin.core.api.InvalidInputException  invalid input
 * @throws nl.proeftuin.core.api.RuleViolationException {@code already-decided}; {@code requester-cannot-decide}
 *                                                      (the professional who asked cannot decide their own request)
 */
@ProviderType
public interface MunicipalInbox {

    /** The region's default decision term: eight weeks (Awb 4:13). */
    int DEFAULT_TERM_DAYS = 56;
    /** The objection term after a decision: six weeks (Awb 6:7). */
    int OBJECTION_DAYS = 42;

    /**
     * @param municipalities the municipalities whose requests to show (exact register names), or null for all
     * @param openOnly       only the undecided ones
     * @return the requests, earliest deadline first
     */
    List<InboxItem> inbox(Set<String> municipalities, boolean openOnly);

    /** @return the request (for the caller's scope check before {@link #decide}) */
    InboxItem request(String requestId);

    /** Records the municipality's decision: outcome, reasons, the decider, now, the objection term. */
    InboxItem decide(Actor actor, String requestId, DecisionInput input);

    /**
     * {@link #decide}, only while the request is addressed to the municipality the caller was authorised
     * for: a family's move to another municipality between that check and the decision makes it the other
     * municipality's to decide ({@code request-moved}, nothing recorded).
     *
     * @param municipality the municipality the caller checked the request against
     * @throws nl.proeftuin.core.api.RuleViolationException {@code request-moved}
     * @since 1.1
     */
    InboxItem decide(Actor actor, String requestId, DecisionInput input, String municipality);

    /** @return the municipality's decision term (by name or code) */
    DecisionTerm term(String municipality);

    /** Sets a municipality's own decision term (null days: the default). */
    DecisionTerm setTerm(Actor actor, String code, DecisionTermInput input);

    /**
     * @param userId         the alerts addressed to this user (a case's fixed professional), or null
     * @param municipalities the alerts addressed to these municipalities, null for all, empty for none
     * @return the newest first
     */
    List<Alert> alerts(String userId, Set<String> municipalities, int limit);

    /** @return the decision times per municipality (aggregated in the database) */
    List<DecisionTimes> decisionTimes();
}
