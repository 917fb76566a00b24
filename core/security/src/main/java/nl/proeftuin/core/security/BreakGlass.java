package nl.proeftuin.core.security;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Break-glass access to a case: a reason, a time limit, and a flag for review. */
@ProviderType
public interface BreakGlass {

    /**
     * Grants the professional access to the case for the configured time.
     *
     * @param principal a professional whose municipality scope covers the case
     * @param caseId    the case
     * @param reason    why (required, at most 2000 characters)
     * @return the grant
     * @throws nl.proeftuin.core.api.InvalidInputException  without a reason
     * @throws nl.proeftuin.core.api.NotFoundException      for an unknown case
     * @throws nl.proeftuin.core.api.RuleViolationException {@code other-municipality} outside the user's scope
     */
    BreakGlassGrant open(Principal principal, String caseId, String reason);

    /**
     * @param unreviewedOnly only those still flagged
     * @param limit          at most this many, newest first
     * @return the grants
     */
    List<BreakGlassGrant> grants(boolean unreviewedOnly, int limit);

    /**
     * The grants a reviewer may review: for one with all municipalities every grant, for one limited to
     * some the grants on cases within them (or on cases they are actively assigned to), chosen by the
     * database before the limit, so that none is lost behind the region's newest.
     *
     * @param reviewer       an auditor or coordinator
     * @param unreviewedOnly only those still flagged
     * @param limit          at most this many, newest first
     * @return the grants
     * @since 1.7
     */
    List<BreakGlassGrant> grants(Principal reviewer, boolean unreviewedOnly, int limit);

    /**
     * One grant, reviewed or not: the caller learns its case before it lets a review through (the REST
     * layer checks the case against the reviewer's municipalities).
     *
     * @return the grant, or empty for an unknown id
     * @since 1.5
     */
    Optional<BreakGlassGrant> grant(String grantId);

    /**
     * Marks a grant as reviewed.
     *
     * @param reviewer an auditor or coordinator
     * @return the reviewed grant
     */
    BreakGlassGrant review(Principal reviewer, String grantId);
}
