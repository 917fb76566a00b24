package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.api.triage.ReplayInput;
import nl.proeftuin.core.api.triage.ReplayResult;
import nl.proeftuin.core.api.triage.TriageReplay;
import nl.proeftuin.core.spi.ExtensionPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Configuration promotion over HTTP: only a coordinator granted all municipalities, problem+json for
 * a document the target cannot take, each applied change in the access log. The engine's rules are
 * proven by its own tests (ConfigurationPromotionTest, on H2 and PostgreSQL).
 */
class ConfigurationRoutesTest {
    private InMemoryRuntime core;
    private TestSecurity security;
    private ApiDispatcher api;
    /** The replays that reached the service. */
    private final List<ReplayInput> replays = new ArrayList<>();

    @BeforeEach
    void setUp() {
        core = new InMemoryRuntime();
        security = new TestSecurity(id -> Optional.of(new TestSecurity.CaseFacts("Arnhem", "anna.local", Set.of(),
                Set.of())), id -> Optional.empty());
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> null, () -> null, () -> null, () -> core,
                () -> core, security.services().with(TriageReplay.class, () -> (actor, input) -> {
                    replays.add(input);
                    return new ReplayResult(input.pluginId(), "1.0.0", "h", input.from(), input.to(),
                            input.municipality(), 0, 0, 0, List.of());
                }));
        Http bound = Http.request("PUT", "/bindings/triage/region").as("carla.coord")
                .json("{\"pluginId\":\"simple-triage\",\"configuration\":{\"variant\":\"a\"},\"reason\":\"start\"}")
                .on(api);
        assertEquals(200, bound.status, bound.text());
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.method + " " + http.target + ": " + http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    private static final String DOCUMENT = """
            {"version":1,"exportedAt":"2026-03-01T10:00:00Z","exportedBy":"carla.coord","bindings":[
             {"point":"TRIAGE","municipality":null,"pluginId":"joint-triage","pluginVersion":"1.2.0",
              "configuration":{"threshold":"2"}},
             {"point":"TRIAGE","municipality":"Ede","pluginId":"simple-triage","pluginVersion":"1.0.0",
              "configuration":{}}]}""";

    @Test
    void aCoordinatorOfTheWholeRegionExportsAndImportsDryRunFirstThenEachChangeIsLogged() {
        Http export = Http.get("/configuration/export").as("carla.coord").on(api);
        assertEquals(200, export.status, export.text());
        assertEquals(1, export.body().path("version").asInt());
        assertEquals("simple-triage", export.body().path("bindings").get(0).path("pluginId").asText());
        assertEquals("1.0.0", export.body().path("bindings").get(0).path("pluginVersion").asText());
        assertEquals(AccessAction.EXPORT, security.log.last().action());
        assertEquals(AccessEvent.SUCCESS, security.log.last().outcome());

        Http dry = Http.post("/configuration/import?dryRun=true", DOCUMENT).as("carla.coord").on(api);
        assertEquals(200, dry.status, dry.text());
        assertTrue(dry.body().path("dryRun").asBoolean());
        assertEquals(2, dry.body().path("differences").size(), dry.text());
        assertEquals("CHANGED", dry.body().path("differences").get(0).path("change").asText());
        assertEquals("simple-triage", dry.body().path("differences").get(0).path("oldPluginId").asText());
        assertEquals("joint-triage", dry.body().path("differences").get(0).path("newPluginId").asText());
        assertEquals("ADDED", dry.body().path("differences").get(1).path("change").asText());
        assertEquals("simple-triage", core.effectiveBinding(nl.proeftuin.core.spi.ExtensionPoint.TRIAGE, null).pluginId(),
                "a dry run changes nothing");
        assertEquals(AccessAction.READ, security.log.last().action());

        int before = security.log.events.size();
        Http applied = Http.post("/configuration/import?reason=promote%20from%20test", DOCUMENT).as("carla.coord")
                .on(api);
        assertEquals(200, applied.status, applied.text());
        assertFalse(applied.body().path("dryRun").asBoolean());
        assertEquals("joint-triage", core.effectiveBinding(nl.proeftuin.core.spi.ExtensionPoint.TRIAGE, null).pluginId());
        List<AccessEvent> logged = security.log.events.subList(before, security.log.events.size());
        assertEquals(3, logged.size(), logged.toString());
        assertEquals(AccessAction.BINDING_CHANGE, logged.get(0).action());
        assertEquals("binding", logged.get(0).objectType());
        assertEquals("TRIAGE/region", logged.get(0).objectId());
        assertTrue(logged.get(0).detail().contains("CHANGED: simple-triage") && logged.get(0).detail()
                .contains("promote from test"), logged.get(0).detail());
        assertEquals("TRIAGE/Ede", logged.get(1).objectId());
        assertEquals(logged.get(2).requestId(), logged.get(0).requestId(), "joined by the request id");
        assertEquals(AccessAction.BINDING_CHANGE, logged.get(2).action());
        assertTrue(logged.get(2).detail().contains("applied: 2 differences"), logged.get(2).detail());
        assertEquals("promote from test", core.history(null).get(0).reason());
    }

