package nl.proeftuin.core.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Need to know: a professional sees a case only while assigned to it (or, for a case without an
 * active team, when they opened it, so that they can form the team), or with an active break-glass
 * grant; and only when the case's municipality is within their scope. A person or household is seen
 * through the cases it belongs to; a person or household in no case yet, only by whoever recorded it.
 * Decided from the database on every call: an assignment's end takes effect at once.
 */
@ProviderType
public interface NeedToKnow {

    /** @return the decision for this user and case */
    CaseAccess toCase(Principal principal, String caseId);

    /** @return the decision for this user and person */
    CaseAccess toPerson(Principal principal, String personId);

    /** @return the decision for this user and household */
    CaseAccess toHousehold(Principal principal, String householdId);

    /**
     * The municipality scope alone, for the roles that are not assigned to cases but whose reach is
     * still limited to their municipalities (regional administrator, auditor): {@link CaseAccess#ASSIGNED}
     * when the object lies wholly within the user's municipalities, else
     * {@link CaseAccess#OTHER_MUNICIPALITY} (or {@link CaseAccess#NOT_FOUND}). A case lies in its
     * municipality; a person in the municipalities of all their cases (a person in no case, only for
     * a user with all municipalities); a household in its own municipality.
     *
     * @param objectType {@code case}, {@code person} or {@code household}
     * @param objectId   its id
     * @return the decision
     * @since 1.1
     */
    CaseAccess withinScope(Principal principal, String objectType, String objectId);

    /**
     * Need to know by invitation (living), for the roles in {@link Role#INVITED}: {@link CaseAccess#INVITED}
     * for an {@link Role#INDEPENDENT_REVIEWER} while a review asked of them on the case is open, and for a
     * {@link Role#SAFETY_DIRECTOR} or {@link Role#PROCESS_DIRECTOR} while the case (within their
     * municipalities) has a triage round waiting for assessments (also after their own: they may revise it);
     * else the refusal
     * ({@link CaseAccess#NOT_ASSIGNED}, {@link CaseAccess#OTHER_MUNICIPALITY} or {@link CaseAccess#NOT_FOUND}).
     *
     * The default invites no one (implementations that know no invitations).
     *
     * @since 1.3
     */
    default CaseAccess invited(Principal principal, String caseId) {
        return CaseAccess.NOT_ASSIGNED;
    }
}
