package nl.proeftuin.core.security;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates and changes the users of the {@code proeftuin} realm. Every change takes effect on the next
 * request of the user's open sessions, on every node.
 *
 * @throws nl.proeftuin.core.api.InvalidInputException on an invalid user id, name, role set or a
 *                                                     password the policy refuses (field {@code password})
 * @throws nl.proeftuin.core.api.NotFoundException     for an unknown user
 */
@ProviderType
public interface UserAdministration {

    /**
     * Creates a user.
     *
     * @param account  the user
     * @param password the password, checked against the policy (length, common passwords, user id);
     *                 cleared by this method
     * @return the created account
     * @throws nl.proeftuin.core.api.RuleViolationException {@code user-exists} when the id is taken
     */
    Account add(NewAccount account, char[] password);

    /** Replaces the user's roles (at least one); open sessions get them on their next request. */
    Account setRoles(String userId, Set<Role> roles);

    /**
     * Replaces the user's municipality scope: names of the region's register (stored in its form),
     * or the one entry {@code *} (or {@code ALL}) for all municipalities; empty: none.
     *
     * @throws nl.proeftuin.core.api.InvalidInputException  {@code municipalities}: not in the register,
     *                                                      or a control, zero-width or look-alike character
     * @throws nl.proeftuin.core.api.RuleViolationException {@code municipality-register-empty}
     */
    Account setMunicipalities(String userId, Set<String> municipalities);

    /** Sets the user's organisation (null: none). */
    Account setOrganisation(String userId, String organisation);

    /** Refuses the user's logins from now on and ends all their sessions at once. */
    Account disable(String userId);

    /** Allows the user's logins again. */
    Account enable(String userId);

    /**
     * Sets a new password (checked against the policy) and ends the user's sessions.
     *
     * @param password cleared by this method
     */
    void changePassword(String userId, char[] password);

    /** @return the account */
    Account account(String userId);

    /** @return every account, by user id */
    List<Account> accounts();

    /**
     * Colleagues to pick from (a team member, a reviewer): enabled users holding {@code role} whose user
     * id or name contains {@code text}, by name, at most 20; each with its id, name, organisation and
     * that role only (no scope, no other roles). Users of a directory realm (roles not in the database)
     * are not listed.
     *
     * @throws nl.proeftuin.core.api.InvalidInputException {@code q}: fewer than 2 or more than 100 characters
     */
    List<Account> colleagues(Role role, String text);

    /** @return whether any account exists (the launcher tells a newcomer how to create the first) */
    boolean hasAccounts();
}
