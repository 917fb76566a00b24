package nl.proeftuin.core.security.internal;

import java.util.Set;

/** Checks credentials against a realm; tests give their own. */
@FunctionalInterface
interface PasswordCheck {
    /** @return the role names when the credentials are right, else null */
    Set<String> check(String username, char[] password);
}
