package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The region variants of issue 5 in the real distribution: a region feature installs its plugins and
 * binds them by default; each plugin is bound, used through the core's REST API, swapped out (its
 * bundle stopped), and the core still serves with the extension point's fallback; started again,
 * the plugin serves again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegionPluginsIT extends KarafTestSupport {
    private static final String CENTRAAL_GELDERLAND = "proeftuin-region-centraal-gelderland";
    private static final String MDA = "nl.proeftuin.plugins.carepath.mdaplusplus";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    @Test
    public void centraalGelderlandTriagesAndRunsMdaPlusPlusAndSurvivesItsRemoval() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        installFeature(CENTRAAL_GELDERLAND);
        awaitBinding("CARE_PATH", "carepath-mdaplusplus", null);
        awaitBinding("TRIAGE", "triage-threeway", null);
        awaitBinding("TRIAGE", "triage-veiligheidshuis", "Arnhem");

        // Renkum follows the region: three-way triage, then MDA++ with its order of steps
        String renkum = openCase("Renkum");
        JsonNode triage = post("/api/v1/cases/" + renkum + "/triage", SEVERE_FACTS, 201);
        assertEquals(triage.toString(), "triage-threeway", triage.path("provenance").path("pluginId").asText());
        assertEquals(triage.toString(), "MEERVOUDIG_COMPLEX", triage.path("decision").path("classification").asText());
        JsonNode path = JSON.readTree(get("/api/v1/cases/" + renkum + "/care-path").body());
        assertFalse(path.toString(), path.path("fallback").asBoolean());
        assertEquals(path.toString(), "carepath-mdaplusplus", path.path("provenance").path("pluginId").asText());
        assertTrue(path.toString(), path.path("advice").path("eligible").asBoolean());
        // every reason also as a part with a key (issue 18: the UI shows it through rationale.<key>)
        JsonNode parts = path.path("advice").path("reasonParts");
        assertEquals(path.toString(), path.path("advice").path("reasons").size(), parts.size());
        assertTrue(path.toString(), parts.toString().contains("\"key\":\"carepath-mdaplusplus.eligible\""));
        assertEquals("MDA++", path.path("definition").path("name").asText());
        // slow down: no intervention before the analysis
        JsonNode early = assertProblem(send("POST", "/api/v1/cases/" + renkum + "/care-path/steps",
                "{\"step\":\"risk-interventions\",\"note\":\"Direct beginnen\"}", "application/json"), 409);
        assertEquals("step-order", early.path("rule").asText());
        assertTrue(early.toString(), early.path("detail").asText().contains("analysis"));
        post("/api/v1/cases/" + renkum + "/care-path/steps",
                "{\"step\":\"safety-assessment\",\"note\":\"Veiligheidstaxatie met het gezin gedaan\"}", 201);
        post("/api/v1/cases/" + renkum + "/care-path/incidents",
                "{\"occurredOn\":\"" + LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")) + "\",\"description\":\"Nieuwe melding van de politie\"}", 201);

        // Arnhem: the joint Veiligheidshuis triage waits for both directors
        String arnhem = openCase("Arnhem");
        JsonNode pending = post("/api/v1/cases/" + arnhem + "/triage", SEVERE_FACTS, 201);
        assertEquals(pending.toString(), "triage-veiligheidshuis", pending.path("provenance").path("pluginId").asText());
        assertTrue(pending.toString(), pending.path("decision").path("pending").asBoolean());

        // swapped out: the MDA++ bundle stops; the core still serves, with the fallback and an alert
        Bundle mda = bundle(MDA);
        mda.stop();
        try {
            JsonNode without = JSON.readTree(get("/api/v1/cases/" + renkum + "/care-path").body());
            assertTrue(without.toString(), without.path("fallback").asBoolean());
            assertEquals("core-fallback", without.path("provenance").path("pluginId").asText());
            assertEquals(1, without.path("steps").size()); // what was recorded stays
            JsonNode refused = assertProblem(send("POST", "/api/v1/cases/" + renkum + "/care-path/steps",
                    "{\"step\":\"safety-plan\",\"note\":\"Plan\"}", "application/json"), 409);
            assertEquals("no-care-path", refused.path("rule").asText());
            assertTrue(getAs(COORDINATOR, "/api/v1/alerts?limit=20").body().contains("CARE_PATH"));
            // and the rest of the platform is untouched
            assertEquals(200, get("/api/v1/cases/" + renkum).statusCode());
            assertEquals(201, send("POST", "/api/v1/cases/" + renkum + "/triage", SEVERE_FACTS, "application/json").statusCode());
        } finally {
            mda.start();
        }
        awaitCarePath(renkum);
        post("/api/v1/cases/" + renkum + "/care-path/steps", "{\"step\":\"safety-plan\",\"note\":\"Veiligheidsplan\"}", 201);
    }

    private static final String SEVERE_FACTS = """
            {"problemDomains":["SAFETY","PARENTING","HOUSING","INCOME_AND_DEBT","HEALTH"],"safetyConcern":"SERIOUS",
             "repeatedViolence":true,"earlierHelpWithoutResult":true,"parentalProblems":["ADDICTION"]}""";

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    static String openCase(String municipality) throws Exception {
        String child = person("Noor", "Jansen", "2014-06-01");
        String mother = person("Sanne", "Jansen", "1988-03-12");
        return post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Politie meldt herhaald huiselijk geweld.","receivedOn":"%s",
                 "municipality":"%s","members":[{"personId":"%s","roles":["CHILD"]},{"personId":"%s","roles":["PARENT","VICTIM"]}]}"""
                .formatted(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), municipality, child, mother), 201).path("id").asText();
    }

    /** Waits until the feature's default binding exists (the engine creates it from the feature's configuration). */
    static void awaitBinding(String point, String pluginId, String municipality) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = getAs(COORDINATOR, "/api/v1/bindings").body();
            for (JsonNode b : JSON.readTree(last)) {
                if (b.path("point").asText().equals(point) && b.path("pluginId").asText().equals(pluginId)
                        && (municipality == null ? b.path("municipality").isNull() || b.path("municipality").isMissingNode()
                                : municipality.equals(b.path("municipality").asText()))) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no binding " + point + " " + pluginId + " " + municipality + ": " + last);
    }

    private static void awaitCarePath(String caseId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get("/api/v1/cases/" + caseId + "/care-path");
            if (!JSON.readTree(last.body()).path("fallback").asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the care path never came back: " + (last == null ? "" : last.body()));
    }

}
