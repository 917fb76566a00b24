package nl.proeftuin.core.audit.internal;

import java.sql.SQLException;

/** The access log's database failed: a server error; the caller must not go on as if it was logged. */
final class AccessLogFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccessLogFailure(SQLException cause) {
        super("access log: database failure: " + cause.getMessage(), cause);
    }
}
