package nl.proeftuin.plugins.importcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a new plugin needs outside its folder, measured on the real tree: a shipped plugin is named by
 * exactly two build files outside its folder, {@code plugins/pom.xml} (its module line) and
 * {@code features/src/main/feature/feature.xml} (its feature); the distribution ships every plugin
 * feature by pattern. A test-only plugin (property {@code proeftuin.testOnly} in its pom) has no feature.
 */
class OnboardingTest {

    /** The build files outside a plugin's folder that a shipped plugin needs, and no other. */
    static final Set<String> ONBOARDING_FILES = Set.of("plugins/pom.xml", "features/src/main/feature/feature.xml");

    private static final String FEATURES = "features/src/main/feature/feature.xml";
    private static final Set<String> NOT_PLUGINS = Set.of("import-check", "testkit");

    private static Path root;
    private static Map<String, String> shipped;
    private static List<Path> buildFiles;

    @BeforeAll
    static void discover() throws IOException {
        root = Paths.get(System.getProperty("proeftuin.root.dir", "../..")).toAbsolutePath().normalize();
        Path plugins = root.resolve("plugins");
        shipped = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(plugins)) {
            for (Path d : dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList()) {
                String folder = d.getFileName().toString();
                String pom = Files.readString(d.resolve("pom.xml"));
                if (!NOT_PLUGINS.contains(folder) && !pom.contains("<proeftuin.testOnly>true</proeftuin.testOnly>")) {
                    shipped.put(folder, PluginBundlesTest.artifactId(d));
                }
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            buildFiles = files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(root.relativize(f).toString().split("[/\\\\]"))
                            .noneMatch(part -> part.equals("target") || part.startsWith(".") || part.equals("node_modules")))
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return n.equals("pom.xml") || n.endsWith(".bndrun") || n.endsWith(".bnd")
                                || n.equals("feature.xml") || n.endsWith(".cfg");
                    }).sorted().toList();
        }
    }

    @Test
    void theShippedPluginsAreFound() {
        assertTrue(shipped.size() >= 8, "expected the shipped plugins under " + root.resolve("plugins") + ": " + shipped);
        assertTrue(shipped.containsKey("example-triage"), shipped::toString);
    }

    @Test
    void aShippedPluginIsNamedByTwoBuildFilesOutsideItsFolder() throws IOException {
        Map<String, Set<String>> touched = new TreeMap<>();
        for (Map.Entry<String, String> plugin : shipped.entrySet()) {
            Path folder = root.resolve("plugins").resolve(plugin.getKey());
            Set<String> files = new TreeSet<>();
            for (Path f : buildFiles) {
                if (f.startsWith(folder)) {
                    continue;
                }
                String text = Files.readString(f);
                if (text.contains(plugin.getValue() + "<") || text.contains(plugin.getValue() + "/")
                        || text.contains("<module>" + plugin.getKey() + "</module>")) {
                    files.add(root.relativize(f).toString().replace('\\', '/'));
                }
            }
            touched.put(plugin.getKey(), files);
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        shipped.keySet().forEach(k -> expected.put(k, ONBOARDING_FILES));
        assertEquals(expected, touched, "a plugin needs only its module line and its feature outside its folder");
    }

    @Test
    void everyShippedPluginHasItsFeatureWithItsBundleOnly() throws IOException {
        String features = Files.readString(root.resolve(FEATURES));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> plugin : shipped.entrySet()) {
            String name = "<feature name=\"proeftuin-plugin-" + plugin.getKey() + "\"";
            int start = features.indexOf(name);
            if (start < 0) {
                problems.add(plugin.getKey() + ": no feature proeftuin-plugin-" + plugin.getKey() + " in " + FEATURES);
                continue;
            }
            // up to the next top-level feature (a nested <feature> reference has no name attribute)
            int next = features.indexOf("\n  <feature name=", start + 1);
            String feature = features.substring(start, next < 0 ? features.length() : next);
            if (!feature.contains("<bundle>mvn:nl.proeftuin/" + plugin.getValue() + "/${project.version}</bundle>")) {
                problems.add(plugin.getKey() + ": its feature does not install mvn:nl.proeftuin/" + plugin.getValue());
            }
            long bundles = feature.lines().filter(l -> l.strip().startsWith("<bundle")).count();
            if (bundles != 1) {
                problems.add(plugin.getKey() + ": its feature has " + bundles + " bundles; only the plugin (no library"
                        + " the core wires: that refreshes core bundles)");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDistributionShipsEveryPluginAndRegionFeatureByPattern() throws IOException {
        String distribution = Files.readString(root.resolve("distribution/pom.xml"));
        assertTrue(distribution.contains("<feature>proeftuin-plugin-*</feature>"), "distribution/pom.xml ships plugins by pattern");
        assertTrue(distribution.contains("<feature>proeftuin-region-*</feature>"), "distribution/pom.xml ships regions by pattern");
        for (String artifactId : shipped.values()) {
            assertTrue(!distribution.contains(artifactId), "no plugin line in distribution/pom.xml: " + artifactId);
        }
    }

    @Test
    void aTestOnlyPluginHasNoFeature() throws IOException {
        String features = Files.readString(root.resolve(FEATURES));
        Path test = root.resolve("plugins/test-faulty-triage");
        assertTrue(Files.readString(test.resolve("pom.xml")).contains("<proeftuin.testOnly>true</proeftuin.testOnly>"));
        assertTrue(!features.contains(PluginBundlesTest.artifactId(test)), "test-faulty is in no feature");
        assertTrue(!shipped.containsKey("test-faulty-triage"));
    }
}
