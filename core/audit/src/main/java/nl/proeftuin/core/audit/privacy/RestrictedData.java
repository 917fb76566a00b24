package nl.proeftuin.core.audit.privacy;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Data restricted beyond the case: visible only to the users, roles or person named on it, never in
 * another family member's view, export or access view; every attempt to read it is logged (also the
 * refused ones, as DENIED). The caller decides need-to-know for the case first; this decides the
 * restriction.
 */
@ProviderType
public interface RestrictedData {

    /**
     * Records (or replaces) a person's safe address; the writer is always among those who may see it.
     *
     * @throws nl.proeftuin.core.api.InvalidInputException for a missing field or a malformed name in restrictedTo
     * @throws nl.proeftuin.core.api.NotFoundException     for an unknown person
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
}