    @Test
    void onlyACoordinatorGrantedAllMunicipalities() {
        for (String as : List.of("rik.admin", "anna.local", "audrey.audit")) {
            assertEquals("role", problem(Http.get("/configuration/export").as(as).on(api), 403).path("reason").asText());
            problem(Http.post("/configuration/import?dryRun=true", DOCUMENT).as(as).on(api), 403);
        }
        // a coordinator of Arnhem only must not set Ede's bindings or the region's
        assertEquals("other_municipality",
                problem(Http.get("/configuration/export").as("cora.arnhem").on(api), 403).path("reason").asText());
        problem(Http.post("/configuration/import?reason=x", DOCUMENT).as("cora.arnhem").on(api), 403);
        assertEquals(AccessEvent.DENIED, security.log.last().outcome());
        problem(Http.get("/configuration/export").anonymous().on(api), 401);
        problem(Http.post("/configuration/import?dryRun=true", DOCUMENT).anonymous().on(api), 401);
        assertEquals("simple-triage", core.effectiveBinding(nl.proeftuin.core.spi.ExtensionPoint.TRIAGE, null).pluginId());
    }

    @Test
    void aDocumentTheTargetCannotTakeIsA400NamingItAndNothingIsApplied() {
        JsonNode missing = problem(Http.post("/configuration/import?reason=x", DOCUMENT.replace("joint-triage",
                "missing-triage")).as("carla.coord").on(api), 400);
        assertEquals("bindings[0].pluginId", missing.path("field").asText(), missing.toString());
        assertTrue(missing.path("detail").asText().contains("missing-triage"), missing.toString());
        assertEquals("simple-triage", core.effectiveBinding(nl.proeftuin.core.spi.ExtensionPoint.TRIAGE, null).pluginId());
        assertEquals(AccessEvent.FAILURE, security.log.last().outcome());

        assertEquals("version", problem(Http.post("/configuration/import?dryRun=true",
                DOCUMENT.replace("\"version\":1", "\"version\":7")).as("carla.coord").on(api), 400).path("field").asText());
        assertEquals("reason", problem(Http.post("/configuration/import", DOCUMENT).as("carla.coord").on(api), 400)
                .path("field").asText());
        problem(Http.post("/configuration/import?dryRun=maybe", DOCUMENT).as("carla.coord").on(api), 400);
        problem(Http.post("/configuration/import?dryRun=true", "{\"version\":1,\"bindings\":[],\"secret\":\"x\"}")
                .as("carla.coord").on(api), 400);
        problem(Http.post("/configuration/import?dryRun=true", "not json").as("carla.coord").on(api), 400);
        assertEquals(1, core.history(null).size(), "only the setup's binding");
    }

    private static final String BINDING = "{\"pluginId\":\"simple-triage\",\"configuration\":{},\"reason\":\"r\"}";

    /** The refusal of a binding change outside the coordinator's municipalities, and its DENIED entry. */
    private void refusedOutsideScope(Http http) {
        int before = security.log.events.size();
        JsonNode refused = problem(http.on(api), 403);
        assertEquals("other_municipality", refused.path("reason").asText(), refused.toString());
        assertEquals("municipality", refused.path("field").asText(), refused.toString());
        List<AccessEvent> logged = security.log.events.subList(before, security.log.events.size());
        assertFalse(logged.isEmpty(), "the refusal is logged");
        assertTrue(logged.stream().allMatch(e -> AccessEvent.DENIED.equals(e.outcome()) && "cora.arnhem".equals(e.userId())),
                logged.toString());
        assertTrue(logged.stream().anyMatch(e -> e.detail().contains("other_municipality")), logged.toString());
    }

