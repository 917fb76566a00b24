package nl.proeftuin.core.api.health;

import java.time.Instant;
import java.util.List;

/**
 * The platform's health as served by {@code GET /api/v1/health}.
 *
 * @param status     {@code UP} only when the database is reachable with its schema migrated and every
 *                   core component is active; {@code DOWN} otherwise
 * @param version    the platform version (the core bundles' version)
 * @param revision   the Git commit the core was built from, or empty
 * @param checkedAt  when this report was made
 * @param database   the database check
 * @param components every Declarative Services component of the core bundles and its state
 */
public record HealthReport(
        Status status,
        String version,
        String revision,
        Instant checkedAt,
        DatabaseHealth database,
        List<ComponentHealth> components) {

    /** Overall state. */
    public enum Status {
        /** Ready to serve. */
        UP,
        /** Not ready: a dependency is missing or failing. */
        DOWN
    }
}
