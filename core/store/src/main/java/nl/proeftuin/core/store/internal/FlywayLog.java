package nl.proeftuin.core.store.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log lines, through java.util.logging (as before: Karaf's Pax Logging takes them), except that
 * Flyway's own errors become warnings. A failed migration is reported once, at ERROR, by
 * {@link SchemaMigration}, which also says what was done about it; Flyway's error line says
 * "Please restore backups and roll back database and code!" on H2, which the start-up has just done.
 * Named in {@code Flyway.configure().loggers(...)}; Flyway instantiates it by its class name.
 */
public final class FlywayLog implements LogCreator {

    /** Flyway's advice after a failure on a database without DDL transactions (H2), which the start-up follows itself. */
    static final String ADVICE = "Please restore backups and roll back database and code!";

    static String withoutAdvice(String message) {
        return message == null ? null
                : message.replace(ADVICE, "The start-up reports next what it did about it (SchemaMigration).");
    }

    @Override
    public Log createLogger(Class<?> clazz) {
        Logger logger = Logger.getLogger(clazz.getName());
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isLoggable(Level.FINE);
            }

            @Override
            public void debug(String message) {
                logger.fine(message);
            }

            @Override
            public void info(String message) {
                logger.info(message);
            }

            @Override
            public void warn(String message) {
                logger.warning(message);
            }

            @Override
            public void error(String message) {
                logger.warning(withoutAdvice(message));
            }

            @Override
            public void error(String message, Exception e) {
                logger.log(Level.WARNING, withoutAdvice(message), e);
            }

            @Override
            public void notice(String message) {
                logger.info(message);
            }
        };
    }
}
