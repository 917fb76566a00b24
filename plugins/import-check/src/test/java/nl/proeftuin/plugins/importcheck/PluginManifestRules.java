package nl.proeftuin.plugins.importcheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The rules a plugin bundle's manifest must keep: from the core it may import only the API and the
 * SPI ({@code nl.proeftuin.core.spi} package documentation, "What a plugin must not do"), and it
 * offers nothing to others.
 *
 * <p>The allow-list also keeps out what the core exports for its own REST layer, web UI and shell
 * ({@code nl.proeftuin.core.api.health} and the runtime packages {@code nl.proeftuin.core.api.plugins},
 * {@code .triage}, {@code .care}, {@code .monitor}, {@code .localteam}, {@code .region}) without naming them.
 */
final class PluginManifestRules {

    /** The only {@code nl.proeftuin.*} packages a plugin may import. */
    static final Set<String> ALLOWED = Set.of("nl.proeftuin.core.api", "nl.proeftuin.core.api.dto",
            "nl.proeftuin.core.spi");

    private static final String PROJECT = "nl.proeftuin.";

    private PluginManifestRules() {
    }

    /**
     * @param jar a plugin bundle
     * @return what is wrong with its manifest; empty when it keeps the rules
     */
    static List<String> check(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return List.of(jar.getFileName() + ": no META-INF/MANIFEST.MF, so not an OSGi bundle");
            }
            return check(jar.getFileName().toString(), manifest);
        }
    }

    /**
     * @param name     the bundle's name, for the messages
     * @param manifest its manifest
     * @return what is wrong; empty when it keeps the rules
     */
    static List<String> check(String name, Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        List<String> problems = new ArrayList<>();
        if (main.getValue("Bundle-SymbolicName") == null) {
            problems.add(name + ": no Bundle-SymbolicName, so not an OSGi bundle");
        }
        for (String pkg : OsgiHeader.names(main.getValue("Import-Package"))) {
            if (pkg.startsWith(PROJECT) && !ALLOWED.contains(pkg)) {
                problems.add(name + ": imports " + pkg + (pkg.contains(".internal") ? " (a core internal package)" : "")
                        + "; a plugin may import only " + sorted(ALLOWED) + " from the core");
            }
        }
        for (String pkg : OsgiHeader.names(main.getValue("DynamicImport-Package"))) {
            if (pkg.equals("*") || pkg.startsWith(PROJECT) || PROJECT.startsWith(pkg.replace("*", ""))) {
                problems.add(name + ": DynamicImport-Package " + pkg
                        + " could reach core packages at run time; import the API and SPI statically");
            }
        }
        List<String> exports = OsgiHeader.names(main.getValue("Export-Package"));
        if (!exports.isEmpty()) {
            problems.add(name + ": exports " + exports + "; a plugin exports nothing (keep code in .internal packages)");
        }
        for (String bundle : OsgiHeader.names(main.getValue("Require-Bundle"))) {
            if (bundle.startsWith(PROJECT)) {
                problems.add(name + ": Require-Bundle " + bundle + " wires to every package of a core bundle");
            }
        }
        for (String host : OsgiHeader.names(main.getValue("Fragment-Host"))) {
            if (host.startsWith(PROJECT)) {
                problems.add(name + ": is a fragment of " + host + ", which gives it the core bundle's internals");
            }
        }
        return problems;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
