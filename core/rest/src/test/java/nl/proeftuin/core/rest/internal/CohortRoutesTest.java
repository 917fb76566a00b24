package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.monitor.CaseOutcome;
import nl.proeftuin.core.api.monitor.CohortComparison;
import nl.proeftuin.core.api.monitor.CohortRow;
import nl.proeftuin.core.api.monitor.CohortService;
import nl.proeftuin.core.api.monitor.CohortSpec;
import nl.proeftuin.core.api.monitor.ExperienceInput;
import nl.proeftuin.core.api.monitor.MunicipalityGroup;
import nl.proeftuin.core.api.monitor.MunicipalityGroupInput;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.internal.GdprRights;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.RestTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The comparison's routes (issue 15) over the dispatcher: who may compare, how cohorts are read,
 * the municipality scope, the CSV with the real keyed pseudonyms of the privacy service, and the
 * access log. The comparison itself is a recording stand-in here (its SQL and statistics are tested
 * in core/store and core/engine; CohortsIT runs the whole path in the distribution).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortRoutesTest {
    private Path dir;
    private Database database;
    private ApiDispatcher api;
    private final List<List<CohortSpec>> asked = new ArrayList<>();

    /** Answers every comparison with the cohorts asked, each covering the municipalities it named. */
    private final CohortService recording = new CohortService() {
        @Override
        public CohortComparison compare(List<CohortSpec> cohorts) {
            asked.add(cohorts);
            return new CohortComparison(Instant.now(), "m", MINIMUM, cohorts.stream().map(k -> new CohortComparison.Cohort(
                    k, k.municipalities(), 0, 0, "No data yet", "Nog geen gegevens")).toList(), List.of());
        }

        @Override
        public List<CohortRow> rows(List<CohortSpec> cohorts) {
            return List.of(new CohortRow(cohorts.get(0).label(), "case-42", "Arnhem", LocalDate.of(2026, 1, 2), "VOLUNTARY",
                    "triage-threeway", "abc", 3L, 12, 1, 0, 0, null, "GOALS_REACHED", LocalDate.of(2026, 4, 5), false));
        }

        @Override
        public List<MunicipalityGroup> groups() {
            return List.of();
        }

        @Override
        public MunicipalityGroup putGroup(String actorId, String name, MunicipalityGroupInput input) {
            return new MunicipalityGroup(name, "", input.municipalities(), Instant.now(), actorId);
        }

        @Override
        public void deleteGroup(String name) {
        }

        @Override
        public CaseOutcome outcome(String caseId) {
            return new CaseOutcome(caseId, null, null, null, List.of(), List.of());
        }

        @Override
        public CaseOutcome recordExperience(String actorId, String caseId, ExperienceInput input) {
            return outcome(caseId);
        }
    };

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("rest-cohorts");
        database = RestTestDatabase.h2(dir);
        InMemoryCore core = new InMemoryCore();
        AccessLog log = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(),
                Clock.systemUTC(), "test");
        PrivacyService privacy = new GdprRights(database, new nl.proeftuin.core.store.internal.JdbcPrivacyStore(),
                new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcErasureStore(), core.family, log, Clock.systemUTC(),
                Map.of("case", 20, "person", 20));
        TestSecurity security = TestSecurity.over(core);
        api = new ApiDispatcher(new Json(), r -> Reply.noContent(), () -> core.family, () -> core.cases, () -> core.plans,
                () -> null, () -> null, new Services().with(AccessLog.class, () -> log)
                        .with(PrivacyService.class, () -> privacy).with(CohortService.class, () -> recording)
                        .with(Authenticator.class, () -> security.authenticator));
    }

    @AfterAll
    void stop() {
        RestTestDatabase.close(database);
    }

    private static String q(String... cohorts) {
        StringBuilder out = new StringBuilder();
        for (String c : cohorts) {
            out.append(out.length() == 0 ? "?" : "&").append("cohort=").append(URLEncoder.encode(c, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Test
    void aCoordinatorComparesCohortsReadFromTheQuery() {
        Http ok = Http.request("GET", "/monitor/compare" + q("name=pilot;group=Pilot;quarter=2026-Q1",
                "name=control;municipality=Ede;plugin=triage-veiligheidshuis")).as("carla.coord").on(api);
        assertEquals(200, ok.status, ok.text());
        List<CohortSpec> last = asked.get(asked.size() - 1);
        assertEquals(LocalDate.of(2026, 1, 1), last.get(0).from());
        assertEquals(List.of("Ede"), last.get(1).municipalities());
        assertEquals("Nog geen gegevens", ok.body().path("cohorts").get(1).path("warningNl").asText());
        Http one = Http.request("GET", "/monitor/compare" + q("name=pilot")).as("carla.coord").on(api);
        assertEquals(400, one.status);
        assertEquals("cohort", one.body().path("parameter").asText());
        assertEquals(403, Http.request("GET", "/monitor/compare" + q("name=a", "name=b")).as("anna.local").on(api).status);
    }

    @Test
    void aCoordinatorLimitedToMunicipalitiesComparesOnlyWithinThem() {
        Http region = Http.request("GET", "/monitor/compare" + q("name=a;municipality=Arnhem", "name=b")).as("cora.arnhem")
                .on(api);
        assertEquals(403, region.status, region.text());
        Http own = Http.request("GET", "/monitor/compare" + q("name=a;municipality=Arnhem", "name=b;municipality=Arnhem"))
                .as("cora.arnhem").on(api);
        assertEquals(200, own.status, own.text());
        assertEquals(403, Http.request("GET", "/monitor/compare.csv" + q("name=a;municipality=Arnhem",
                "name=b;municipality=Arnhem")).as("cora.arnhem").on(api).status);
        assertEquals(403, Http.request("PUT", "/monitor/groups/Pilot").json("{\"municipalities\":[\"Arnhem\"]}")
                .as("cora.arnhem").on(api).status);
    }

    @Test
    void theCsvCarriesKeyedPseudonymsAndTheExportIsLogged() {
        Http csv = Http.request("GET", "/monitor/compare.csv" + q("name=pilot", "name=control")).as("carla.coord").on(api);
        assertEquals(200, csv.status, csv.text());
        String[] lines = csv.text().split("\r\n");
        assertTrue(lines[1].startsWith("pilot,"), lines[1]);
        assertTrue(lines[1].split(",")[1].matches("[0-9a-f]{20}"), lines[1]);
        assertFalse(csv.text().contains("case-42"));
        Http log = Http.request("GET", "/audit/log?limit=1000").as("audrey.audit").on(api);
        assertTrue(log.text().contains("cohort-export"), log.text());
        assertTrue(log.text().contains("/monitor/compare"), log.text());
    }
}
