package nl.proeftuin.plugins.localteam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Resolves the NAME of a secret (a credentials reference) to the secret, so that configuration,
 * bindings and their history never hold one. A reference names a key of this connector's own
 * secrets file (Java properties; default
 * {@code ${karaf.etc}/proeftuin-localteam-rest-credentials.properties}), read on every lookup so a
 * rotated secret applies without a restart; nothing else: not an environment variable, not a system
 * property, not another connector's file.
 */
final class Credentials {
    /** The default file name under {@code karaf.etc}. */
    static final String DEFAULT_FILE = "proeftuin-localteam-rest-credentials.properties";

    private final Path file;

    Credentials(Path file) {
        this.file = file;
    }

    /** The credentials of the running platform: {@code configuredFile}, or the default under karaf.etc. */
    static Credentials of(String configuredFile) {
        return new Credentials(fileOf(configuredFile));
    }

    static Path fileOf(String configuredFile) {
        String etc = System.getProperty("karaf.etc");
        if (configuredFile != null && !configuredFile.isBlank()) {
            String f = configuredFile.trim();
            if (f.contains("${karaf.etc}")) {
                f = f.replace("${karaf.etc}", etc == null ? "etc" : etc);
            }
            return Paths.get(f);
        }
        return etc == null ? Paths.get("etc", DEFAULT_FILE) : Paths.get(etc, DEFAULT_FILE);
    }

    Path file() {
        return file;
    }

    /**
     * @return the secret
     * @throws IllegalStateException naming the reference and the file (never a secret) when it is not there
     */
    String secret(String reference) {
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("credentials file " + file + " cannot be read: " + e.getMessage(), e);
            }
            String value = properties.getProperty(reference);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        throw new IllegalStateException("credentials reference '" + reference + "' is not a key in " + file
                + " (the connector's own secrets file; environment variables are not read)");
    }
}
