package nl.proeftuin.core.engine.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.spi.TriageAssessment;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.store.internal.JdbcAlertStore;
import nl.proeftuin.core.store.internal.JdbcBindingStore;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import nl.proeftuin.core.store.internal.JdbcTriageStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The plugin runtime and the triage service over the real stores, with plugins registered in the
 * registry by hand (as the framework would: id, point, bundle, version, service id, ranking).
 * Bindings are global to the database, so every test starts with none.
 */
abstract class PluginTestBase extends EngineTestBase {

    static final Actor COORDINATOR = new Actor("coordinator", "Carla Coördinator");
    private static final AtomicLong SERVICE_IDS = new AtomicLong(100);

    ServicePluginRegistry registry;
    TimeBoxedPluginCalls calls;
    JdbcBindingStore bindingStore;
    JdbcTriageStore triageStore;
    JdbcAlertStore alertStore;
    StoredPluginRuntime runtime;
    BoundTriageService triage;

    @BeforeEach
    void runtime() throws Exception {
        database.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM plugin_binding"));
        database.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM plugin_binding_switch")); // switches
        registry = new ServicePluginRegistry();
        calls = new TimeBoxedPluginCalls(Duration.ofMillis(2000), 8);
        bindingStore = new JdbcBindingStore();
        triageStore = new JdbcTriageStore();
        alertStore = new JdbcAlertStore();
        runtime = new StoredPluginRuntime(database, bindingStore, alertStore, registry, municipalityStore, clock);
        triage = triageService(calls);
    }

    @AfterEach
    void stopCalls() {
        calls.stop();
    }

    BoundTriageService triageService(TimeBoxedPluginCalls with) {
        Domain domain = new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(), new JdbcPlanStore(), clock);
        return new BoundTriageService(domain, triageStore, alertStore, bindingStore, registry, with, clock, null);
    }

    /** Registers a plugin service as the framework would; returns its service id. */
    long install(ExtensionPoint point, String pluginId, String version, int ranking, Object service) {
        long id = SERVICE_IDS.incrementAndGet();
        registry.add(new PluginInfo(pluginId, point, "test." + pluginId, version, id), ranking, service);
        return id;
    }

    long installTriage(String pluginId, Triage service) {
        return install(ExtensionPoint.TRIAGE, pluginId, "1.2.0", 0, service);
    }

    Binding bindRegion(String pluginId, Map<String, String> configuration) {
        return runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, null,
                new BindingInput(pluginId, configuration, "pilot " + pluginId));
    }

    static TriageFacts facts(SafetyConcern concern, LifeDomain... domains) {
        return new TriageFacts(Set.of(domains), concern, false, false, Set.of("ADDICTION"));
    }

    /**
     * A small rule-based triage, a pure function of its request as the SPI demands: acute danger
     * goes to the Veiligheidshuis table, three or more problem domains to the regional safety team,
     * the rest stays local. Its rationale names the configured variant. It records what it was given.
     */
    static final class RuleTriage implements Triage {
        final ConcurrentLinkedQueue<TriageRequest> seen = new ConcurrentLinkedQueue<>();

        @Override
        public TriageDecision triage(TriageRequest r) {
            seen.add(r);
            String variant = r.configuration().getOrDefault("variant", "standard");
            TriageFacts f = r.facts();
            if (f.safetyConcern() == SafetyConcern.ACUTE) {
                return new TriageDecision("MEERVOUDIG_COMPLEX", Route.VEILIGHEIDSHUIS_TABLE,
                        variant + ": acute danger", List.of("veiligheid"), false);
            }
            if (f.problemDomains().size() >= 3) {
                return new TriageDecision("COMPLEX", Route.REGIONAL_SAFETY_TEAM, variant + ": three or more domains",
                        List.of(), false);
            }
            return new TriageDecision("ENKELVOUDIG", Route.LOCAL_TEAM, variant + ": fewer than three domains",
                    List.of(), false);
        }
    }

    /**
     * A joint triage: pending until a SAFETY_DIRECTOR and a PROCESS_DIRECTOR have assessed; then the
     * route they agree on, or the regional safety team when they disagree.
     */
    static final class JointTriage implements Triage {
        @Override
        public TriageDecision triage(TriageRequest r) {
            Route director = recommendation(r, "SAFETY_DIRECTOR");
            Route process = recommendation(r, "PROCESS_DIRECTOR");
            if (director == null || process == null) {
                return new TriageDecision("PENDING", null, "waiting for "
                        + (director == null ? "the safety director" : "the process director"), List.of(), true);
            }
            Route route = director == process ? director : Route.REGIONAL_SAFETY_TEAM;
            return new TriageDecision("MEERVOUDIG_COMPLEX", route, "joint triage: " + director + " / " + process,
                    List.of(), false);
        }

        private static Route recommendation(TriageRequest r, String role) {
            return r.assessments().stream().filter(a -> a.assessorRole().equals(role))
                    .map(TriageAssessment::recommendation).reduce((a, b) -> b).orElse(null);
        }
    }
}
