package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.UserAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Users over REST: only a regional administrator granted all municipalities, every change a permission
 * change of the account in the access log, problem+json on bad input, never a password, and an
 * administrator cannot lock themselves out.
 */
class UserRoutesTest {
    private InMemoryCore core;
    private TestSecurity security;
    private ApiDispatcher api;
    /** The accounts; the contract of the real administration is core/security's (tested on H2 and PostgreSQL). */
    private final Map<String, Account> accounts = new TreeMap<>();
    private final Map<String, String> passwords = new TreeMap<>();

    @BeforeEach
    void setUp() {
        core = new InMemoryCore();
        security = TestSecurity.over(core);
        accounts.put("rik.admin", new Account("rik.admin", "Rik Admin", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("*"),
                null, false, Instant.EPOCH));
        accounts.put("anna.local", new Account("anna.local", "Anna de Vries", Set.of(Role.PROFESSIONAL), Set.of("Arnhem"),
                "Wijkteam", false, Instant.EPOCH));
        UserAdministration users = new UserAdministration() {
            private Account known(String id) {
                Account a = accounts.get(id);
                if (a == null) {
                    throw new NotFoundException("user " + id);
                }
                return a;
            }

            private Account with(Account a, Set<Role> roles, Set<String> municipalities, boolean disabled) {
                Account b = new Account(a.userId(), a.name(), roles, municipalities, a.organisation(), disabled, a.createdAt());
                accounts.put(a.userId(), b);
                return b;
            }

            private Set<String> registered(Set<String> m) {
                for (String one : m) {
                    if (!Set.of("*", "Arnhem", "Ede").contains(one)) {
                        throw new InvalidInputException("municipalities", one + " is not a municipality of the region's register");
                    }
                }
                return Set.copyOf(m);
            }

            @Override
            public Account add(NewAccount a, char[] password) {
                if (a.userId() == null || !a.userId().matches("[a-z0-9][a-z0-9._@-]{1,63}")) {
                    throw new InvalidInputException("userId", "must be 2 to 64 of a-z 0-9 . _ @ -");
                }
                if (a.roles() == null || a.roles().isEmpty()) {
                    throw new InvalidInputException("roles", "must name at least one");
                }
                if (password.length < 12) {
                    throw new InvalidInputException("password", "must have at least 12 characters");
                }
                if (accounts.containsKey(a.userId())) {
                    throw new RuleViolationException("user-exists", "A user " + a.userId() + " exists already");
                }
                passwords.put(a.userId(), new String(password));
                Account created = new Account(a.userId(), a.name(), EnumSet.copyOf(a.roles()), registered(a.municipalities()),
                        a.organisation(), false, Instant.EPOCH);
                accounts.put(a.userId(), created);
                return created;
            }

            @Override
            public Account setRoles(String userId, Set<Role> roles) {
                if (roles == null || roles.isEmpty()) {
                    throw new InvalidInputException("roles", "must name at least one");
                }
                Account a = known(userId);
                return with(a, roles, a.municipalities(), a.disabled());
            }

            @Override
            public Account setMunicipalities(String userId, Set<String> municipalities) {
                Account a = known(userId);
                return with(a, a.roles(), registered(municipalities), a.disabled());
            }

            @Override
            public Account setOrganisation(String userId, String organisation) {
                return known(userId);
            }

            @Override
            public Account disable(String userId) {
                Account a = known(userId);
                return with(a, a.roles(), a.municipalities(), true);
            }

            @Override
            public Account enable(String userId) {
                Account a = known(userId);
                return with(a, a.roles(), a.municipalities(), false);
            }

            @Override
            public void changePassword(String userId, char[] password) {
                known(userId);
                if (password.length < 12) {
                    throw new InvalidInputException("password", "must have at least 12 characters");
                }
                passwords.put(userId, new String(password));
            }

            @Override
            public Account account(String userId) {
                return known(userId);
            }

            @Override
            public List<Account> accounts() {
                return List.copyOf(accounts.values());
            }

            @Override
            public boolean hasAccounts() {
                return !accounts.isEmpty();
            }

            @Override
            public List<Account> colleagues(Role role, String text) {
                if (text == null || text.strip().length() < 2) {
                    throw new InvalidInputException("q", "must have 2 to 100 characters");
                }
                return accounts.values().stream().filter(a -> a.roles().contains(role) && !a.disabled()
                        && a.name().toLowerCase().contains(text.toLowerCase())).toList();
            }
        };
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null, security.services().with(UserAdministration.class, () -> users));
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.method + " " + http.target + ": " + http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    private AccessEvent last() {
        return security.log.last();
    }

