package nl.proeftuin.core.store.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Whether a database already has every migration of this bundle, answered without Flyway (decision 0040):
 * starting Flyway to learn that nothing is pending cost every start, on the thread that makes a node
 * ready, more than half a second of work. The answer is "yes" only when Flyway's history has every
 * version this bundle's migration folders hold, all of them successful, and no failed one; anything else
 * (a pending or failed migration, a location other than the bundle's own folders, a folder that cannot be
 * listed) goes to Flyway as before, which decides and reports as it always did.
 */
final class MigrationsApplied {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static final String CLASSPATH = "classpath:";

    private MigrationsApplied() {
    }

    /** The highest version applied when nothing is pending, else empty (ask Flyway). */
    static Optional<String> upToDate(Connection c, List<String> locations) throws SQLException {
        Optional<Set<String>> resolved = resolved(locations);
        if (resolved.isEmpty() || resolved.get().isEmpty()) {
            return Optional.empty();
        }
        Set<String> applied = new HashSet<>();
        String highest = null;
        try (ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), "flyway_schema_history", null)) {
            if (!tables.next()) {
                return Optional.empty();
            }
        }
        try (Statement s = c.createStatement();
                // quoted as Flyway creates them (lower case), so that an H2 URL without DATABASE_TO_LOWER finds them
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return Optional.empty();
                }
                applied.add(rs.getString(1));
                highest = highest == null || compare(rs.getString(1), highest) > 0 ? rs.getString(1) : highest;
            }
        }
        return applied.containsAll(resolved.get()) ? Optional.ofNullable(highest) : Optional.empty();
    }

    /** The versions in the migration folders, or empty when one of them cannot be listed here. */
    static Optional<Set<String>> resolved(List<String> locations) {
        Set<String> versions = new HashSet<>();
        Bundle bundle = InOsgi.bundle();
        for (String location : locations) {
            if (!location.startsWith(CLASSPATH)) {
                return Optional.empty();
            }
            String folder = location.substring(CLASSPATH.length());
            Optional<Set<String>> names = bundle != null ? bundleEntries(bundle, folder) : directoryEntries(folder);
            if (names.isEmpty()) {
                return Optional.empty();
            }
            for (String name : names.get()) {
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    versions.add(m.group(1).replace('_', '.'));
                }
            }
        }
        return Optional.of(versions);
    }

    private static Optional<Set<String>> bundleEntries(Bundle bundle, String folder) {
        Set<String> names = new HashSet<>();
        // with its subfolders, as Flyway scans; nothing found is "cannot tell" (Flyway decides), never "none"
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", true);
        if (entries == null) {
            return Optional.empty();
        }
        while (entries.hasMoreElements()) {
            String path = entries.nextElement().getPath();
            names.add(path.substring(path.lastIndexOf('/') + 1));
        }
        return Optional.of(names);
    }

    /** This bundle, or null outside OSGi (tests, tools), where the framework's classes may not even be there. */
    private static final class InOsgi {
        static Bundle bundle() {
            try {
                return FrameworkUtil.getBundle(MigrationsApplied.class);
            } catch (LinkageError noFramework) {
                return null;
            }
        }
    }

    /** Outside OSGi (tests): the folder on the class path, when it is a directory. */
    private static Optional<Set<String>> directoryEntries(String folder) {
        URL url = MigrationsApplied.class.getClassLoader().getResource(folder);
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(names);
    }

    /** Compares dotted versions numerically ("28" after "9"). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
