package nl.proeftuin.plugins.importcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checker itself, on crafted manifests: a check that cannot fail would prove nothing. */
class PluginManifestRulesTest {

    /** What bnd writes for a well-behaved plugin, version ranges with their quoted commas included. */
    private static final String GOOD_IMPORTS = "nl.proeftuin.core.api.dto;version=\"[1.0,2)\","
            + "nl.proeftuin.core.spi;version=\"[1.0,2)\",nl.proeftuin.core.api;version=\"[1.0,1.1)\","
            + "org.osgi.framework;version=\"[1.10,2)\"";

    @Test
    void aPluginThatImportsOnlyTheApiAndSpiPasses() {
        assertEquals(List.of(), PluginManifestRules.check("good", manifest("Import-Package", GOOD_IMPORTS)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nl.proeftuin.core.engine.internal;version=\"[1.0,2)\"              | imports nl.proeftuin.core.engine.internal (a core internal package)",
        "nl.proeftuin.core.store;version=\"[1.0,2)\"                        | imports nl.proeftuin.core.store;",
        "nl.proeftuin.core.api.plugins;version=\"[1.0,2)\"                  | imports nl.proeftuin.core.api.plugins;",
        "nl.proeftuin.core.api.triage;version=\"[1.0,2)\"                   | imports nl.proeftuin.core.api.triage;",
        "nl.proeftuin.core.api.health                                       | imports nl.proeftuin.core.api.health;",
        "nl.proeftuin.plugins.triage.threeway.internal                      | imports nl.proeftuin.plugins.triage.threeway.internal",
        "nl.proeftuin.core.spi;nl.proeftuin.core.rest.internal;version=1.0  | imports nl.proeftuin.core.rest.internal",
    })
    void aForbiddenImportFails(String extraImport, String expected) {
        List<String> problems = PluginManifestRules.check("bad",
                manifest("Import-Package", GOOD_IMPORTS + "," + extraImport));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expected), problems.get(0));
    }

    @Test
    void anExportFails() {
        List<String> problems = PluginManifestRules.check("exporting", manifest("Import-Package", GOOD_IMPORTS,
                "Export-Package", "nl.proeftuin.plugins.x;version=\"1.0.0\""));

        assertEquals(List.of("exporting: exports [nl.proeftuin.plugins.x]; a plugin exports nothing"
                + " (keep code in .internal packages)"), problems);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DynamicImport-Package | *                         | DynamicImport-Package *",
        "DynamicImport-Package | nl.proeftuin.core.*       | DynamicImport-Package nl.proeftuin.core.*",
        "DynamicImport-Package | nl.*                      | DynamicImport-Package nl.*",
        "Require-Bundle        | nl.proeftuin.core.engine  | Require-Bundle nl.proeftuin.core.engine",
        "Fragment-Host         | nl.proeftuin.core.engine  | is a fragment of nl.proeftuin.core.engine",
    })
    void otherWaysIntoTheCoreFail(String header, String value, String expected) {
        List<String> problems = PluginManifestRules.check("sneaky", manifest("Import-Package", GOOD_IMPORTS, header, value));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expected), problems.get(0));
    }

    @Test
    void aDynamicImportOfSomethingElseIsAllowed() {
        assertEquals(List.of(), PluginManifestRules.check("ok",
                manifest("Import-Package", GOOD_IMPORTS, "DynamicImport-Package", "org.slf4j.*")));
    }

    @Test
    void aJarWithABadManifestFailsTheSameWayAsTheRealCheck(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("nl.proeftuin.plugins.bad-0.1.0-SNAPSHOT.jar");
        Manifest m = manifest("Import-Package", GOOD_IMPORTS + ",nl.proeftuin.core.engine.internal");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, m)) {
            jarOut.flush();
        }

        List<String> problems = PluginManifestRules.check(jar);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("nl.proeftuin.plugins.bad-0.1.0-SNAPSHOT.jar: imports "
                + "nl.proeftuin.core.engine.internal (a core internal package)"), problems.get(0));
    }

    @Test
    void aJarWithoutABundleManifestFails(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("plain.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, m)) {
            jarOut.flush();
        }

        assertEquals(List.of("plain.jar: no Bundle-SymbolicName, so not an OSGi bundle"), PluginManifestRules.check(jar));
    }

    private static Manifest manifest(String... headers) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-SymbolicName", "nl.proeftuin.plugins.crafted");
        for (int i = 0; i < headers.length; i += 2) {
            a.putValue(headers[i], headers[i + 1]);
        }
        return m;
    }
}
