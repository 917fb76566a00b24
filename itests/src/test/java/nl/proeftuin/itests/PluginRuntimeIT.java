package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Plugins in the real distribution: installing and uninstalling plugin features refreshes no core
 * bundle and re-activates no core component; a binding swap takes effect on the next request, per
 * region and per municipality; decisions keep their provenance after a swap or removal; a bound
 * plugin that is absent, throws or hangs gives the fallback (manual triage), an alert, and still a
 * successful request.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginRuntimeIT extends KarafTestSupport {
    static final String FAULTY_PLUGIN = "proeftuin.test.faulty.plugin";
    private static final String THREEWAY = "proeftuin-plugin-triage-threeway";
    private static final String EXAMPLE = "proeftuin-plugin-example-triage";

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        options.add(systemProperty(FAULTY_PLUGIN).value(System.getProperty(FAULTY_PLUGIN)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void pluginFeaturesComeAndGoWithoutTouchingTheCore() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        Map<String, String> before = coreState();
        installFeature(THREEWAY);
        installFeature(EXAMPLE);
        awaitPlugin("triage-threeway");
        awaitPlugin("example-triage");
        assertEquals("core after install", before, coreState());
        features().uninstallFeature(EXAMPLE, EnumSet.noneOf(FeaturesService.Option.class));
        assertEquals("core after uninstall", before, coreState());
        installFeature(EXAMPLE);
        awaitPlugin("example-triage");
        assertEquals("core after reinstall", before, coreState());
    }

    @Test
    public void swapPerRegionAndMunicipalityKeepsProvenanceAndIsolatesFaults() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        installFeature(THREEWAY);
        installFeature(EXAMPLE);
        awaitPlugin("triage-threeway");
        awaitPlugin("example-triage");

        bind("TRIAGE/region", "triage-threeway", Map.of());
        String ede = openCase("Ede");
        String arnhem = openCase("Arnhem");
        assertEquals("triage-threeway", triage(ede).path("provenance").path("pluginId").asText());
        assertEquals("triage-threeway", triage(arnhem).path("provenance").path("pluginId").asText());

        // a municipality's binding overrides the region's, at once
        bind("TRIAGE/municipalities/Arnhem", "example-triage", Map.of());
        JsonNode arnhemOutcome = triage(arnhem);
        assertEquals("example-triage", arnhemOutcome.path("provenance").path("pluginId").asText());
        assertFalse(arnhemOutcome.path("provenance").path("bundleVersion").asText().isEmpty());
        assertEquals(64, arnhemOutcome.path("provenance").path("inputDigest").asText().length());
        assertEquals("triage-threeway", triage(ede).path("provenance").path("pluginId").asText());

        // swap the region's plugin: the next request uses the new one
        bind("TRIAGE/region", "example-triage", Map.of());
        assertEquals("example-triage", triage(ede).path("provenance").path("pluginId").asText());
        JsonNode history = JSON.readTree(getAs(COORDINATOR, "/api/v1/bindings/history?point=TRIAGE").body());
        assertTrue(history.toString(), history.size() >= 3);

        // remove the plugin that decided earlier: its decisions keep their provenance
        features().uninstallFeature(THREEWAY, EnumSet.noneOf(FeaturesService.Option.class));
        JsonNode outcomes = JSON.readTree(get("/api/v1/cases/" + ede + "/triage").body());
        assertEquals("triage-threeway", outcomes.get(0).path("provenance").path("pluginId").asText());

        // absent: bound but not installed -> manual triage, alert, request succeeds
        bindAllowingAbsent(ede);

        // a plugin that throws, and one that hangs past the time budget
        Bundle faulty = context.installBundle(new java.io.File(System.getProperty(FAULTY_PLUGIN)).toURI().toString());
        try {
            faulty.start();
            awaitPlugin("test-faulty");
            bind("TRIAGE/municipalities/Ede", "test-faulty", Map.of("mode", "throw"));
            assertFallback(triage(ede), "PLUGIN_FAILED");
            bind("TRIAGE/municipalities/Ede", "test-faulty", Map.of("mode", "slow", "sleepMillis", "10000"));
            long start = System.nanoTime();
            assertFallback(triage(ede), "PLUGIN_TIMEOUT");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue("took " + millis + " ms; the budget is 2 s", millis < 6000);
            bind("TRIAGE/municipalities/Ede", "test-faulty", Map.of("mode", "null"));
            assertFallback(triage(ede), "PLUGIN_FAILED");
        } finally {
            faulty.uninstall();
        }
        JsonNode alerts = JSON.readTree(getAs(COORDINATOR, "/api/v1/alerts").body());
        String all = alerts.toString();
        assertTrue(all, all.contains("PLUGIN_FAILED") && all.contains("PLUGIN_TIMEOUT"));
        // the core still serves
        assertEquals(200, get("/api/v1/health").statusCode());
        assertEquals(200, get("/api/v1/cases/" + ede).statusCode());
    }

    @Test
    public void shellCommandsListBindAndShowHistory() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        installFeature(EXAMPLE);
        awaitPlugin("example-triage");
        assertTrue(shell("proeftuin:plugins").contains("example-triage"));
        // the example declares that it takes no configuration: the core refuses any key (typed configuration)
        HttpResponse<String> refused = sendAs(COORDINATOR, "PUT", "/api/v1/bindings/TRIAGE/municipalities/Zevenaar",
                JSON.writeValueAsString(Map.of("pluginId", "example-triage", "configuration", Map.of("threshold", "3"),
                        "reason", "test: a key the plugin does not declare")), "application/json");
        assertEquals(refused.body(), 400, refused.statusCode());
        assertEquals(refused.body(), "configuration.threshold", JSON.readTree(refused.body()).path("field").asText());
        JsonNode plugins = JSON.readTree(getAs(COORDINATOR, "/api/v1/plugins").body());
        boolean schemaListed = false;
        for (JsonNode plugin : plugins) {
            schemaListed |= "example-triage".equals(plugin.path("pluginId").asText())
                    && "example-triage".equals(plugin.path("configuration").path("id").asText());
        }
        assertTrue(plugins.toString(), schemaListed);
        String bound = shell("proeftuin:bind -m Zevenaar TRIAGE example-triage pilot start Zevenaar");
        assertTrue(bound, bound.contains("example-triage"));
        JsonNode effective = JSON.readTree(getAs(COORDINATOR, "/api/v1/bindings/effective?point=TRIAGE&municipality=Zevenaar").body());
        assertEquals("example-triage", effective.path("pluginId").asText());
        assertEquals(0, effective.path("configuration").size());
        assertTrue(shell("proeftuin:bindings TRIAGE").contains("Zevenaar"));
        // configuration promotion: the export carries the binding; importing it back changes nothing
        HttpResponse<String> exported = getAs(COORDINATOR, "/api/v1/configuration/export");
        assertEquals(exported.body(), 200, exported.statusCode());
        assertTrue(exported.body(), exported.body().contains("\"Zevenaar\"") && exported.body().contains("example-triage"));
        HttpResponse<String> dryRun = sendAs(COORDINATOR, "POST", "/api/v1/configuration/import?dryRun=true",
                exported.body(), "application/json");
        assertEquals(dryRun.body(), 200, dryRun.statusCode());
        assertEquals(dryRun.body(), 0, JSON.readTree(dryRun.body()).path("differences").size());
        HttpResponse<String> unknown = sendAs(COORDINATOR, "POST", "/api/v1/configuration/import?reason=test",
                exported.body().replace("example-triage", "missing-triage"), "application/json");
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("missing-triage"));
        assertTrue(shell("proeftuin:configuration-export").contains("\"example-triage\""));
        java.nio.file.Path document = java.nio.file.Files.createTempFile("region", ".json");
        assertTrue(shell("proeftuin:configuration-export --force " + document).contains("bindings written to"));
        String unchanged = shell("proeftuin:configuration-import --dry-run " + document);
        assertTrue(unchanged, unchanged.contains("Dry run, nothing changed: 0 differences"));
        assertTrue(shell("proeftuin:binding-history TRIAGE").contains("pilot start Zevenaar"));
        shell("proeftuin:unbind -m Zevenaar TRIAGE pilot ended");
        // Zevenaar's own binding is gone: none applies, or the region's does
        HttpResponse<String> after = getAs(COORDINATOR, "/api/v1/bindings/effective?point=TRIAGE&municipality=Zevenaar");
        assertTrue(after.body(), after.statusCode() == 404
                || !"Zevenaar".equals(JSON.readTree(after.body()).path("municipality").asText()));
        // the exported document brings Zevenaar's binding back through the shell, as it would on another instance
        String restored = shell("proeftuin:configuration-import " + document + " promote Zevenaar back");
        assertTrue(restored, restored.contains("Applied: 1 differences") && restored.contains("ADDED TRIAGE municipality Zevenaar"));
        assertEquals("example-triage", JSON.readTree(getAs(COORDINATOR,
                "/api/v1/bindings/effective?point=TRIAGE&municipality=Zevenaar").body()).path("pluginId").asText());
        shell("proeftuin:unbind -m Zevenaar TRIAGE promotion tried");
        // every command is in the access log, with the shell's user and its outcome
        JsonNode changes = JSON.readTree(getAs(AUDITOR, "/api/v1/audit/log?action=BINDING_CHANGE&limit=1000").body());
        List<String> shellDetails = new java.util.ArrayList<>();
        changes.forEach(e -> {
            if (e.path("userId").asText().startsWith("shell:")) {
                shellDetails.add(e.path("outcome").asText() + " " + e.path("detail").asText());
            }
        });
        assertTrue(changes.toString(), shellDetails.contains("SUCCESS proeftuin:bind TRIAGE example-triage -m Zevenaar"));
        assertTrue(changes.toString(), shellDetails.contains("SUCCESS proeftuin:unbind TRIAGE -m Zevenaar"));
        assertTrue(changes.toString(), shellDetails.contains("SUCCESS proeftuin:configuration-import " + document));
        assertTrue(changes.toString(), shellDetails.stream().anyMatch(d -> d.startsWith("SUCCESS proeftuin:configuration-import "
                + document + " applied: ADDED TRIAGE municipality Zevenaar: (none) -> example-triage")));
    }

    /** Runs a shell command in a Karaf session and returns what it printed. */
    private String shell(String command) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        Session session = sessions.create(new java.io.ByteArrayInputStream(new byte[0]), print, print);
        // as a shell user named like the region's coordinator (all municipalities), as Karaf's shell runs a
        // command for its logged-in user: the configuration commands are for such a user only
        javax.security.auth.Subject coordinator = new javax.security.auth.Subject();
        coordinator.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal(COORDINATOR));
        try {
            Object result = javax.security.auth.Subject.doAs(coordinator,
                    (java.security.PrivilegedExceptionAction<Object>) () -> session.execute(command));
            if (result != null) {
                print.println(result);
            }
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Binds the region to a plugin, then uninstalls it: the request still succeeds with the fallback. */
    private void bindAllowingAbsent(String caseId) throws Exception {
        installFeature(THREEWAY);
        awaitPlugin("triage-threeway");
        bind("TRIAGE/municipalities/Ede", "triage-threeway", Map.of());
        features().uninstallFeature(THREEWAY, EnumSet.noneOf(FeaturesService.Option.class));
        assertFallback(triage(caseId), "PLUGIN_ABSENT");
    }

    private static void assertFallback(JsonNode outcome, String alertKindHint) {
        assertTrue(outcome.toString(), outcome.path("fallback").asBoolean());
        assertEquals(outcome.toString(), "MANUAL_TRIAGE", outcome.path("decision").path("route").asText());
        assertFalse(alertKindHint + ": " + outcome, outcome.path("fallbackReason").asText().isEmpty());
    }

    private static void bind(String scopePath, String pluginId, Map<String, String> configuration) throws Exception {
        String body = JSON.writeValueAsString(Map.of("pluginId", pluginId, "configuration", configuration,
                "reason", "test: bind " + pluginId));
        HttpResponse<String> response = sendAs(COORDINATOR, "PUT", "/api/v1/bindings/" + scopePath, body, "application/json");
        assertEquals(response.body(), 200, response.statusCode());
    }

    private static String openCase(String municipality) throws Exception {
        String child = person("Sem", "Kok", "2015-02-03");
        return post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"School meldt zorgen.","receivedOn":"%s",
                 "municipality":"%s","members":[{"personId":"%s","roles":["CHILD"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), municipality, child), 201).path("id").asText();
    }

    private static JsonNode triage(String caseId) throws Exception {
        return post("/api/v1/cases/" + caseId + "/triage", """
                {"problemDomains":["SAFETY","PARENTING","HOUSING"],"safetyConcern":"SERIOUS","repeatedViolence":true,
                 "earlierHelpWithoutResult":false,"parentalProblems":["ADDICTION"]}""", 201);
    }

    private static void awaitPlugin(String pluginId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (getAs(COORDINATOR, "/api/v1/plugins").body().contains("\"" + pluginId + "\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plugin " + pluginId + " never appeared: " + getAs(COORDINATOR, "/api/v1/plugins").body());
    }

    /**
     * What a refresh or re-activation would change: every core bundle's id, state and last
     * modification, and every core component configuration's id (a new id = re-activated).
     */
    private Map<String, String> coreState() {
        Map<String, String> state = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (!bundle.getSymbolicName().startsWith("nl.proeftuin.core.")) {
                continue;
            }
            state.put(bundle.getSymbolicName(), bundle.getBundleId() + "/" + bundle.getState() + "/" + bundle.getLastModified());
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                StringBuilder ids = new StringBuilder();
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                    ids.append(c.id).append(':').append(c.state).append(' ');
                }
                state.put(description.name, ids.toString());
            }
        }
        assertTrue(state.toString(), state.size() > 10);
        return state;
    }
}
