package nl.proeftuin.core.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.api.triage.TriageService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plugins, bindings, alerts and triage over HTTP, against a small real in-memory runtime. */
class PluginRuntimeRoutesTest {
    private static final String FACTS = """
            {"problemDomains":["SAFETY","HOUSING"],"safetyConcern":"%s","repeatedViolence":true,
             "earlierHelpWithoutResult":false,"parentalProblems":["ADDICTION"]}""";

    private InMemoryRuntime core;
    private final AtomicReference<PluginRuntime> runtime = new AtomicReference<>();
    private final AtomicReference<TriageService> triage = new AtomicReference<>();
    private TestSecurity security;
    private ApiDispatcher api;

    @BeforeEach
    void setUp() {
        core = new InMemoryRuntime();
        runtime.set(core);
        triage.set(core);
        // c1 and c2 were opened by Anna and have no team yet: she may triage them
        security = new TestSecurity(id -> core.cases.contains(id)
                ? Optional.of(new TestSecurity.CaseFacts("Arnhem", "anna.local", Set.of(), Set.of())) : Optional.empty(),
                id -> Optional.empty());
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> null, () -> null, () -> null,
                runtime::get, triage::get, security.services());
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    private static Http put(String target, String json) {
        return Http.request("PUT", target).as("carla.coord").json(json);
    }

    private static Http delete(String target) {
        return Http.request("DELETE", target).as("carla.coord");
    }

    private Http bindRegion(String pluginId) {
        return put("/bindings/triage/region",
                "{\"pluginId\":\"%s\",\"configuration\":{\"threshold\":\"2\"},\"reason\":\"pilot start\"}".formatted(pluginId))
                .on(api);
    }

    @Test
    void listsEachPluginsConfigurationSchemaForAForm() {
        JsonNode plugins = Http.get("/plugins").as("carla.coord").on(api).body();
        assertTrue(plugins.get(0).path("configuration").isMissingNode(), "a plugin that declares none: absent");
        JsonNode schema = plugins.get(1).path("configuration");
        assertEquals(InMemoryRuntime.JOINT, schema.path("id").asText(), plugins.toString());
        JsonNode threshold = schema.path("keys").get(0);
        assertEquals("threshold", threshold.path("key").asText());
        assertEquals("Integer", threshold.path("type").asText());
        assertEquals("2", threshold.path("defaultValue").asText());
        assertEquals("Assessments needed", threshold.path("description").asText());
        assertEquals("1", threshold.path("min").asText());
        JsonNode options = schema.path("keys").get(1).path("options");
        assertEquals("escalate", options.get(0).path("value").asText());
        assertEquals("Manual", options.get(1).path("label").asText());
    }

    @Test
    void bindingAMisspeltKeyIs400NamingItAndStoresNothing() {
        JsonNode problem = problem(put("/bindings/triage/region",
                "{\"pluginId\":\"joint-triage\",\"configuration\":{\"treshold\":\"2\"},\"reason\":\"pilot\"}")
                .on(api), 400);
        assertEquals("configuration.treshold", problem.path("field").asText(), problem.toString());
        assertTrue(problem.path("reason").asText().contains("not a configuration key"), problem.toString());
        assertEquals(0, Http.get("/bindings").as("carla.coord").on(api).body().size(), "nothing was stored");
    }

    @Test
    void listsThePluginsPresent() {
        Http plugins = Http.get("/plugins").as("carla.coord").on(api);
        assertEquals(200, plugins.status, plugins.text());
        assertEquals(2, plugins.body().size());
        JsonNode first = plugins.body().get(0);
        assertEquals("simple-triage", first.path("pluginId").asText());
        assertEquals("TRIAGE", first.path("point").asText());
        assertEquals("nl.proeftuin.plugins.triage.simple", first.path("bundle").asText());
        assertEquals("1.0.0", first.path("bundleVersion").asText());
        assertEquals(41, first.path("serviceId").asLong());
    }

