package nl.proeftuin.core.store.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The database configuration the distribution ships, read from its source file so that tests run
 * against exactly the URL (and H2 options) an installation gets by default.
 */
final class ShippedConfig {

    /** The shipped default configuration, relative to the core/store module. */
    static final Path CFG = Path.of("..", "..", "distribution", "src", "main", "resources", "etc",
            "nl.proeftuin.core.store.internal.JdbcDatabase.cfg");

    private ShippedConfig() {
    }

    /** The module's base directory: surefire sets {@code basedir}; otherwise the working directory. */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    static Properties load() throws IOException {
        Path file = moduleDir().resolve(CFG).normalize();
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }

    /**
     * @param karafData the directory standing in for {@code ${karaf.data}}
     * @return the shipped default JDBC URL with {@code ${karaf.data}} resolved
     */
    static String defaultUrl(Path karafData) throws IOException {
        String url = load().getProperty("url");
        if (url == null || !url.contains("${karaf.data}")) {
            throw new IllegalStateException("shipped url missing or without ${karaf.data}: " + url);
        }
        return url.replace("${karaf.data}", karafData.toAbsolutePath().toString().replace('\\', '/'));
    }

    /** Settings as shipped, except the URL (resolved against {@code karafData}) and a short timeout. */
    static JdbcDatabase.Settings h2Settings(Path karafData) throws IOException {
        Properties p = load();
        return new JdbcDatabase.Settings(defaultUrl(karafData), p.getProperty("user", ""), "",
                Integer.parseInt(p.getProperty("maxPoolSize", "10")), 5_000);
    }
}
