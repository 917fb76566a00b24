package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A region installs offline: every shipped plugin and region feature installs from the
 * distribution's system/ alone, with no network and no local Maven repository (KarafTestSupport
 * gives the container an empty one and no remote one). Each feature's bundles end up ACTIVE
 * (fragments RESOLVED) and the core stays healthy.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OfflineFeaturesIT extends KarafTestSupport {
    /** Shipped today; the test installs whatever the repository holds, and at least these. */
    private static final List<String> KNOWN = List.of("proeftuin-plugin-example-triage",
            "proeftuin-plugin-triage-threeway", "proeftuin-plugin-triage-veiligheidshuis",
            "proeftuin-plugin-carepath-mdaplusplus", "proeftuin-plugin-localteam-rest",
            "proeftuin-plugin-localteam-file", "proeftuin-plugin-procurement-contracts",
            "proeftuin-plugin-procurement-ijw", "proeftuin-region-centraal-gelderland",
            "proeftuin-region-food-valley");

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return baseOptions().toArray(new Option[0]);
    }

    @Test
    public void everyShippedFeatureInstallsFromSystemAlone() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        File localRepository = assertNoMavenFallback();

        List<String> shipped = new ArrayList<>();
        for (Feature feature : features().listFeatures()) {
            String name = feature.getName();
            if ((name.startsWith("proeftuin-plugin-") || name.startsWith("proeftuin-region-")) && !name.contains("test-faulty")
                    && !shipped.contains(name)) {
                shipped.add(name);
            }
        }
        assertTrue("shipped features " + shipped, shipped.containsAll(KNOWN));

        // one by one, so that the report names every feature that cannot be installed offline
        Map<String, String> failures = new LinkedHashMap<>();
        for (String name : shipped) {
            try {
                installFeature(name);
            } catch (Exception e) {
                failures.put(name, String.valueOf(e.getMessage()));
            }
        }
        assertEquals("features that do not install from system/ alone", Map.of(), failures);

        for (String name : shipped) {
            Feature feature = features().getFeature(name);
            assertTrue(name + " installed", features().isInstalled(feature));
            for (BundleInfo info : feature.getBundles()) {
                Bundle bundle = context.getBundle(info.getLocation());
                assertNotNull(name + ": no bundle at " + info.getLocation(), bundle);
                int expected = bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null ? Bundle.ACTIVE : Bundle.RESOLVED;
                assertEquals(name + ": " + bundle.getSymbolicName() + " state", expected, bundle.getState());
            }
        }
        // nothing came through the container's (empty) local Maven repository
        assertFalse("a Proeftuin artifact in " + localRepository, new File(localRepository, "nl/proeftuin").exists());

        awaitReady(Duration.ofSeconds(90));
        HttpResponse<String> details = getAs(ADMINISTRATOR, "/api/v1/health/details");
        assertEquals(details.body(), 200, details.statusCode());
        JsonNode health = JSON.readTree(details.body());
        assertEquals(details.body(), "UP", health.path("status").asText());
        assertEquals(details.body(), 0, health.path("failures").size());
    }

    /** The container's pax-url-mvn as KarafTestSupport configured it: nowhere to fetch from but system/. */
    private File assertNoMavenFallback() throws Exception {
        Dictionary<String, Object> mvn = configurations.getConfiguration("org.ops4j.pax.url.mvn", null).getProperties();
        assertNotNull("org.ops4j.pax.url.mvn configured", mvn);
        assertEquals("", String.valueOf(mvn.get("org.ops4j.pax.url.mvn.repositories")).trim());
        assertEquals("true", String.valueOf(mvn.get("org.ops4j.pax.url.mvn.offline")));
        assertEquals("false", String.valueOf(mvn.get("org.ops4j.pax.url.mvn.defaultLocalRepoAsRemote")));
        File local = new File(String.valueOf(mvn.get("org.ops4j.pax.url.mvn.localRepository")));
        assertFalse("local repository " + local + " holds Proeftuin artifacts", new File(local, "nl/proeftuin").exists());
        assertFalse(local.getAbsolutePath().contains(".m2"));
        return local;
    }
}