    @Test
    void bindsForTheRegionAndAMunicipalityWhichOverridesIt() {
        Http region = bindRegion(InMemoryRuntime.SIMPLE);
        assertEquals(200, region.status, region.text());
        assertEquals("simple-triage", region.body().path("pluginId").asText());
        assertEquals("2", region.body().path("configuration").path("threshold").asText());
        assertEquals(1, region.body().path("revision").asLong());
        assertTrue(region.body().path("municipality").isMissingNode(), "the region has no municipality: " + region.text());
        assertEquals("Carla Coordinator", core.lastActor.name());

        Http own = put("/bindings/TRIAGE/municipalities/Berg%20en%20Dal",
                "{\"pluginId\":\"joint-triage\",\"reason\":\"ZVH pilot\"}").on(api);
        assertEquals(200, own.status, own.text());
        assertEquals("Berg en Dal", own.body().path("municipality").asText());

        Http effective = Http.get("/bindings/effective?point=triage&municipality=Berg%20en%20Dal").as("carla.coord").on(api);
        assertEquals("joint-triage", effective.body().path("pluginId").asText());
        assertEquals(ExtensionPoint.TRIAGE, core.lastPoint);
        assertEquals("simple-triage", Http.get("/bindings/effective?point=TRIAGE&municipality=Arnhem").as("carla.coord").on(api)
                .body().path("pluginId").asText());
        assertEquals("simple-triage", Http.get("/bindings/effective?point=TRIAGE").as("carla.coord").on(api).body().path("pluginId").asText());
        assertNull(core.lastMunicipality);
        assertEquals(2, Http.get("/bindings").as("carla.coord").on(api).body().size());
    }

    @Test
    void noEffectiveBindingIs404AndThePointIsRequired() {
        JsonNode none = problem(Http.get("/bindings/effective?point=CARE_PATH&municipality=Arnhem").as("carla.coord").on(api), 404);
        assertTrue(none.path("detail").asText().contains("CARE_PATH"), none.toString());
        assertEquals("point", problem(Http.get("/bindings/effective?municipality=Arnhem").as("carla.coord").on(api), 400)
                .path("parameter").asText());
    }

    @Test
    void anUnknownPointIs400NamingTheParameterEverywhere() {
        assertEquals("point", problem(put("/bindings/weather/region", "{\"pluginId\":\"x\",\"reason\":\"r\"}").on(api), 400)
                .path("parameter").asText());
        assertEquals("point", problem(delete("/bindings/weather/municipalities/Arnhem?reason=r").on(api), 400)
                .path("parameter").asText());
        JsonNode query = problem(Http.get("/bindings/effective?point=weather").as("carla.coord").on(api), 400);
        assertEquals("point", query.path("parameter").asText());
        assertTrue(query.path("reason").asText().contains("TRIAGE, CARE_PATH, LOCAL_TEAM, PROCUREMENT"), query.toString());
        assertEquals("point", problem(Http.get("/bindings/history?point=weather").as("carla.coord").on(api), 400).path("parameter").asText());
        assertTrue(core.bindings().isEmpty());
    }

    @Test
    void changingABindingNeedsACoordinatorAndAReason() {
        Http anonymous = Http.request("PUT", "/bindings/TRIAGE/region").anonymous()
                .json("{\"pluginId\":\"simple-triage\",\"reason\":\"r\"}").on(api);
        problem(anonymous, 401);
        Http professional = Http.request("PUT", "/bindings/TRIAGE/region")
                .json("{\"pluginId\":\"simple-triage\",\"reason\":\"r\"}").on(api);
        assertEquals("role", problem(professional, 403).path("reason").asText());
        assertTrue(core.bindings().isEmpty());
        bindRegion(InMemoryRuntime.SIMPLE);
        assertEquals("role", problem(Http.request("DELETE", "/bindings/TRIAGE/region?reason=r").on(api), 403)
                .path("reason").asText());
        assertEquals("reason", problem(delete("/bindings/TRIAGE/region").on(api), 400).path("parameter").asText());
        assertEquals("reason", problem(put("/bindings/TRIAGE/region", "{\"pluginId\":\"simple-triage\"}").on(api), 400)
                .path("field").asText());
        assertEquals(1, core.bindings().size());
    }

    @Test
    void anAbsentPluginIs409AndUnknownMembersAre400() {
        JsonNode absent = problem(bindRegion("no-such-plugin"), 409);
        assertEquals("plugin-not-present", absent.path("rule").asText());
        assertEquals("colour", problem(put("/bindings/TRIAGE/region",
                "{\"pluginId\":\"simple-triage\",\"reason\":\"r\",\"colour\":\"red\"}").on(api), 400).path("field").asText());
        assertEquals(415, put("/bindings/TRIAGE/region", "{}").header("Content-Type", "text/plain").on(api).status);
        assertTrue(core.bindings().isEmpty());
    }

