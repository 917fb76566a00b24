package nl.proeftuin.core.audit;

import java.util.List;
import java.util.concurrent.Callable;

import nl.proeftuin.core.audit.internal.ShellUser;
import org.apache.karaf.shell.api.console.Session;

/**
 * The access-log entry of a shell command that reads or changes data (bindings, the outbox, user
 * administration, retention): who ran it (the Karaf shell's JAAS user, as {@code shell:<name>}), what it
 * did and how it ended. The entry is written after the command's work, with its real outcome; when the
 * log cannot record it the command fails (no log, no command).
 */
public final class ShellAccess {
    private ShellAccess() {
    }

    /** @return who runs the command in this session, as {@code shell:<user>} */
    public static String user(Session session) {
        return ShellUser.name(session);
    }

    /**
     * Runs a command's work and logs it: SUCCESS after it, or FAILURE with the error (which is rethrown).
     *
     * @param log        the access log (required: without it the command does not run)
     * @param session    the shell session, or null
     * @param action     what the command does
     * @param objectType the kind of object, or null
     * @param objectId   its id, or null
     * @param detail     the command and its arguments (no secrets), or null
     * @param work       the command's work
     * @return what the work returned
     * @throws Exception what the work threw, or the log's failure
     */
    public static <T> T call(AccessLog log, Session session, AccessAction action, String objectType, String objectId,
            String detail, Callable<T> work) throws Exception {
        if (log == null) {
            throw new IllegalStateException("The access log is not available: the command is not run");
        }
        String user = user(session);
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            try {
                log.append(event(action, AccessEvent.FAILURE, user, objectType, objectId,
                        (detail == null ? "" : detail + ": ") + e.getClass().getSimpleName() + ": " + e.getMessage()));
            } catch (RuntimeException logFailed) {
                e.addSuppressed(logFailed);
            }
            throw e;
        }
        log.append(event(action, AccessEvent.SUCCESS, user, objectType, objectId, detail));
        return result;
    }

    /** {@link #call} for work without a result. */
    public static void run(AccessLog log, Session session, AccessAction action, String objectType, String objectId,
            String detail, Work work) throws Exception {
        call(log, session, action, objectType, objectId, detail, () -> {
            work.run();
            return null;
        });
    }

    /** A command's work. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static AccessEvent event(AccessAction action, String outcome, String user, String objectType,
            String objectId, String detail) {
        return new AccessEvent(action, outcome, user, user, "shell", null, null, List.of(), null, objectType, objectId,
                null, detail);
    }
}