    @Test
    void theRegionsAdministratorCreatesAUserAndItIsLoggedAsAPermissionChangeWithoutThePassword() {
        Http created = Http.post("/users", """
                {"userId":"fatima.local","name":"Fatima El Amrani","roles":["PROFESSIONAL","COORDINATOR"],
                 "municipalities":["Ede"],"organisation":"Wijkteam Ede","password":"een-lange-zin-voor-fatima"}""")
                .as("rik.admin").on(api);
        assertEquals(201, created.status, created.text());
        assertTrue(created.headers.get("Location").endsWith("/users/fatima.local"), created.headers.toString());
        assertEquals("een-lange-zin-voor-fatima", passwords.get("fatima.local"));
        assertFalse(created.text().contains("een-lange-zin") || created.text().toLowerCase().contains("password")
                || created.text().contains("pbkdf2"), created.text());
        assertEquals(AccessAction.PERMISSION_CHANGE, last().action());
        assertEquals(AccessEvent.SUCCESS, last().outcome());
        assertEquals("fatima.local", last().objectId());
        assertFalse(String.valueOf(last().detail()).contains("een-lange-zin"), last().detail());

        Http list = Http.get("/users").as("rik.admin").on(api);
        assertEquals(200, list.status, list.text());
        assertEquals(3, list.body().size());
        assertFalse(list.text().toLowerCase().contains("password") || list.text().contains("pbkdf2"), list.text());
        assertEquals(AccessAction.READ, last().action());
        assertEquals(200, Http.get("/users/anna.local").as("rik.admin").on(api).status);
    }

    @Test
    void rolesMunicipalitiesDisableAndEnableAreLoggedPerAccount() {
        Http roles = Http.request("PUT", "/users/anna.local/roles").json("{\"roles\":[\"COORDINATOR\"]}").as("rik.admin").on(api);
        assertEquals(200, roles.status, roles.text());
        assertEquals("COORDINATOR", roles.body().path("roles").get(0).asText());
        assertEquals(AccessAction.PERMISSION_CHANGE, last().action());
        assertEquals("account", last().objectType());
        assertEquals("anna.local", last().objectId());
        assertTrue(last().detail().contains("roles=[COORDINATOR]") && last().detail().endsWith("-> 200"), last().detail());

        Http scope = Http.request("PUT", "/users/anna.local/municipalities").json("{\"municipalities\":[\"Ede\",\"Arnhem\"]}")
                .as("rik.admin").on(api);
        assertEquals(200, scope.status, scope.text());
        assertEquals(2, scope.body().path("municipalities").size());

        Http disabled = Http.request("PUT", "/users/anna.local/disabled").json("{\"disabled\":true}").as("rik.admin").on(api);
        assertEquals(200, disabled.status, disabled.text());
        assertTrue(disabled.body().path("disabled").asBoolean());
        assertEquals(AccessAction.PERMISSION_CHANGE, last().action());
        assertTrue(last().detail().contains("disabled=true"), last().detail());
        Http enabled = Http.request("PUT", "/users/anna.local/disabled").json("{\"disabled\":false}").as("rik.admin").on(api);
        assertFalse(enabled.body().path("disabled").asBoolean());
        assertEquals("anna.local", last().objectId());
    }