    @Test
    void unbindingIs204RecordedInTheHistoryAndASecondTimeIs404() {
        bindRegion(InMemoryRuntime.SIMPLE);
        bindRegion(InMemoryRuntime.JOINT);
        Http removed = delete("/bindings/triage/region?reason=pilot%20ended").on(api);
        assertEquals(204, removed.status, removed.text());
        assertEquals("", removed.text());
        problem(delete("/bindings/triage/region?reason=again").on(api), 404);

        JsonNode history = Http.get("/bindings/history?point=triage").as("carla.coord").on(api).body();
        assertEquals(3, history.size());
        JsonNode newest = history.get(0);
        assertEquals("joint-triage", newest.path("oldPluginId").asText());
        assertTrue(newest.path("newPluginId").isMissingNode(), newest.toString());
        assertEquals("pilot ended", newest.path("reason").asText());
        assertEquals("carla.coord", newest.path("by").asText());
        assertEquals("simple-triage", history.get(1).path("oldPluginId").asText());
        assertEquals(0, Http.get("/bindings/history?point=LOCAL_TEAM").as("carla.coord").on(api).body().size());
        assertEquals(3, Http.get("/bindings/history").as("carla.coord").on(api).body().size());
        assertNull(core.lastPoint);
    }

    @Test
    void alertsDefaultTo100AndTheLimitIsChecked() {
        assertEquals(200, Http.get("/alerts").as("carla.coord").on(api).status);
        assertEquals(100, core.lastLimit);
        Http.get("/alerts?limit=1000").as("carla.coord").on(api);
        assertEquals(1000, core.lastLimit);
        assertEquals("limit", problem(Http.get("/alerts?limit=0").as("carla.coord").on(api), 400).path("parameter").asText());
        assertEquals("limit", problem(Http.get("/alerts?limit=1001").as("carla.coord").on(api), 400).path("parameter").asText());
        assertEquals("limit", problem(Http.get("/alerts?limit=many").as("carla.coord").on(api), 400).path("parameter").asText());
    }

