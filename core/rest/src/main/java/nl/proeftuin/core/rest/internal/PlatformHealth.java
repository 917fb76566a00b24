package nl.proeftuin.core.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import nl.proeftuin.core.api.health.ComponentHealth;
import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.api.health.HealthReport;
import nl.proeftuin.core.store.Database;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Builds the health report from what the framework really says: every DS component declared by a
 * core bundle (through {@link ServiceComponentRuntime}) and a live database check.
 */
final class PlatformHealth {
    static final String CORE_BUNDLE_PREFIX = "nl.proeftuin.core.";

    private final ServiceComponentRuntime scr;
    private final Bundle self;

    PlatformHealth(ServiceComponentRuntime scr, Bundle self) {
        this.scr = scr;
        this.self = self;
    }

    HealthReport report(Database database) {
        DatabaseHealth db = database == null
                ? DatabaseHealth.absent("database service not registered (not configured, unreachable or migration failed)")
                : database.check();
        List<ComponentHealth> components = components();
        boolean up = db.up() && !components.isEmpty() && components.stream().allMatch(ComponentHealth::ready);
        String revision = self.getHeaders().get("Git-SHA");
        return new HealthReport(up ? HealthReport.Status.UP : HealthReport.Status.DOWN,
                self.getVersion().toString(), revision == null ? "" : revision, Instant.now(), db, components);
    }

    private List<ComponentHealth> components() {
        List<ComponentHealth> result = new ArrayList<>();
        for (Bundle bundle : self.getBundleContext().getBundles()) {
            String bsn = bundle.getSymbolicName();
            if (bsn == null || !bsn.startsWith(CORE_BUNDLE_PREFIX)) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    result.add(new ComponentHealth(description.name, bsn, "DISABLED", ""));
                    continue;
                }
                var configurations = scr.getComponentConfigurationDTOs(description);
                if (configurations.isEmpty()) {
                    // A component that runs only when configured (configuration policy "require")
                    // and has no configuration, for example the DefaultBinding factory before a
                    // region feature ships one. Not a readiness failure in itself: whatever it
                    // provides is checked where it is needed (the database check, or the
                    // unsatisfied references of its consumers).
                    result.add(new ComponentHealth(description.name, bsn, "NOT_CONFIGURED",
                            "no configuration for PID " + String.join(",", description.configurationPid)));
                }
                for (ComponentConfigurationDTO c : configurations) {
                    result.add(new ComponentHealth(description.name, bsn, state(c.state), detail(c)));
                }
            }
        }
        result.sort(Comparator.comparing(ComponentHealth::bundle).thenComparing(ComponentHealth::name));
        return result;
    }

    private static String state(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    static String detail(ComponentConfigurationDTO c) {
        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && c.failure != null) {
            // The innermost "Caused by" names the real reason (DS wraps it in reflection exceptions).
            String cause = c.failure.lines().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b)
                    .orElseGet(() -> c.failure.lines().findFirst().orElse(""));
            return cause.length() > 800 ? cause.substring(0, 800) : cause;
        }
        if (c.unsatisfiedReferences != null && c.unsatisfiedReferences.length > 0) {
            return "missing: " + Arrays.stream(c.unsatisfiedReferences)
                    .map(r -> r.name).collect(Collectors.joining(", "));
        }
        return "";
    }
}
