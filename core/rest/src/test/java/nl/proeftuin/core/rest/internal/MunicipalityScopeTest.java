package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.api.region.Municipality;
import nl.proeftuin.core.api.region.MunicipalityInput;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scope over HTTP, the hostile test's findings: an administrator of Ede cannot export an Arnhem
 * person, a professional of Arnhem cannot open a case in Ede, a user without municipalities sees
 * none, and the register is read by everyone and changed only by the regional administrator, logged.
 */
class MunicipalityScopeTest {
    private InMemoryCore core;
    private TestSecurity security;
    private ApiDispatcher api;
    private final List<Municipality> register = new ArrayList<>();

    @BeforeEach
    void setUp() {
        core = new InMemoryCore();
        security = TestSecurity.over(core);
        // The register's REST contract over a list (the real one is the engine's, tested on H2 and PostgreSQL).
        MunicipalityRegister registerService = new MunicipalityRegister() {
            @Override
            public List<Municipality> municipalities() {
                return register.stream().sorted(Comparator.comparing(Municipality::name)).toList();
            }

            @Override
            public Municipality add(Actor actor, MunicipalityInput input) {
                if (input.code() == null || !input.code().matches("GM[0-9]{4}")) {
                    throw new InvalidInputException("code", "must be a CBS code");
                }
                if (register.stream().anyMatch(m -> m.code().equals(input.code()))) {
                    throw new RuleViolationException("municipality-exists", input.code());
                }
                Municipality m = new Municipality(input.code(), input.name(), input.inhabitants(), Instant.now(), actor.id());
                register.add(m);
                return m;
            }

            @Override
            public Municipality change(Actor actor, String code, MunicipalityInput input) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String canonical(String field, String name) {
                return register.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> new InvalidInputException(field, "unknown")).name();
            }
        };
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null,
                security.services().with(MunicipalityRegister.class, () -> registerService)
                        .with(nl.proeftuin.core.api.monitor.OutcomeMonitor.class, () -> this::report));
    }

    /** The monitor's figures for the region and two municipalities (the real one is the engine's). */
    private nl.proeftuin.core.api.monitor.OutcomeReport report(String municipality) {
        var empty = new nl.proeftuin.core.api.monitor.Distribution(0, null, null, null, List.of());
        java.util.function.Function<String, nl.proeftuin.core.api.monitor.OutcomeFigures> figures = m ->
                new nl.proeftuin.core.api.monitor.OutcomeFigures(m, 1, 1, empty, 0, empty, empty, List.of(), empty, 0);
        List<nl.proeftuin.core.api.monitor.OutcomeFigures> rows = List.of(figures.apply("Arnhem"), figures.apply("Ede"),
                figures.apply(null));
        String canonical = municipality == null ? null : municipality.substring(0, 1).toUpperCase(Locale.ROOT)
                + municipality.substring(1).toLowerCase(Locale.ROOT);
        return new nl.proeftuin.core.api.monitor.OutcomeReport(canonical, Instant.now(),
                canonical == null ? rows.get(2) : figures.apply(canonical), rows);
    }

    @Test
    void aCoordinatorOfArnhemSeesOnlyArnhemsMonitorAndTheRefusalsAreLogged() {
        Http own = Http.get("/monitor?municipality=arnhem").as("cora.arnhem").on(api);
        assertEquals(200, own.status, own.text());
        assertEquals("Arnhem", own.body().path("municipality").asText());
        assertEquals(1, own.body().path("rows").size(), "no other municipality's row, nor the region's: " + own.text());
        Http csv = Http.get("/monitor.csv?municipality=Arnhem").as("cora.arnhem").on(api);
        assertEquals(200, csv.status);
        assertTrue(!csv.text().contains("Ede") && !csv.text().contains("region,"), csv.text());
        for (String target : List.of("/monitor?municipality=Ede", "/monitor", "/monitor.csv", "/monitor.csv?municipality=Ede")) {
            JsonNode refused = problem(Http.get(target).as("cora.arnhem").on(api), 403);
            assertEquals("other_municipality", refused.path("reason").asText(), target);
            assertEquals(AccessEvent.DENIED, security.log.events.get(security.log.events.size() - 1).outcome(), target);
        }
        Http region = Http.get("/monitor").as("carla.coord").on(api);
        assertEquals(3, region.body().path("rows").size(), "all municipalities: the region's monitor");
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.method + " " + http.target + ": " + http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    private String person(String as) {
        Http p = Http.post("/persons", "{\"givenName\":\"Noor\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\"}")
                .as(as).on(api);
        assertEquals(201, p.status, p.text());
        return p.body().path("id").asText();
    }

    private Http open(String as, String municipality, String personId) {
        return Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"%s",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(municipality, personId)).as(as).on(api);
    }

    /** A person in a case of the municipality, opened by Anna (all municipalities). */
    private String personIn(String municipality) {
        String id = person("anna.local");
        assertEquals(201, open("anna.local", municipality, id).status);
        return id;
    }

    @Test
    void anAdministratorOfEdeCannotExportOrReadThePrivacyRoutesOfAnArnhemPerson() {
        String arnhem = personIn("Arnhem");
        String ede = personIn("Ede");
        for (String route : List.of("/persons/%s/export", "/persons/%s/export.html", "/persons/%s/erasure-requests")) {
            JsonNode refused = problem(Http.get(route.formatted(arnhem)).as("edda.admin").on(api), 403);
            assertEquals("other_municipality", refused.path("reason").asText(), route);
            AccessEvent logged = security.log.events.get(security.log.events.size() - 1);
            assertEquals(AccessEvent.DENIED, logged.outcome());
            assertEquals(arnhem, logged.objectId());
            // within her municipality the guard lets her through (to the privacy service, absent here: 503)
            assertEquals(503, Http.get(route.formatted(ede)).as("edda.admin").on(api).status, route);
            // the region's administrator (all municipalities, granted explicitly) passes too
            assertEquals(503, Http.get(route.formatted(arnhem)).as("rik.admin").on(api).status, route);
        }
        // a person in no case is in no municipality: only for a user with all municipalities
        String nowhere = person("anna.local");
        assertEquals("other_municipality", problem(Http.get("/persons/" + nowhere + "/export").as("edda.admin").on(api), 403)
                .path("reason").asText());
        // the auditor of Ede: the family's access view of an Arnhem person is outside her scope
        problem(Http.get("/persons/" + arnhem + "/access-log").as("evert.audit").on(api), 403);
    }

    @Test
    void aProfessionalOfArnhemOpensCasesOnlyInArnhem() {
        String child = person("arno.arnhem");
        int before = core.cases.views.size();
        JsonNode refused = problem(open("arno.arnhem", "Ede", child), 403);
        assertEquals("other_municipality", refused.path("reason").asText());
        assertEquals("municipality", refused.path("field").asText());
        assertEquals(before, core.cases.views.size(), "nothing stored");
        AccessEvent logged = security.log.events.get(security.log.events.size() - 1);
        assertEquals(AccessEvent.DENIED, logged.outcome());
        assertEquals(AccessAction.CREATE, logged.action());

        // invisible and look-alike characters are not Arnhem: 400 naming the field, nothing stored
        for (String bad : List.of("Arnhem\\u200b", "Arnhem\\u0000", "Arnh\\u0435m")) {
            JsonNode invalid = problem(open("arno.arnhem", bad, child), 400);
            assertEquals("municipality", invalid.path("field").asText(), bad);
        }
        assertEquals(before, core.cases.views.size(), "nothing stored");

        Http own = open("arno.arnhem", "arnhem", child);
        assertEquals(201, own.status, own.text());
    }

    @Test
    void aUserWithoutMunicipalitiesSeesNoCaseNotEvenOneSheOpened() {
        String child = person("olga.none");
        problem(open("olga.none", "Arnhem", child), 403);
        String arnhem = personIn("Arnhem");
        Http list = Http.get("/cases").as("olga.none").on(api);
        assertEquals(200, list.status, list.text());
        assertEquals(0, list.body().path("total").asLong());
        assertTrue(list.body().path("items").isEmpty());
        Http all = Http.get("/cases").as("anna.local").on(api);
        assertTrue(all.body().path("total").asLong() > 0, "the same list for a user with all municipalities");
        problem(Http.get("/persons/" + arnhem).as("olga.none").on(api), 403);
    }

    @Test
    void everyoneReadsTheRegisterOnlyTheRegionalAdministratorAddsAndEachAdditionIsLogged() {
        String body = "{\"code\":\"GM0202\",\"name\":\"Arnhem\",\"inhabitants\":166000}";
        for (String user : List.of("anna.local", "carla.coord", "audrey.audit")) {
            assertEquals("role", problem(Http.post("/municipalities", body).as(user).on(api), 403).path("reason").asText(),
                    user);
        }
        assertTrue(register.isEmpty());
        Http added = Http.post("/municipalities", body).as("rik.admin").on(api);
        assertEquals(201, added.status, added.text());
        assertTrue(added.headers.get("Location").endsWith("/municipalities/GM0202"));
        AccessEvent logged = security.log.events.get(security.log.events.size() - 1);
        assertEquals(AccessAction.CREATE, logged.action());
        assertEquals(AccessEvent.SUCCESS, logged.outcome());
        assertEquals("rik.admin", logged.userId());
        assertEquals("municipality-exists", problem(Http.post("/municipalities", body).as("rik.admin").on(api), 409)
                .path("rule").asText());
        assertEquals("code", problem(Http.post("/municipalities", "{\"code\":\"0202\",\"name\":\"Arnhem\"}")
                .as("rik.admin").on(api), 400).path("field").asText());
        assertEquals(400, Http.post("/municipalities", "{\"code\":\"GM0228\",\"name\":\"Ede\",\"mayor\":\"x\"}")
                .as("rik.admin").on(api).status, "unknown fields are refused");
        for (String user : List.of("anna.local", "carla.coord", "audrey.audit", "olga.none")) {
            Http list = Http.get("/municipalities").as(user).on(api);
            assertEquals(200, list.status, user);
            assertEquals("Arnhem", list.body().path(0).path("name").asText());
            assertEquals("GM0202", list.body().path(0).path("code").asText().toUpperCase(Locale.ROOT));
        }
        problem(Http.request("PUT", "/municipalities/GM0202").json(body).as("anna.local").on(api), 403);
    }

    @Test
    void anAdministratorLimitedToEdeChangesNoMunicipalityOfTheRegister() {
        String arnhem = "{\"code\":\"GM0202\",\"name\":\"Arnhem\",\"inhabitants\":166000}";
        assertEquals("other_municipality", problem(Http.post("/municipalities", arnhem).as("edda.admin").on(api), 403)
                .path("reason").asText());
        assertTrue(register.isEmpty(), "nothing added");
        assertEquals(201, Http.post("/municipalities", arnhem).as("rik.admin").on(api).status);
        problem(Http.request("PUT", "/municipalities/GM0202")
                .json("{\"name\":\"Arnhem\",\"inhabitants\":1}").as("edda.admin").on(api), 403);
        AccessEvent refused = security.log.events.get(security.log.events.size() - 1);
        assertEquals("edda.admin", refused.userId());
        assertTrue(!AccessEvent.SUCCESS.equals(refused.outcome()), "the refusal is logged as a refusal: " + refused);
    }
}