    /** Issue 18: professionals pick a colleague by name; they learn who, never roles, scope or state. */
    @Test
    void aProfessionalPicksAColleagueAndLearnsOnlyWhoTheyAre() {
        Http found = Http.get("/colleagues?q=vries").as("anna.local").on(api);
        assertEquals(200, found.status, found.text());
        assertEquals(1, found.body().size());
        JsonNode anna = found.body().get(0);
        assertEquals("anna.local", anna.path("userId").asText());
        assertEquals("Anna de Vries", anna.path("name").asText());
        assertEquals("Wijkteam", anna.path("organisation").asText());
        assertFalse(found.text().contains("municipalities") || found.text().contains("roles")
                || found.text().contains("disabled"), found.text());
        assertEquals(200, Http.get("/colleagues?q=vries&role=INDEPENDENT_REVIEWER").as("carla.coord").on(api).status);
        // the administrators, auditors and others are not for picking; a too short text is refused
        assertEquals("role", problem(Http.get("/colleagues?q=rik&role=REGIONAL_ADMINISTRATOR").as("anna.local").on(api),
                400).path("parameter").asText());
        problem(Http.get("/colleagues?q=a").as("anna.local").on(api), 400);
        problem(Http.get("/colleagues?q=vries").as("audrey.audit").on(api), 403);
        problem(Http.get("/colleagues?q=vries").as("rik.admin").on(api), 403);
        problem(Http.get("/colleagues?q=vries").anonymous().on(api), 401);
    }

    @Test
    void onlyTheAdministratorOfTheWholeRegionManagesUsers() {
        for (String as : List.of("anna.local", "carla.coord", "audrey.audit")) {
            problem(Http.get("/users").as(as).on(api), 403);
            problem(Http.request("PUT", "/users/anna.local/disabled").json("{\"disabled\":true}").as(as).on(api), 403);
        }
        problem(Http.get("/users").anonymous().on(api), 401);
        // an administrator of Ede only must not create a region-wide one
        JsonNode ede = problem(Http.post("/users", """
                {"userId":"evil.admin","name":"Evil","roles":["REGIONAL_ADMINISTRATOR"],"municipalities":["*"],
                 "password":"een-lange-zin-voor-evil"}""").as("edda.admin").on(api), 403);
        assertEquals("other_municipality", ede.path("reason").asText());
        assertEquals(AccessEvent.DENIED, last().outcome());
        assertFalse(accounts.containsKey("evil.admin"));
        assertFalse(accounts.get("anna.local").disabled());
    }

    @Test
    void badInputIsAClearProblem() {
        JsonNode weak = problem(Http.post("/users", """
                {"userId":"jan.local","name":"Jan","roles":["PROFESSIONAL"],"password":"kort"}""").as("rik.admin").on(api), 400);
        assertTrue(weak.toString().contains("password"), weak.toString());
        assertEquals(AccessEvent.FAILURE, last().outcome());
        problem(Http.post("/users", """
                {"userId":"jan.local","name":"Jan","roles":["PROFESSIONAL"]}""").as("rik.admin").on(api), 400);
        problem(Http.post("/users", """
                {"userId":"jan.local","name":"Jan","roles":["KING"],"password":"een-lange-zin-voor-jan"}""").as("rik.admin").on(api), 400);
        problem(Http.post("/users", """
                {"userId":"Jan Local","name":"Jan","roles":["PROFESSIONAL"],"password":"een-lange-zin-voor-jan"}""").as("rik.admin").on(api), 400);
        problem(Http.post("/users", """
                {"userId":"jan.local","name":"Jan","roles":["PROFESSIONAL"],"password":"een-lange-zin-voor-jan","hash":"x"}""")
                .as("rik.admin").on(api), 400);
        JsonNode exists = problem(Http.post("/users", """
                {"userId":"anna.local","name":"Anna","roles":["PROFESSIONAL"],"password":"een-lange-zin-voor-anna"}""")
                .as("rik.admin").on(api), 409);
        assertEquals("user-exists", exists.path("rule").asText());
        problem(Http.request("PUT", "/users/nobody/roles").json("{\"roles\":[\"AUDITOR\"]}").as("rik.admin").on(api), 404);
        problem(Http.request("PUT", "/users/nobody/disabled").json("{\"disabled\":false}").as("rik.admin").on(api), 404);
        assertEquals("userId", problem(Http.request("PUT", "/users/-nobody/disabled").json("{\"disabled\":true}").as("rik.admin").on(api), 400)
                .path("parameter").asText());
        problem(Http.request("PUT", "/users/anna.local/roles").json("{\"roles\":[]}").as("rik.admin").on(api), 400);
        problem(Http.request("PUT", "/users/anna.local/disabled").json("{}").as("rik.admin").on(api), 400);
        problem(Http.request("PUT", "/users/anna.local/municipalities").json("{\"municipalities\":[\"Atlantis\"]}")
                .as("rik.admin").on(api), 400);
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        for (Http own : List.of(Http.request("PUT", "/users/rik.admin/disabled").json("{\"disabled\":true}"),
                Http.request("PUT", "/users/rik.admin/roles").json("{\"roles\":[\"AUDITOR\"]}"),
                Http.request("PUT", "/users/rik.admin/municipalities").json("{\"municipalities\":[\"Ede\"]}"))) {
            JsonNode refused = problem(own.as("rik.admin").on(api), 409);
            assertEquals("own-account", refused.path("rule").asText());
        }
        Account rik = accounts.get("rik.admin");
        assertFalse(rik.disabled());
        assertEquals(Set.of(Role.REGIONAL_ADMINISTRATOR), rik.roles());
        assertEquals(Set.of("*"), rik.municipalities());
        // keeping what matters is fine
        assertEquals(200, Http.request("PUT", "/users/rik.admin/roles").json("{\"roles\":[\"REGIONAL_ADMINISTRATOR\",\"AUDITOR\"]}")
                .as("rik.admin").on(api).status);
    }