    /**
     * A coordinator of Arnhem reads Arnhem's alerts and the region's, Arnhem's outbox entries, and retries
     * only those: the lists named other municipalities' cases and remote replies, and a retry sent an Ede
     * event back to Ede's system (403 other_municipality, logged DENIED).
     */
    @Test
    void aCoordinatorLimitedToMunicipalitiesSeesAndRetriesOnlyTheirs() {
        java.time.Instant at = java.time.Instant.parse("2027-03-12T09:00:00Z");
        core.alerts().add(new nl.proeftuin.core.api.plugins.Alert("a1", "PLUGIN_FAILED", null, "Arnhem", "p", "c1", "a", at));
        core.alerts().add(new nl.proeftuin.core.api.plugins.Alert("a2", "PLUGIN_FAILED", null, "Ede", "p", "c9", "e", at));
        core.alerts().add(new nl.proeftuin.core.api.plugins.Alert("a3", "PLUGIN_FAILED", null, null, "p", null, "r", at));
        List<nl.proeftuin.core.api.localteam.OutboxEntry> entries = List.of(
                new nl.proeftuin.core.api.localteam.OutboxEntry("o1", "k1", "CASE_OPENED", "c1", "Arnhem", at, "REJECTED",
                        1, at, "nee", "p", null, null),
                new nl.proeftuin.core.api.localteam.OutboxEntry("o2", "k2", "CASE_OPENED", "c9", "Ede", at, "REJECTED",
                        1, at, "nee", "p", null, null));
        List<java.util.Set<String>> asked = new ArrayList<>();
        List<String> retried = new ArrayList<>();
        nl.proeftuin.core.api.localteam.LocalTeamExchange exchange = (nl.proeftuin.core.api.localteam.LocalTeamExchange)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {nl.proeftuin.core.api.localteam.LocalTeamExchange.class}, (proxy, m, args) -> {
                            switch (m.getName()) {
                                case "outbox" -> {
                                    @SuppressWarnings("unchecked")
                                    java.util.Set<String> in = (java.util.Set<String>) args[2];
                                    asked.add(in);
                                    return entries.stream().filter(e -> in == null || in.contains(e.municipality())).toList();
                                }
                                case "entry" -> {
                                    return entries.stream().filter(e -> e.id().equals(args[0])).findFirst();
                                }
                                case "retry" -> {
                                    retried.add((String) args[1]);
                                    return entries.stream().filter(e -> e.id().equals(args[1])).findFirst().orElseThrow();
                                }
                                default -> throw new UnsupportedOperationException(m.getName());
                            }
                        });
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> null, () -> null, () -> null,
                runtime::get, triage::get, security.services().with(nl.proeftuin.core.api.localteam.LocalTeamExchange.class,
                        () -> exchange));

        JsonNode alerts = Http.get("/alerts").as("cora.arnhem").on(api).body();
        assertEquals(List.of("a", "r"), java.util.stream.StreamSupport.stream(alerts.spliterator(), false)
                .map(a -> a.path("message").asText()).sorted().toList());
        assertEquals(3, Http.get("/alerts").as("carla.coord").on(api).body().size(), "all municipalities");
        assertEquals(1, Http.get("/local-team/outbox").as("cora.arnhem").on(api).body().size());
        assertEquals(Set.of("Arnhem"), asked.get(asked.size() - 1));
        assertEquals(2, Http.get("/local-team/outbox").as("carla.coord").on(api).body().size());
        JsonNode refused = problem(Http.post("/local-team/outbox/o2/retry", "{\"reason\":\"nog eens\"}").as("cora.arnhem")
                .on(api), 403);
        assertEquals("other_municipality", refused.path("reason").asText());
        assertEquals("DENIED", security.log.last().outcome());
        assertEquals(200, Http.post("/local-team/outbox/o1/retry", "{\"reason\":\"nog eens\"}").as("cora.arnhem")
                .on(api).status);
        assertEquals(List.of("o1"), retried);
    }

    @Test
    void triageWithoutABindingFallsBackIs201AndRaisesAnAlert() {
        Http outcome = Http.post("/cases/c1/triage", FACTS.formatted("SERIOUS")).on(api);
        assertEquals(201, outcome.status, outcome.text());
        assertTrue(outcome.body().path("fallback").asBoolean());
        assertEquals("MANUAL_TRIAGE", outcome.body().path("decision").path("route").asText());
        assertEquals("core-fallback", outcome.body().path("provenance").path("pluginId").asText());
        assertEquals("anna.local", outcome.body().path("by").asText());
        JsonNode alerts = Http.get("/alerts?limit=5").as("carla.coord").on(api).body();
        assertEquals(1, alerts.size());
        assertEquals("PLUGIN_ABSENT", alerts.get(0).path("kind").asText());
        assertEquals("c1", alerts.get(0).path("caseId").asText());
    }

    @Test
    void triageThroughTheBoundPluginCarriesItsProvenance() {
        bindRegion(InMemoryRuntime.SIMPLE);
        Http outcome = Http.post("/cases/c1/triage", FACTS.formatted("ACUTE")).on(api);
        assertEquals(201, outcome.status, outcome.text());
        assertFalse(outcome.body().path("fallback").asBoolean());
        assertEquals("REGIONAL_SAFETY_TEAM", outcome.body().path("decision").path("route").asText());
        JsonNode provenance = outcome.body().path("provenance");
        assertEquals("simple-triage", provenance.path("pluginId").asText());
        assertEquals("1.0.0", provenance.path("bundleVersion").asText());
        assertEquals(1, provenance.path("bindingRevision").asLong());
        // A set: its order in JSON is the in-memory double's (a HashSet of enums), not part of the contract.
        List<String> domains = new ArrayList<>();
        outcome.body().path("facts").path("problemDomains").forEach(d -> domains.add(d.asText()));
        assertTrue(domains.contains("SAFETY"), domains.toString());

        Http.post("/cases/c1/triage", FACTS.formatted("NONE")).on(api);
        JsonNode list = Http.get("/cases/c1/triage").on(api).body();
        assertEquals(2, list.size());
        assertEquals("LOCAL_TEAM", list.get(1).path("decision").path("route").asText());
    }

    @Test
    void aJointTriageStaysPendingUntilItsAssessmentsAreIn() {
        bindRegion(InMemoryRuntime.JOINT);
        Http first = Http.post("/cases/c2/triage", FACTS.formatted("SERIOUS")).on(api);
        assertTrue(first.body().path("decision").path("pending").asBoolean(), first.text());
        assertEquals(1, Http.get("/triage/pending").on(api).body().size());
        // need to know: a professional who may not see c2 does not see its pending triage either
        assertEquals(0, Http.get("/triage/pending").as("fatima.local").on(api).body().size());

        String assessment = "{\"assessorRole\":\"%s\",\"recommendation\":\"VEILIGHEIDSHUIS_TABLE\",\"note\":\"herhaald geweld\"}";
        // living: the directors' roles are assessed by those who hold them, invited without joining the team
        assertEquals("assessor-role-required", problem(Http.post("/cases/c2/triage/assessments",
                assessment.formatted("SAFETY_DIRECTOR")).on(api), 409).path("rule").asText());
        assertEquals("not_assigned", problem(Http.post("/cases/c2/triage/assessments",
                assessment.formatted("SAFETY_DIRECTOR")).as("sara.safety").on(api), 403).path("reason").asText(),
                "not invited yet");
        assertEquals(0, Http.get("/triage/assessments/pending").as("sara.safety").on(api).body().size());
        security.needToKnow.invitations.put("sara.safety", Set.of("c2"));
        security.needToKnow.invitations.put("pim.process", Set.of("c2"));
        assertEquals(1, Http.get("/triage/assessments/pending").as("sara.safety").on(api).body().size());
        assertEquals(200, Http.get("/cases/c2/triage").as("sara.safety").on(api).status, "reads the case she assesses");
        assertEquals("role", problem(Http.post("/cases/c2/team", "{}").as("sara.safety").on(api), 403)
                .path("reason").asText(), "and changes nothing else");
        assertTrue(security.log.events.stream().anyMatch(e -> "sara.safety".equals(e.userId())
                && e.detail() != null && e.detail().contains("invited safety_director")));
        assertEquals("assessor-role-required", problem(Http.post("/cases/c2/triage/assessments",
                assessment.formatted("PROCESS_DIRECTOR")).as("sara.safety").on(api), 409).path("rule").asText());
        Http one = Http.post("/cases/c2/triage/assessments", assessment.formatted("SAFETY_DIRECTOR")).as("sara.safety")
                .on(api);
        assertEquals(201, one.status, one.text());
        assertTrue(one.body().path("decision").path("pending").asBoolean());
        Http two = Http.post("/cases/c2/triage/assessments", assessment.formatted("PROCESS_DIRECTOR")).as("pim.process")
                .on(api);
        assertEquals("VEILIGHEIDSHUIS_TABLE", two.body().path("decision").path("route").asText());
        assertEquals(0, Http.get("/triage/pending").on(api).body().size());
    }

    @Test
    void triageInputIsCheckedAndTheServicesVerdictsMap() {
        assertEquals("safetyConcern", problem(Http.post("/cases/c1/triage", FACTS.formatted("HUGE")).on(api), 400)
                .path("field").asText());
        assertEquals("repeatedViolence", problem(Http.post("/cases/c1/triage",
                "{\"problemDomains\":[],\"safetyConcern\":\"NONE\",\"earlierHelpWithoutResult\":false}").on(api), 400)
                .path("field").asText());
        assertEquals("If-Match", problem(Http.post("/cases/c1/triage", FACTS.formatted("NONE")).header("If-Match", "\"1\"")
                .on(api), 400).path("header").asText());
        problem(Http.post("/cases/nope/triage", FACTS.formatted("NONE")).on(api), 404);
        problem(Http.get("/cases/nope/triage").on(api), 404);
        JsonNode never = problem(Http.post("/cases/c1/triage/assessments",
                "{\"assessorRole\":\"X\",\"recommendation\":\"LOCAL_TEAM\",\"note\":\"n\"}").on(api), 409);
        assertEquals("triage-required", never.path("rule").asText());
        assertEquals("recommendation", problem(Http.post("/cases/c1/triage/assessments",
                "{\"assessorRole\":\"X\",\"recommendation\":\"SOMEWHERE\",\"note\":\"n\"}").on(api), 400).path("field").asText());
        assertFalse(core.hasOutcomes("c1"));
    }

    @Test
    void withoutTheRuntimeTheseRoutesAre503NamingTheService() {
        runtime.set(null);
        triage.set(null);
        assertEquals("plugin runtime", problem(Http.get("/plugins").as("carla.coord").on(api), 503).path("service").asText());
        assertEquals("plugin runtime", problem(bindRegion(InMemoryRuntime.SIMPLE), 503).path("service").asText());
        assertEquals("plugin runtime", problem(delete("/bindings/TRIAGE/region?reason=r").on(api), 503).path("service").asText());
        assertEquals("triage service", problem(Http.post("/cases/c1/triage", FACTS.formatted("NONE")).on(api), 503)
                .path("service").asText());
        assertEquals("triage service", problem(Http.get("/triage/pending").on(api), 503).path("service").asText());
        assertEquals(200, Http.get("/health").on(api).status);
    }

    @Test
    void bindingRoutesAllowOnlyTheirMethods() {
        Http post = Http.post("/bindings/TRIAGE/region", "{}").on(api);
        assertEquals("DELETE, PUT", post.headers.get("Allow"));
        problem(post, 405);
    }

    // --- switches (issue 15 part 5) --------------------------------------------------------------------

    @Test
    void aRebindWithAStaleRevisionIs409BindingChangedWithTheCurrentRevision() {
        assertEquals(200, bindRegion(InMemoryRuntime.SIMPLE).status);
        Http first = put("/bindings/triage/region", "{\"pluginId\":\"%s\",\"reason\":\"again\",\"expectedRevision\":1}"
                .formatted(InMemoryRuntime.JOINT)).on(api);
        assertEquals(200, first.status, first.text());
        assertEquals(2, first.body().path("revision").asLong());
        JsonNode stale = problem(put("/bindings/triage/region",
                "{\"pluginId\":\"%s\",\"reason\":\"mine\",\"expectedRevision\":1}".formatted(InMemoryRuntime.SIMPLE))
                .on(api), 409);
        assertEquals("binding-changed", stale.path("rule").asText());
        assertEquals(2, stale.path("currentRevision").asLong());
        assertEquals(InMemoryRuntime.JOINT, core.effectiveBinding(ExtensionPoint.TRIAGE, null).pluginId());
        JsonNode staleDelete = problem(delete("/bindings/triage/region?reason=stop&expectedRevision=1").on(api), 409);
        assertEquals("binding-changed", staleDelete.path("rule").asText());
        assertEquals("expectedRevision", problem(delete("/bindings/triage/region?reason=stop&expectedRevision=x")
                .on(api), 400).path("field").asText(), "a bad number names the parameter");
        assertEquals(204, delete("/bindings/triage/region?reason=stop&expectedRevision=2").on(api).status);
    }

    @Test
    void aSwitchIsPlannedListedAndCancelledByCoordinatorsOnly() {
        Http planned = Http.request("POST", "/bindings/triage/switches").as("carla.coord").json(
                "{\"municipality\":\"Ede\",\"pluginId\":\"%s\",\"from\":\"2027-04-01T00:00:00Z\",\"reason\":\"Q2\"}"
                        .formatted(InMemoryRuntime.SIMPLE)).on(api);
        assertEquals(201, planned.status, planned.text());
        long id = planned.body().get(0).path("id").asLong();
        assertEquals("PLANNED", Http.get("/bindings/switches?point=triage").as("carla.coord").on(api).body().get(0)
                .path("state").asText());
        assertEquals(403, Http.request("DELETE", "/bindings/triage/switches/" + id + "?reason=no").as("anna.local")
                .on(api).status);
        assertEquals(404, delete("/bindings/care_path/switches/" + id + "?reason=no").on(api).status,
                "a switch of another point");
        Http cancelled = delete("/bindings/triage/switches/" + id + "?reason=toch%20niet").on(api);
        assertEquals(200, cancelled.status, cancelled.text());
        assertEquals("CANCELLED", cancelled.body().path("state").asText());
        assertEquals("switch-not-planned", problem(delete("/bindings/triage/switches/" + id + "?reason=again").on(api),
                409).path("rule").asText());
        assertEquals("from", problem(Http.request("POST", "/bindings/triage/switches").as("carla.coord")
                .json("{\"pluginId\":\"x\",\"reason\":\"r\"}").on(api), 400).path("field").asText());
    }
}
