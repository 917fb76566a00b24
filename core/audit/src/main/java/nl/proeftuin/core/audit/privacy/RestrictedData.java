package nl.proeftuin.core.audit.privacy;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Data restricted beyond the case: visible only to the users, roles or person named on it, never in
 * another family member's view, export or access view; every attempt to read it is logged (also the
 * refused ones, as DENIED). The caller decides need-to-know for the case first; this decides the
 * restriction.
 *
 * <p>Names: "user:&lt;id&gt;" (a known user), "role:&lt;ROLE&gt;" (a platform role, or a case
 * position that follows a handover: "role:FIXED_PROFESSIONAL", the current fixed professional, and
 * "role:CASUSREGIE", the current holder of casusregie, of the entry's case or of a case the person
 * is a member of) or "person:&lt;id&gt;" (a known person). A name that names nothing is refused.
 *
 * <p>Restricted data has owners: only a reader named on the current version may change it or add a
 * reader; every version is kept; the users named on it are notified of a change
 * ({@link #notices(Reader, int)}).
 */
@ProviderType
public interface RestrictedData {

    /**
     * Records a person's safe address, or its next version; the writer is always among those who may
     * see it. The previous version is kept.
     *
     * @throws nl.proeftuin.core.api.InvalidInputException   for a missing field or a name in restrictedTo that
     *                                                       is malformed or names nothing
     * @throws nl.proeftuin.core.api.NotFoundException       for an unknown person
     * @throws nl.proeftuin.core.api.RuleViolationException  rule {@value #NOT_NAMED}: a safe address exists and
     *                                                       the writer is not named on it
     */
    SafeAddress setSafeAddress(Reader writer, String personId, SafeAddressInput input);

    /**
     * @return the safe address
     * @throws nl.proeftuin.core.api.NotFoundException when there is none or the reader is not named on it
     *                                                 (the same answer, so a refusal tells nothing)
     */
    SafeAddress safeAddress(Reader reader, String personId);

    /** Records a restricted entry in a case; the author is always among those who may see it. */
    RestrictedEntry addRestrictedEntry(Reader writer, String caseId, RestrictedEntryInput input);

    /** The case's restricted entries the reader is named on, oldest first; the others are logged as DENIED. */
    List<RestrictedEntry> restrictedEntries(Reader reader, String caseId);

    /** The rule of the refusal to change restricted data the writer is not named on. */
    String NOT_NAMED = "not-named";

    /**
     * Every version of a person's safe address, oldest first, to a reader named on the current one.
     *
     * @throws nl.proeftuin.core.api.NotFoundException as {@link #safeAddress}
     * @since 1.1
     */
    List<SafeAddressVersion> safeAddressHistory(Reader reader, String personId);

    /**
     * Adds a reader to a person's safe address (a new version); only a reader named on it may.
     *
     * @throws nl.proeftuin.core.api.InvalidInputException for a reader that is malformed or names nothing
     * @throws nl.proeftuin.core.api.NotFoundException     when there is none or the writer is not named on it
     *                                                     (the same answer as {@link #safeAddress})
     * @since 1.1
     */
    SafeAddress addSafeAddressReader(Reader writer, String personId, ReaderInput input);

    /**
     * Adds a reader to a restricted entry of a case; only a reader named on it may.
     *
     * @throws nl.proeftuin.core.api.InvalidInputException for a reader that is malformed or names nothing
     * @throws nl.proeftuin.core.api.NotFoundException     for an unknown case, or an entry that does not exist
     *                                                     or that the writer is not named on (the same answer)
     * @since 1.1
     */
    RestrictedEntry addRestrictedEntryReader(Reader writer, String caseId, String entryId, ReaderInput input);

    /**
     * The reader's own notices that restricted data they are named on changed, newest first.
     *
     * @param limit at most this many, 1 to 500
     * @since 1.1
     */
    List<RestrictedNotice> notices(Reader reader, int limit);
}
