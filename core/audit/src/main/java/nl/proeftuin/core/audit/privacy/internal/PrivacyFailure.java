package nl.proeftuin.core.audit.privacy.internal;

import java.sql.SQLException;

/** The database failed: a server error, never the client's fault. */
final class PrivacyFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PrivacyFailure(SQLException cause) {
        super("database failure: " + cause.getMessage(), cause);
    }
}