    @Test
    void aCoordinatorOfSomeMunicipalitiesChangesOnlyTheirOwnBindingsNeverTheRegionsSwitchesOrReplays() {
        assertEquals(200, Http.request("PUT", "/bindings/triage/municipalities/Ede").as("carla.coord").json(BINDING)
                .on(api).status);
        int history = core.history(null).size();

        refusedOutsideScope(Http.request("PUT", "/bindings/triage/municipalities/Ede").as("cora.arnhem").json(BINDING));
        refusedOutsideScope(Http.request("DELETE", "/bindings/triage/municipalities/Ede?reason=x").as("cora.arnhem"));
        refusedOutsideScope(Http.request("PUT", "/bindings/triage/region").as("cora.arnhem").json(BINDING));
        refusedOutsideScope(Http.request("DELETE", "/bindings/triage/region?reason=x").as("cora.arnhem"));
        // a switch is refused whichever scope it names, her own too: planning is region-wide
        for (String scope : List.of("\"municipality\":\"Ede\",", "", "\"municipality\":\"Arnhem\",")) {
            refusedOutsideScope(Http.request("POST", "/bindings/triage/switches").as("cora.arnhem").json(
                    "{" + scope + "\"pluginId\":\"simple-triage\",\"from\":\"2027-04-01T00:00:00Z\",\"reason\":\"Q2\"}"));
        }
        Http planned = Http.request("POST", "/bindings/triage/switches").as("carla.coord").json(
                "{\"municipality\":\"Ede\",\"pluginId\":\"simple-triage\",\"from\":\"2027-04-01T00:00:00Z\",\"reason\":\"Q2\"}")
                .on(api);
        assertEquals(201, planned.status, planned.text());
        long switchId = planned.body().get(0).path("id").asLong();
        refusedOutsideScope(Http.request("DELETE", "/bindings/triage/switches/" + switchId + "?reason=no").as("cora.arnhem"));
        String replay = "{\"pluginId\":\"simple-triage\",\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"%s}";
        refusedOutsideScope(Http.post("/triage-replays", replay.formatted("")).as("cora.arnhem"));
        refusedOutsideScope(Http.post("/triage-replays", replay.formatted(",\"municipality\":\"Ede\"")).as("cora.arnhem"));

        assertEquals("simple-triage", core.effectiveBinding(ExtensionPoint.TRIAGE, "Ede").pluginId());
        assertEquals("Ede", core.effectiveBinding(ExtensionPoint.TRIAGE, "Ede").municipality(), "Ede's own stays");
        assertEquals("simple-triage", core.effectiveBinding(ExtensionPoint.TRIAGE, null).pluginId(), "the region's stays");
        assertEquals(history, core.history(null).size(), "nothing changed");
        assertEquals(1, core.switches(null).size());
        assertEquals("PLANNED", core.switches(null).get(0).state());
        assertTrue(replays.isEmpty(), "no replay reached the service");

        // her own municipality is hers to bind and unbind; the whole region's coordinator may do everything
        Http own = Http.request("PUT", "/bindings/triage/municipalities/Arnhem").as("cora.arnhem").json(BINDING).on(api);
        assertEquals(200, own.status, own.text());
        assertEquals("Arnhem", core.effectiveBinding(ExtensionPoint.TRIAGE, "Arnhem").municipality());
        assertEquals(204, Http.request("DELETE", "/bindings/triage/municipalities/Arnhem?reason=back").as("cora.arnhem")
                .on(api).status);
        Http replayed = Http.post("/triage-replays", replay.formatted("")).as("carla.coord").on(api);
        assertEquals(200, replayed.status, replayed.text());
        assertEquals(1, replays.size());
    }

    @Test
    void aCoordinatorOfSomeMunicipalitiesReadsTheRegionsBindingsAndTheirOwnOnly() {
        for (String m : List.of("Ede", "Arnhem")) {
            assertEquals(200, Http.request("PUT", "/bindings/triage/municipalities/" + m).as("carla.coord").json(BINDING)
                    .on(api).status);
        }
        assertEquals(201, Http.request("POST", "/bindings/triage/switches").as("carla.coord").json(
                "{\"municipality\":\"Ede\",\"pluginId\":\"simple-triage\",\"from\":\"2027-04-01T00:00:00Z\",\"reason\":\"Q2\"}")
                .on(api).status);
        assertEquals(3, Http.get("/bindings").as("carla.coord").on(api).body().size(), "region, Ede and Arnhem");

        Http bindings = Http.get("/bindings").as("cora.arnhem").on(api);
        assertEquals(200, bindings.status, bindings.text());
        Set<String> scopes = new java.util.HashSet<>();
        bindings.body().forEach(b -> scopes.add(b.path("municipality").isTextual() ? b.path("municipality").asText()
                : "region"));
        assertEquals(Set.of("region", "Arnhem"), scopes, bindings.text());
        Http history = Http.get("/bindings/history").as("cora.arnhem").on(api);
        assertEquals(200, history.status, history.text());
        history.body().forEach(c -> assertFalse("Ede".equals(c.path("municipality").asText()), history.text()));
        assertEquals(0, Http.get("/bindings/switches").as("cora.arnhem").on(api).body().size(), "Ede's switch");
        assertEquals(1, Http.get("/bindings/switches").as("carla.coord").on(api).body().size());
        assertEquals("other_municipality", problem(Http.get("/bindings/effective?point=triage&municipality=Ede")
                .as("cora.arnhem").on(api), 403).path("reason").asText());
        assertEquals(AccessEvent.DENIED, security.log.last().outcome());
        assertEquals(200, Http.get("/bindings/effective?point=triage&municipality=Arnhem").as("cora.arnhem").on(api).status);
        assertEquals(200, Http.get("/bindings/effective?point=triage").as("cora.arnhem").on(api).status);
    }
}
