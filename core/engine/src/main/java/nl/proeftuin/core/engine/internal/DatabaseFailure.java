package nl.proeftuin.core.engine.internal;

import java.sql.SQLException;

/** The database failed: a server error, never the client's fault. */
final class DatabaseFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseFailure(SQLException cause) {
        super("database failure: " + cause.getMessage(), cause);
    }
}
