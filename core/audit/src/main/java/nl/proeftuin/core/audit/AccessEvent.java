package nl.proeftuin.core.audit;

import java.util.List;

/**
 * One thing to log, as the caller knows it. The log adds the event id, sequence number, UTC time,
 * node and the hash chain ({@link AccessLogEntry}).
 *
 * @param action       what was done
 * @param outcome      {@link #SUCCESS}, {@link #DENIED} (refused by authorisation) or {@link #FAILURE}
 *                     (failed otherwise, for example a wrong password or an invalid request)
 * @param userId       who did it (the login name, or a system component such as {@code system:retention})
 * @param userName     their display name, or null
 * @param role         the role they acted in, or null
 * @param onBehalfOf   on whose behalf (a delegating professional, a parent for a child), or null
 * @param purpose      why: the purpose or the break-glass reason, or null
 * @param personIds    the persons concerned (empty when none)
 * @param caseId       the case concerned, or null
 * @param objectType   the kind of object (person, case, entry, plan, binding, access-log, ...), or null
 * @param objectId     its id, or null
 * @param requestId    the request id (correlates the entries of one request), or null
 * @param detail       free text (the route, the reason of a denial), or null
 * @param organisation the organisation the user works for, shown to clients in their access view, or null
 * @param restricted   true when the event concerns restricted data (a safe address, a restricted entry):
 *                     such entries are for auditors only and never appear in a person's access view
 */
public record AccessEvent(AccessAction action, String outcome, String userId, String userName, String role,
        String onBehalfOf, String purpose, List<String> personIds, String caseId, String objectType,
        String objectId, String requestId, String detail, String organisation, boolean restricted) {

    /** The action was carried out. */
    public static final String SUCCESS = "SUCCESS";
    /** Authorisation refused the action. */
    public static final String DENIED = "DENIED";
    /** The action failed for another reason (a wrong password, an invalid request). */
    public static final String FAILURE = "FAILURE";

    /** Copies the list; a null list means no persons. */
    public AccessEvent {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }

    /**
     * An event without organisation, not about restricted data.
     *
     * @see #AccessEvent(AccessAction, String, String, String, String, String, String, List, String,
     *      String, String, String, String, String, boolean)
     */
    public AccessEvent(AccessAction action, String outcome, String userId, String userName, String role,
            String onBehalfOf, String purpose, List<String> personIds, String caseId, String objectType,
            String objectId, String requestId, String detail) {
        this(action, outcome, userId, userName, role, onBehalfOf, purpose, personIds, caseId, objectType, objectId,
                requestId, detail, null, false);
    }

    /**
     * @param organisation the user's organisation
     * @return this event with the organisation set
     */
    public AccessEvent withOrganisation(String organisation) {
        return new AccessEvent(action, outcome, userId, userName, role, onBehalfOf, purpose, personIds, caseId,
                objectType, objectId, requestId, detail, organisation, restricted);
    }

    /** @return this event, marked as concerning restricted data */
    public AccessEvent asRestricted() {
        return new AccessEvent(action, outcome, userId, userName, role, onBehalfOf, purpose, personIds, caseId,
                objectType, objectId, requestId, detail, organisation, true);
    }

    /**
     * @param outcome another outcome
     * @return this event with that outcome
     */
    public AccessEvent withOutcome(String outcome) {
        return new AccessEvent(action, outcome, userId, userName, role, onBehalfOf, purpose, personIds, caseId,
                objectType, objectId, requestId, detail, organisation, restricted);
    }
}
