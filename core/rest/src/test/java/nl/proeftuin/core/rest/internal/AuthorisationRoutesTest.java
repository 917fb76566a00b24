package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.BreakGlassGrant;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard over HTTP: 401 without a valid token on every route but the open ones, 403 for the wrong
 * role, for a professional not assigned and for one of another municipality, break-glass as the way
 * in, login and logout, and an access-log entry for each decision.
 */
class AuthorisationRoutesTest {
    private static final Set<String> OPEN = Set.of("GET /health", "GET /health/ready", "GET /health/live", "POST /auth/login");

    private InMemoryCore core;
    private TestSecurity security;
    private ApiDispatcher api;
    private final List<BreakGlassGrant> grants = new ArrayList<>();

    @BeforeEach
    void setUp() {
        core = new InMemoryCore();
        security = TestSecurity.over(core);
        BreakGlass breakGlass = new BreakGlass() {
            @Override
            public BreakGlassGrant open(Principal principal, String caseId, String reason) {
                if (reason == null || reason.isBlank()) {
                    throw new InvalidInputException("reason", "is required");
                }
                if (!core.cases.views.containsKey(caseId)) {
                    throw new NotFoundException("case " + caseId);
                }
                security.needToKnow.breakGlass.computeIfAbsent(principal.userId(), u -> new HashSet<>()).add(caseId);
                BreakGlassGrant grant = new BreakGlassGrant("g" + (grants.size() + 1), principal.userId(), principal.name(),
                        caseId, reason, Instant.now(), Instant.now().plus(Duration.ofHours(1)), null, null);
                grants.add(grant);
                return grant;
            }

            @Override
            public List<BreakGlassGrant> grants(boolean unreviewedOnly, int limit) {
                return grants.stream().limit(limit).toList();
            }

            @Override
            public List<BreakGlassGrant> grants(Principal reviewer, boolean unreviewedOnly, int limit) {
                // the newest of every municipality: the route's guard must filter them itself
                return grants.stream().limit(limit).toList();
            }

            @Override
            public java.util.Optional<BreakGlassGrant> grant(String grantId) {
                return grants.stream().filter(g -> g.id().equals(grantId)).findFirst();
            }

            @Override
            public BreakGlassGrant review(Principal reviewer, String grantId) {
                BreakGlassGrant g = grant(grantId).orElseThrow(() -> new NotFoundException("grant " + grantId));
                BreakGlassGrant reviewed = new BreakGlassGrant(g.id(), g.userId(), g.userName(), g.caseId(), g.reason(),
                        g.grantedAt(), g.expiresAt(), Instant.now(), reviewer.userId());
                grants.set(grants.indexOf(g), reviewed);
                return reviewed;
            }
        };
        // the outcome monitor's export only: the privacy service's rules are its own tests'
        PrivacyService privacy = (PrivacyService) java.lang.reflect.Proxy.newProxyInstance(
                PrivacyService.class.getClassLoader(), new Class<?>[] {PrivacyService.class}, (proxy, m, args) -> {
                    if (m.getName().equals("monitorExport")) {
                        return "person,case,municipality\r\np1,k1,Ede\r\n";
                    }
                    throw new UnsupportedOperationException("privacy." + m.getName());
                });
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null, security.services().with(BreakGlass.class, () -> breakGlass)
                        .with(PrivacyService.class, () -> privacy));
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.method + " " + http.target + ": " + http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    /** Anna opens an Arnhem case: she counts as assigned until a team exists. */
    private String openCase() {
        Http person = Http.post("/persons", "{\"givenName\":\"Noor\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\"}")
                .on(api);
        Http kase = Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(person.body().path("id").asText())).on(api);
        assertEquals(201, kase.status, kase.text());
        return kase.body().path("id").asText();
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "x1");
    }

    @Test
    void everyRouteButHealthTheDocumentAndLoginIs401WithoutAValidToken() {
        security.authenticator.expire(TestSecurity.token("fatima.local"));
        Set<String> checked = new TreeSet<>();
        for (Route route : api.router().routes()) {
            String operation = route.method() + " " + route.template();
            if (OPEN.contains(operation)) {
                continue;
            }
            String target = concrete(route.template());
            for (Http http : List.of(Http.request(route.method(), target).anonymous(),
                    Http.request(route.method(), target).bearer("forged-" + TestSecurity.token("anna.local")),
                    Http.request(route.method(), target).as("fatima.local"))) {
                http.json("{}").on(api);
                problem(http, 401);
                assertTrue(http.headers.get("WWW-Authenticate").startsWith("Bearer realm=\"proeftuin\""), operation);
            }
            checked.add(operation);
        }
        assertTrue(checked.size() > 80, checked.toString());
        assertEquals(200, Http.get("/health").anonymous().on(api).status);
        assertEquals(401, Http.get("/openapi.json").anonymous().on(api).status);
        assertTrue(security.log.events.isEmpty(), "nobody was identified, so nothing to attribute");
    }

    /**
     * Who may call the access log's and the GDPR's routes, as the privacy officer agreed it (the routes
     * declare it beside their handlers; this is the test's own expectation of what they declare).
     */
    private static final Map<String, String> REQUIRED_ROLES = Map.ofEntries(
            Map.entry("GET /audit/log", "AUDITOR"),
            Map.entry("GET /audit/verify", "AUDITOR"),
            Map.entry("GET /persons/{personId}/access-log", "SELF_OR_GUARDIAN,AUDITOR"),
            Map.entry("GET /persons/{personId}/export", "PROFESSIONAL (need to know),REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /persons/{personId}/export.html", "PROFESSIONAL (need to know),REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /persons/{personId}/rectifications", "PROFESSIONAL (need to know)"),
            Map.entry("POST /persons/{personId}/rectifications", "PROFESSIONAL (need to know)"),
            Map.entry("GET /persons/{personId}/erasure-requests", "PROFESSIONAL (need to know),REGIONAL_ADMINISTRATOR"),
            Map.entry("POST /persons/{personId}/erasure-requests", "PROFESSIONAL (need to know)"),
            Map.entry("POST /erasure-requests/{requestId}/approve", "REGIONAL_ADMINISTRATOR"),
            Map.entry("POST /erasure-requests/{requestId}/reject", "REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /legal-holds", "REGIONAL_ADMINISTRATOR,AUDITOR"),
            Map.entry("POST /legal-holds", "REGIONAL_ADMINISTRATOR"),
            Map.entry("POST /legal-holds/{holdId}/lift", "REGIONAL_ADMINISTRATOR"),
            Map.entry("GET /persons/{personId}/safe-address", "PROFESSIONAL (need to know)"),
            Map.entry("PUT /persons/{personId}/safe-address", "PROFESSIONAL (need to know)"),
            Map.entry("GET /cases/{caseId}/restricted-entries", "PROFESSIONAL (need to know)"),
            Map.entry("POST /cases/{caseId}/restricted-entries", "PROFESSIONAL (need to know)"),
            Map.entry("GET /persons/{personId}/safe-address/history", "PROFESSIONAL (need to know)"),
            Map.entry("POST /persons/{personId}/safe-address/readers", "PROFESSIONAL (need to know)"),
            Map.entry("POST /cases/{caseId}/restricted-entries/{entryId}/readers", "PROFESSIONAL (need to know)"),
            Map.entry("GET /restricted-notices", "PROFESSIONAL"),
            Map.entry("GET /monitor/export.csv", "COORDINATOR"));

    /**
     * An invited reviewer or director reads the case to give their review or assessment; who reported the
     * family is not part of that (a reporter is protected even from those who may read the case).
     */
    @Test
    void invitedRolesReadTheCaseButNotItsReporters() {
        int reads = 0;
        for (Route route : api.router().routes()) {
            if (!"GET".equals(route.method()) || !route.template().startsWith("/cases/{caseId}")) {
                continue;
            }
            boolean reporter = route.template().startsWith("/cases/{caseId}/reporters");
            assertEquals(!reporter && !route.template().endsWith("/break-glass"),
                    Guard.invitable("GET", route.template()), route.template());
            reads += reporter ? 0 : 1;
        }
        assertTrue(reads > 10, "the case's own reads stay open to them");
        assertFalse(Guard.invitable("GET", "/cases/{caseId}/reporters"));
        assertTrue(Guard.invitable("GET", "/cases/{caseId}/plan"));
    }

    /** Fail closed is for new routes: every route of the table declares a rule that names who may call it. */
    @Test
    void everyRouteHasARuleAndTheGdprRoutesDeclareTheAgreedRoles() {
        Map<String, String> declared = new HashMap<>(REQUIRED_ROLES);
        Set<String> seen = new TreeSet<>();
        for (Route route : api.router().routes()) {
            String operation = route.method() + " " + route.template();
            RoutePolicy policy = route.policy();
            assertTrue(policy.open() == OPEN.contains(operation), operation);
            assertTrue(policy.open() || !policy.roles().isEmpty(), operation + " declares no roles");
            // break-glass and linking a new signal (living: open-case-exists) are for those not on the team
            if (route.template().startsWith("/cases/{caseId}") && !route.template().endsWith("/break-glass")
                    && !operation.equals("POST /cases/{caseId}/signals")) {
                assertEquals(RoutePolicy.Scope.CASE, policy.scope(), operation);
                assertEquals(Set.of(Role.PROFESSIONAL), policy.roles(), operation);
            }
            if (route.template().startsWith("/local-team/") || route.template().startsWith("/bindings")) {
                assertEquals(Set.of(Role.COORDINATOR), policy.roles(), operation);
            }
            String wanted = declared.get(operation);
            if (wanted != null) {
                seen.add(operation);
                Set<Role> roles = new HashSet<>();
                for (String role : wanted.split(",")) {
                    String name = role.replace("(need to know)", "").strip();
                    // the family does not log in yet: their professional reads the view on their behalf
                    roles.add(name.equals("SELF_OR_GUARDIAN") ? Role.PROFESSIONAL : Role.valueOf(name));
                }
                assertEquals(roles, policy.roles(), operation + " declares " + wanted);
                assertEquals(wanted.contains("need to know") || wanted.contains("SELF_OR_GUARDIAN"), policy.scope() == RoutePolicy.Scope.PERSON
                        || policy.scope() == RoutePolicy.Scope.CASE, operation);
            }
        }
        assertEquals(declared.keySet(), seen, "every agreed route is declared");
    }

    @Test
    void theWrongRoleIs403AndLogged() {
        String id = openCase();
        for (String user : List.of("carla.coord", "audrey.audit", "rik.admin")) {
            assertEquals("role", problem(Http.get("/cases/" + id).as(user).on(api), 403).path("reason").asText(), user);
            AccessEvent denied = security.log.last();
            assertEquals(AccessEvent.DENIED, denied.outcome());
            assertEquals(user, denied.userId());
            assertEquals(id, denied.caseId());
        }
        assertEquals("role", problem(Http.get("/bindings").on(api), 403).path("reason").asText());
        assertEquals("role", problem(Http.get("/audit/log").on(api), 403).path("reason").asText());
        assertEquals("role", problem(Http.get("/break-glass").on(api), 403).path("reason").asText());
        assertEquals("role", problem(Http.get("/persons?name=noor").as("carla.coord").on(api), 403).path("reason").asText());
    }

    @Test
    void aProfessionalNotAssignedIs403WithTheWayInAndItIsLogged() {
        String id = openCase();
        String personId = core.cases.get(id).members().get(0).person().id();
        JsonNode refused = problem(Http.get("/cases/" + id).as("fatima.local").on(api), 403);
        assertEquals("not_assigned", refused.path("reason").asText());
        assertTrue(refused.path("detail").asText().contains("/cases/" + id + "/break-glass"), refused.toString());
        AccessEvent denied = security.log.last();
        assertEquals(AccessEvent.DENIED, denied.outcome());
        assertEquals("fatima.local", denied.userId());
        assertEquals("PROFESSIONAL", denied.role());
        assertEquals(id, denied.caseId());

        problem(Http.post("/cases/" + id + "/entries", "{\"kind\":\"FACT\",\"text\":\"t\",\"aboutPersonIds\":[]}")
                .as("fatima.local").on(api), 403);
        assertEquals("not_assigned", problem(Http.get("/persons/" + personId).as("fatima.local").on(api), 403)
                .path("reason").asText());
        // the opener still counts as assigned, and the read is logged as a success
        assertEquals(200, Http.get("/cases/" + id).on(api).status);
        assertEquals(AccessEvent.SUCCESS, security.log.last().outcome());
        assertEquals(AccessAction.READ, security.log.last().action());
        problem(Http.get("/cases/nope").as("fatima.local").on(api), 404);
    }

    @Test
    void aProfessionalOfAnotherMunicipalityIs403() {
        String id = openCase();
        JsonNode refused = problem(Http.get("/cases/" + id).as("nina.nijmegen").on(api), 403);
        assertEquals("other_municipality", refused.path("reason").asText());
        problem(Http.get("/cases/" + id + "/plan").as("nina.nijmegen").on(api), 403);
        assertEquals("OTHER_MUNICIPALITY".toLowerCase(), security.log.last().detail().replaceAll(".*: ", ""));
    }

    @Test
    void breakGlassNeedsAReasonThenOpensTheCaseAndIsLoggedAsSuch() {
        String id = openCase();
        assertEquals("reason", problem(Http.post("/cases/" + id + "/break-glass", "{\"reason\":\" \"}").as("fatima.local")
                .on(api), 400).path("field").asText());
        problem(Http.get("/cases/" + id).as("fatima.local").on(api), 403);
        Http grant = Http.post("/cases/" + id + "/break-glass", "{\"reason\":\"acute zorg, casushouder onbereikbaar\"}")
                .as("fatima.local").on(api);
        assertEquals(201, grant.status, grant.text());
        assertEquals("fatima.local", grant.body().path("userId").asText());
        assertTrue(grant.body().path("reviewedAt").isMissingNode() || grant.body().path("reviewedAt").isNull());

        assertEquals(200, Http.get("/cases/" + id).as("fatima.local").on(api).status);
        AccessEvent event = security.log.last();
        assertEquals(AccessAction.BREAK_GLASS, event.action());
        assertEquals(AccessEvent.SUCCESS, event.outcome());
        assertEquals(id, event.caseId());

        // listed for review, by an auditor or coordinator only
        Http review = Http.get("/break-glass?unreviewed=true").as("audrey.audit").on(api);
        assertEquals(200, review.status, review.text());
        assertEquals(1, review.body().size());
        // a filter the server cannot read is refused, never answered with the whole list
        assertEquals(1, Http.get("/break-glass?unreviewed=TRUE").as("audrey.audit").on(api).body().size());
        assertEquals("unreviewed", problem(Http.get("/break-glass?unreviewed=yes").as("audrey.audit").on(api), 400)
                .path("parameter").asText());
        assertEquals(200, Http.get("/break-glass").as("carla.coord").on(api).status);
        problem(Http.get("/break-glass").as("fatima.local").on(api), 403);
    }

    private String person(String user, String given) {
        Http http = Http.post("/persons", "{\"givenName\":\"%s\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\"}"
                .formatted(given)).as(user).on(api);
        assertEquals(201, http.status, http.text());
        return http.body().path("id").asText();
    }

    @Test
    void aBodyCannotPullInAPersonTheProfessionalMayNotSee() {
        String annas = person("anna.local", "Noor");
        String fatimas = person("fatima.local", "Sem");
        JsonNode kase = problem(Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]},{"personId":"%s","roles":["PARENT"]}]}"""
                .formatted(fatimas, annas)).as("fatima.local").on(api), 403);
        assertEquals("members", kase.path("field").asText());
        assertEquals("not_assigned", kase.path("reason").asText());
        assertTrue(core.cases.views.isEmpty());
        AccessEvent denied = security.log.last();
        assertEquals(AccessEvent.DENIED, denied.outcome());
        assertEquals(List.of(annas), denied.personIds());

        String relation = "{\"fromPersonId\":\"%s\",\"toPersonId\":\"%s\",\"type\":\"PARENT_OF\"}";
        assertEquals("toPersonId", problem(Http.post("/relationships", relation.formatted(fatimas, annas))
                .as("fatima.local").on(api), 403).path("field").asText());
        assertEquals("fromPersonId", problem(Http.post("/relationships", relation.formatted(annas, fatimas))
                .as("fatima.local").on(api), 403).path("field").asText());
        assertEquals(201, Http.post("/relationships", relation.formatted(annas, annas)).on(api).status);
        // reading a household is in its members' access views (it was logged against no person)
        core.family.households.put("h9", new nl.proeftuin.core.api.dto.Household("h9", "Opvangstraat 1", null, "Arnhem",
                List.of(new nl.proeftuin.core.api.dto.Membership(annas, java.time.LocalDate.of(2020, 1, 1), null))));
        security.needToKnow.householdCreators.put("h9", "anna.local");
        assertEquals(200, Http.get("/households/h9").on(api).status);
        assertEquals(List.of(annas), security.log.last().personIds());

        security.needToKnow.householdCreators.put("h1", "fatima.local");
        String member = "{\"personId\":\"%s\",\"since\":\"2020-01-01\"}";
        assertEquals("personId", problem(Http.post("/households/h1/members", member.formatted(annas)).as("fatima.local")
                .on(api), 403).path("field").asText());
        // her own person passes need to know and reaches the service (which keeps no households)
        problem(Http.post("/households/h1/members", member.formatted(fatimas)).as("fatima.local").on(api), 404);
        // an unknown id is the service's to refuse, as before
        problem(Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"nobody","roles":["CHILD"]}]}""").as("fatima.local").on(api), 404);
    }

    @Test
    void listsShowOnlyWhatTheProfessionalMaySee() {
        String annas = openCase();
        String fatimasPerson = person("fatima.local", "Sem");
        Http opened = Http.post("/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"Zorg","receivedOn":"2026-01-03","municipality":"Nijmegen",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(fatimasPerson)).as("fatima.local").on(api);
        assertEquals(201, opened.status, opened.text());
        String fatimas = opened.body().path("id").asText();

        JsonNode anna = Http.get("/cases").on(api).body();
        assertEquals(1, anna.path("total").asInt());
        assertEquals(annas, anna.path("items").get(0).path("id").asText());
        JsonNode fatima = Http.get("/cases?size=1").as("fatima.local").on(api).body();
        assertEquals(1, fatima.path("total").asInt());
        assertEquals(fatimas, fatima.path("items").get(0).path("id").asText());
        assertEquals(0, Http.get("/cases?page=1&size=1").as("fatima.local").on(api).body().path("items").size());
        assertEquals(0, Http.get("/cases").as("nina.nijmegen").on(api).body().path("total").asInt());
        problem(Http.get("/cases").as("carla.coord").on(api), 403);

        assertEquals(1, Http.get("/persons?name=bakker").on(api).body().size());
        assertEquals("Sem", Http.get("/persons?name=bakker").as("fatima.local").on(api).body().get(0).path("givenName").asText());
        assertEquals(0, Http.get("/persons?name=bakker").as("nina.nijmegen").on(api).body().size());
        // a team of her own changes what Nina sees at once
        Http.post("/cases/" + fatimas + "/team", "{\"professionalId\":\"nina.nijmegen\",\"name\":\"Nina\","
                + "\"organisation\":\"W\",\"role\":\"FIXED_PROFESSIONAL\",\"casusregie\":true}").as("fatima.local").on(api);
        assertEquals(1, Http.get("/cases").as("nina.nijmegen").on(api).body().path("total").asInt());
        assertEquals(0, Http.get("/cases").as("fatima.local").on(api).body().path("total").asInt());
    }

    @Test
    void loginGivesATokenThatWorksUntilLogout() {
        Http login = Http.post("/auth/login", "{\"username\":\"fatima.local\",\"password\":\"" + TestSecurity.PASSWORD + "\"}")
                .anonymous().on(api);
        assertEquals(200, login.status, login.text());
        assertEquals("no-store", login.headers.get("Cache-Control"));
        String token = login.body().path("token").asText();
        assertNotEquals("", token);
        assertFalse(login.text().contains(TestSecurity.PASSWORD));
        assertEquals(AccessAction.LOGIN, security.log.last().action());
        assertEquals(AccessEvent.SUCCESS, security.log.last().outcome());

        Http me = Http.get("/auth/me").bearer(token).on(api);
        assertEquals(200, me.status, me.text());
        assertEquals("fatima.local", me.body().path("userId").asText());
        assertEquals("PROFESSIONAL", me.body().path("roles").get(0).asText());

        assertEquals(204, Http.post("/auth/logout", "{}").bearer(token).on(api).status);
        assertEquals(AccessAction.LOGOUT, security.log.last().action());
        problem(Http.get("/auth/me").bearer(token).on(api), 401);
    }

    @Test
    void aFailedLoginIs401WithoutSayingWhyAndIsLogged() {
        Http wrong = Http.post("/auth/login", "{\"username\":\"fatima.local\",\"password\":\"not the password at all\"}")
                .anonymous().on(api);
        Http unknown = Http.post("/auth/login", "{\"username\":\"nobody\",\"password\":\"not the password at all\"}")
                .anonymous().on(api);
        assertEquals(problem(wrong, 401).path("detail"), problem(unknown, 401).path("detail"));
        assertEquals(AccessEvent.FAILURE, security.log.last().outcome());
        assertEquals("nobody", security.log.last().userId());
        assertEquals("password", problem(Http.post("/auth/login", "{\"username\":\"fatima.local\"}").anonymous().on(api), 400)
                .path("field").asText());
    }

    /** Fatima (not on the team) breaks the glass on the case: she reads it, and it is logged as break-glass. */
    private void breakGlass(String caseId) {
        Http grant = Http.post("/cases/" + caseId + "/break-glass", "{\"reason\":\"acute zorg\"}").as("fatima.local")
                .on(api);
        assertEquals(201, grant.status, grant.text());
        assertEquals(200, Http.get("/cases/" + caseId).as("fatima.local").on(api).status);
        assertEquals(AccessAction.BREAK_GLASS, security.log.last().action());
    }

    @Test
    void breakGlassNeverChangesWhoHoldsTheCase() {
        String id = openCase();
        breakGlass(id);
        String self = "{\"professionalId\":\"fatima.local\",\"name\":\"Fatima\",\"organisation\":\"VT\","
                + "\"role\":\"%s\",\"casusregie\":false}";
        for (Http http : List.of(
                Http.post("/cases/" + id + "/team", self.formatted("FIXED_PROFESSIONAL")),
                Http.post("/cases/" + id + "/team", self.formatted("VEILIG_THUIS")),
                Http.post("/cases/" + id + "/team/handovers", "{\"position\":\"CASUSREGIE\",\"to\":"
                        + self.formatted("VEILIG_THUIS") + ",\"note\":\"n\"}"),
                Http.post("/cases/" + id + "/team/a1/end", "{\"reason\":\"r\"}"),
                Http.post("/cases/" + id + "/review-requests", "{\"reviewerId\":\"fatima.local\",\"question\":\"q\"}"),
                Http.post("/cases/" + id + "/municipality", "{\"municipality\":\"Ede\",\"movedOn\":\"2026-01-05\",\"reason\":\"r\"}"),
                Http.post("/cases/" + id + "/close", "{\"reason\":\"r\"}").header("If-Match", "\"1\""))) {
            JsonNode refused = problem(http.as("fatima.local").on(api), 403);
            assertEquals("break_glass", refused.path("reason").asText(), http.target + ": " + refused);
            AccessEvent denied = security.log.last();
            assertEquals(AccessEvent.DENIED, denied.outcome(), http.target);
            assertEquals("fatima.local", denied.userId());
            assertEquals(id, denied.caseId());
            assertTrue(denied.detail().endsWith("break_glass"), denied.detail());
        }
        assertTrue(core.cases.get(id).team().isEmpty(), "she is not on the team");
        assertEquals("OPEN", core.cases.get(id).status().name(), "nor did she close the case");
        // the grant still reads the team, and whoever is on the case still assigns
        assertEquals(200, Http.get("/cases/" + id + "/team").as("fatima.local").on(api).status);
        assertEquals(AccessAction.BREAK_GLASS, security.log.last().action());
        Http assigned = Http.post("/cases/" + id + "/team", self.formatted("FIXED_PROFESSIONAL")).on(api);
        assertEquals(200, assigned.status, assigned.text());
        assertEquals("fatima.local", core.cases.get(id).team().get(0).professionalId());
    }

    @Test
    void aPersonSeenOnlyThroughBreakGlassCannotBeCarriedElsewhere() {
        String id = openCase();
        String member = core.cases.get(id).members().get(0).person().id();
        breakGlass(id);
        assertEquals(200, Http.get("/persons/" + member).as("fatima.local").on(api).status, "seen through the grant");

        JsonNode kase = problem(Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(member)).as("fatima.local").on(api), 403);
        assertEquals("break_glass", kase.path("reason").asText(), kase.toString());
        assertEquals("members", kase.path("field").asText());
        assertEquals(1, core.cases.views.size(), "no case of her own holding the member");
        AccessEvent denied = security.log.last();
        assertEquals(AccessEvent.DENIED, denied.outcome());
        assertEquals("fatima.local", denied.userId());
        assertTrue(denied.personIds().contains(member), denied.toString());

        String fatimas = person("fatima.local", "Sem");
        String relation = "{\"fromPersonId\":\"%s\",\"toPersonId\":\"%s\",\"type\":\"PARENT_OF\"}";
        JsonNode related = problem(Http.post("/relationships", relation.formatted(fatimas, member)).as("fatima.local")
                .on(api), 403);
        assertEquals("break_glass", related.path("reason").asText());
        assertEquals("toPersonId", related.path("field").asText());
        security.needToKnow.householdCreators.put("h1", "fatima.local");
        JsonNode household = problem(Http.post("/households/h1/members", "{\"personId\":\"%s\",\"since\":\"2020-01-01\"}"
                .formatted(member)).as("fatima.local").on(api), 403);
        assertEquals("break_glass", household.path("reason").asText());
        assertEquals(AccessEvent.DENIED, security.log.last().outcome());
        // her own person still goes into a case of hers; the member's own team still may
        Http own = Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"Arnhem",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(fatimas)).as("fatima.local").on(api);
        assertEquals(201, own.status, own.text());
        assertEquals(201, Http.post("/relationships", relation.formatted(member, member)).on(api).status);
    }

    /** A case in Arnhem and one in Ede, each opened by break-glass once (in that order); their ids. */
    private String[] brokenGlassInArnhemAndEde() {
        String arnhem = openCase();
        String person = Http.post("/persons", "{\"givenName\":\"Ida\",\"familyName\":\"Jansen\",\"dateOfBirth\":\"2015-01-01\"}")
                .on(api).body().path("id").asText();
        Http opened = Http.post("/cases", """
                {"kind":"SIGNAL","source":"SCHOOL","description":"Zorg","receivedOn":"2026-01-03","municipality":"Ede",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(person)).on(api);
        assertEquals(201, opened.status, opened.text());
        String ede = opened.body().path("id").asText();
        breakGlass(arnhem);
        breakGlass(ede);
        return new String[] {arnhem, ede};
    }

    @Test
    void aReviewerLimitedToMunicipalitiesListsOnlyTheGrantsOnTheirCases() {
        String[] cases = brokenGlassInArnhemAndEde();
        String arnhem = cases[0];
        String ede = cases[1];

        for (String all : List.of("audrey.audit", "carla.coord")) {
            assertEquals(2, Http.get("/break-glass").as(all).on(api).body().size(), all);
        }
        JsonNode cora = Http.get("/break-glass").as("cora.arnhem").on(api).body();
        assertEquals(1, cora.size(), cora.toString());
        assertEquals(arnhem, cora.get(0).path("caseId").asText());
        JsonNode evert = Http.get("/break-glass?unreviewed=true").as("evert.audit").on(api).body();
        assertEquals(1, evert.size(), evert.toString());
        assertEquals(ede, evert.get(0).path("caseId").asText());
        assertEquals(1, Http.get("/break-glass?limit=1").as("audrey.audit").on(api).body().size());
    }

    /** A reviewer limited to municipalities marks reviewed only the grants they may list: those on their cases. */
    @Test
    void aReviewerLimitedToMunicipalitiesReviewsOnlyTheGrantsOnTheirCases() {
        String[] cases = brokenGlassInArnhemAndEde();
        String arnhem = cases[0];
        String ede = cases[1];
        String onArnhem = grants.get(0).id();
        String onEde = grants.get(1).id();

        for (String[] refusal : List.of(new String[] {"evert.audit", onArnhem}, new String[] {"cora.arnhem", onEde})) {
            JsonNode refused = problem(Http.post("/break-glass/" + refusal[1] + "/review", "{}").as(refusal[0]).on(api), 403);
            assertEquals("other_municipality", refused.path("reason").asText(), refused.toString());
            assertEquals("grantId", refused.path("field").asText());
            AccessEvent denied = security.log.last();
            assertEquals(AccessEvent.DENIED, denied.outcome());
            assertEquals(refusal[0], denied.userId());
            assertEquals(grants.stream().filter(g -> g.id().equals(refusal[1])).findFirst().get().caseId(), denied.caseId());
        }
        assertTrue(grants.stream().allMatch(g -> g.reviewedAt() == null), "nothing marked reviewed: " + grants);

        Http own = Http.post("/break-glass/" + onEde + "/review", "{}").as("evert.audit").on(api);
        assertEquals(200, own.status, own.text());
        assertEquals("evert.audit", own.body().path("reviewedBy").asText());
        assertEquals(200, Http.post("/break-glass/" + onArnhem + "/review", "{}").as("cora.arnhem").on(api).status);
        problem(Http.post("/break-glass/nope/review", "{}").as("evert.audit").on(api), 404);
    }

    /** The monitor export holds per-case rows of the whole region, as the cohort comparison's rows do. */
    @Test
    void theMonitorExportIsForUsersWithAllMunicipalities() {
        JsonNode refused = problem(Http.get("/monitor/export.csv").as("cora.arnhem").on(api), 403);
        assertEquals("other_municipality", refused.path("reason").asText(), refused.toString());
        AccessEvent denied = security.log.last();
        assertEquals(AccessEvent.DENIED, denied.outcome());
        assertEquals("cora.arnhem", denied.userId());
        assertEquals(AccessAction.EXPORT, denied.action());

        Http csv = Http.get("/monitor/export.csv").as("carla.coord").on(api);
        assertEquals(200, csv.status, csv.text());
        assertEquals("text/csv", csv.mediaType());
        assertTrue(csv.text().contains("Ede"));
    }
}
