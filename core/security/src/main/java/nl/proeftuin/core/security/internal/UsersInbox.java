package nl.proeftuin.core.security.internal;

/**
 * The users file as an inbox ({@link AccountRealm#importUsersFile()}); a service inside this bundle,
 * so that {@link PendingAccounts} moves a file's accounts into the database before it completes them.
 */
public interface UsersInbox {
    /** Moves the users file into the database when it changed since the last time. */
    void importUsersFileWhenChanged();
}
