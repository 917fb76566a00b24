package nl.proeftuin.plugins.importcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The import check on the real plugin bundles. Plugins are discovered on disk: every folder of
 * {@code plugins/} with a {@code pom.xml}, except this one. So a new plugin is checked without anyone
 * remembering to list it here; if it is not built before this module, the check fails and says what
 * to add.
 */
class PluginBundlesTest {

    private static final String SELF = "import-check";
    /**
     * Folders under plugins/ that are not plugins: the test kit (plugins/testkit) is test support that
     * imports the core's runtime SPI and exports its helper on purpose; it is never deployed.
     */
    private static final Set<String> NOT_PLUGINS = Set.of("testkit");

    private static Path pluginsDir;
    private static String version;
    private static List<Path> pluginModules;

    @BeforeAll
    static void discover() throws IOException {
        pluginsDir = Paths.get(System.getProperty("proeftuin.plugins.dir", "..")).toAbsolutePath().normalize();
        version = System.getProperty("proeftuin.version", "0.4.0");
        try (Stream<Path> dirs = Files.list(pluginsDir)) {
            pluginModules = dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> !d.getFileName().toString().equals(SELF))
                    .filter(d -> !NOT_PLUGINS.contains(d.getFileName().toString())).sorted().toList();
        }
    }

    @Test
    void pluginsAreFound() {
        // guards the check itself: finding nothing would make every other test here pass vacuously
        assertTrue(pluginModules.size() >= 3, "expected the plugin modules under " + pluginsDir + ", found " + pluginModules);
    }

    @Test
    void everyPluginIsAModuleOfTheReactor() throws IOException {
        String aggregator = Files.readString(pluginsDir.resolve("pom.xml"));
        List<String> missing = pluginModules.stream().map(d -> d.getFileName().toString())
                .filter(m -> !aggregator.contains("<module>" + m + "</module>")).toList();
        assertEquals(List.of(), missing, "plugin folders not listed in plugins/pom.xml <modules> (never built)");
    }

    @Test
    void everyPluginIsListedBeforeThisCheck() throws IOException {
        // No dependency on the plugins orders the reactor (that was a line per plugin in this pom): the
        // reactor builds modules that do not depend on each other in the order plugins/pom.xml lists them.
        String aggregator = Files.readString(pluginsDir.resolve("pom.xml"));
        int self = aggregator.indexOf("<module>" + SELF + "</module>");
        assertTrue(self >= 0, SELF + " is not a module of plugins/pom.xml");
        List<String> after = pluginModules.stream().map(d -> d.getFileName().toString())
                .filter(m -> aggregator.indexOf("<module>" + m + "</module>") > self).toList();
        assertEquals(List.of(), after, "list these modules before <module>" + SELF + "</module> in plugins/pom.xml,"
                + " so that the reactor packages them before the import check runs");
    }

    @TestFactory
    Stream<DynamicTest> everyPluginImportsOnlyTheCoreApiAndSpi() {
        return pluginModules.stream().map(module -> DynamicTest.dynamicTest(module.getFileName().toString(), () -> {
            Path jar = module.resolve("target").resolve(artifactId(module) + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                fail(jar + " is missing: build the plugins with 'mvn verify' (or install) from the root or plugins/");
            }
            List<String> problems = PluginManifestRules.check(jar);
            assertTrue(problems.isEmpty(), () -> problems.stream().collect(Collectors.joining("\n  ", "\n  ", "")));
        }));
    }

    @Test
    void theTestOnlyPluginIsCheckedToo() {
        assertTrue(pluginModules.stream().anyMatch(d -> d.getFileName().toString().equals("test-faulty-triage")),
                "test-only bundles are installed in tests, so they keep the rules too");
    }

    /** The module's own artifactId: the first one after its parent block. */
    static String artifactId(Path module) throws IOException {
        String pom = Files.readString(module.resolve("pom.xml"));
        int afterParent = pom.indexOf("</parent>");
        Matcher m = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>").matcher(pom);
        if (!m.find(Math.max(afterParent, 0))) {
            throw new IOException("no artifactId in " + module.resolve("pom.xml"));
        }
        return m.group(1);
    }
}
