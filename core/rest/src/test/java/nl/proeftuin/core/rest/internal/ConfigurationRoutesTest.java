package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
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

    @BeforeEach
    void setUp() {
        core = new InMemoryRuntime();
        security = new TestSecurity(id -> Optional.of(new TestSecurity.CaseFacts("Arnhem", "anna.local", Set.of(),
                Set.of())), id -> Optional.empty());
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> null, () -> null, () -> null, () -> core,
                () -> core, security.services());
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
}