    @Test
    void theAdministratorSetsANewPasswordForAnotherUserNeverTheirOwnAndItIsLoggedWithoutIt() {
        Http reset = Http.request("PUT", "/users/anna.local/password").json("{\"password\":\"een-nieuwe-zin-voor-anna\"}")
                .as("rik.admin").on(api);
        assertEquals(200, reset.status, reset.text());
        assertEquals("anna.local", reset.body().path("userId").asText());
        assertEquals("een-nieuwe-zin-voor-anna", passwords.get("anna.local"));
        assertFalse(reset.text().contains("een-nieuwe-zin") || reset.text().toLowerCase().contains("password"), reset.text());
        assertEquals(AccessAction.PERMISSION_CHANGE, last().action());
        assertEquals(AccessEvent.SUCCESS, last().outcome());
        assertEquals("anna.local", last().objectId());
        assertTrue(last().detail().contains("password=reset"), last().detail());
        assertFalse(last().detail().contains("een-nieuwe-zin"), last().detail());

        // the policy's refusal is a field error; nothing changes
        JsonNode weak = problem(Http.request("PUT", "/users/anna.local/password").json("{\"password\":\"kort\"}")
                .as("rik.admin").on(api), 400);
        assertEquals("password", weak.path("field").asText());
        assertEquals(AccessEvent.FAILURE, last().outcome());
        assertFalse(last().detail().contains("kort"), last().detail());
        assertEquals("password", problem(Http.request("PUT", "/users/anna.local/password").json("{}").as("rik.admin").on(api), 400)
                .path("field").asText());
        assertEquals("password", problem(Http.request("PUT", "/users/anna.local/password")
                .json("{\"password\":\"" + "x".repeat(UserResource.MAX_PASSWORD + 1) + "\"}").as("rik.admin").on(api), 400)
                .path("field").asText());
        problem(Http.request("PUT", "/users/anna.local/password").json("{\"password\":\"een-nieuwe-zin\",\"hash\":\"x\"}")
                .as("rik.admin").on(api), 400);
        problem(Http.request("PUT", "/users/nobody/password").json("{\"password\":\"een-nieuwe-zin-voor-niemand\"}")
                .as("rik.admin").on(api), 404);
        assertEquals("een-nieuwe-zin-voor-anna", passwords.get("anna.local"));

        // not one's own, and only the whole region's administrator
        JsonNode own = problem(Http.request("PUT", "/users/rik.admin/password").json("{\"password\":\"een-nieuwe-zin-voor-rik\"}")
                .as("rik.admin").on(api), 409);
        assertEquals("own-account", own.path("rule").asText());
        assertFalse(passwords.containsKey("rik.admin"));
        for (String as : List.of("anna.local", "carla.coord", "audrey.audit", "edda.admin")) {
            problem(Http.request("PUT", "/users/anna.local/password").json("{\"password\":\"een-zin-van-een-ander\"}")
                    .as(as).on(api), 403);
        }
        problem(Http.request("PUT", "/users/anna.local/password").json("{\"password\":\"een-zin-van-een-ander\"}").anonymous().on(api), 401);
        assertEquals("een-nieuwe-zin-voor-anna", passwords.get("anna.local"));
    }
}
