package nl.proeftuin.core.api.monitor;

import java.time.Instant;
import java.util.List;

/**
 * A named group of municipalities (pilot versus control), kept by a coordinator.
 *
 * @param municipalities the members' names (register)
 */
public record MunicipalityGroup(String name, String description, List<String> municipalities, Instant changedAt,
        String changedBy) {
}
