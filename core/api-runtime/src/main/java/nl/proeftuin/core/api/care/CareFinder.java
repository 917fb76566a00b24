package nl.proeftuin.core.api.care;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finding care for a case through the procurement connector bound for its municipality: contracted
 * offers by waiting time, <i>maatwerk</i> requests with a decision deadline (an alert is raised when
 * one passes undecided), and care requests with the allocation that comes back. When no connector
 * is bound, or it is absent, fails or overruns, the answer says so (fallback: no offers, a person
 * searches by hand) and an alert is raised.
 *
 * @throws nl.proeftuin.core.api.NotFoundException      unknown case, person or request
 * @throws nl.proeftuin.core.api.InvalidInputException  invalid input
 * @throws nl.proeftuin.core.api.RuleViolationException {@code case-closed}; {@code not-a-member} for a
 *                                                      person outside the case; {@code already-decided};
 *                                                      {@code requester-cannot-decide} (the municipality decides,
 *                                                      in its inbox: {@code nl.proeftuin.core.api.municipal})
 */
@ProviderType
public interface CareFinder {

    /** Offers for a member of the case, shortest waiting time first. */
    OfferList offers(String caseId, OfferRequest request);

    /** Asks the municipality for care by a provider that is not contracted. */
    MaatwerkView requestMaatwerk(Actor actor, String caseId, MaatwerkInput input);

    /**
     * Records the municipality's decision on a <i>maatwerk</i> request ({@code GRANTED}, {@code REFUSED} or
     * {@code PARTLY}); never by the professional who made the request. The REST API no longer offers this
     * to the case's professionals: the municipality decides in its inbox (decision 0033).
     */
    MaatwerkView decideMaatwerk(Actor actor, String caseId, String requestId, MaatwerkDecision decision);

    /** The case's <i>maatwerk</i> requests, oldest first. */
    List<MaatwerkView> maatwerk(String caseId);

    /** Sends a request to allocate contracted care (iJw: JW315) through the bound connector. */
    CareRequestView requestCare(Actor actor, String caseId, CareRequestInput input);

    /** The case's care requests with their allocations, oldest first. */
    List<CareRequestView> careRequests(String caseId);

    /** Raises an alert for every undecided <i>maatwerk</i> request past its deadline not alerted yet; returns how many. */
    int checkDeadlines();
}
