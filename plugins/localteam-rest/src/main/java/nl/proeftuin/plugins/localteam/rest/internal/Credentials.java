package nl.proeftuin.plugins.localteam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Resolves the NAME of a secret (a credentials reference) to the secret, so that configuration,
 * bindings and their history never hold one. Looked up, in this order:
 * <ol>
 * <li>the key of that name in the credentials file (Java properties; default
 * {@code ${karaf.etc}/proeftuin-credentials.properties}), read on every lookup so a rotated secret
 * applies without a restart;</li>
 * <li>the environment variable of that name upper-cased, every character other than A-Z and 0-9
 * replaced by {@code _} ({@code arnhem.localteam.token} becomes {@code ARNHEM_LOCALTEAM_TOKEN}).</li>
 * </ol>
 */
final class Credentials {
    /** The default file name under {@code karaf.etc}. */
    static final String DEFAULT_FILE = "proeftuin-credentials.properties";

    private final Path file;
    private final UnaryOperator<String> environment;

    Credentials(Path file, UnaryOperator<String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** The credentials of the running platform: {@code configuredFile}, or the default under karaf.etc. */
    static Credentials of(String configuredFile) {
        return new Credentials(fileOf(configuredFile), System::getenv);
    }

    static Path fileOf(String configuredFile) {
        if (configuredFile != null && !configuredFile.isBlank()) {
            return Paths.get(configuredFile.trim());
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? Paths.get("etc", DEFAULT_FILE) : Paths.get(etc, DEFAULT_FILE);
    }

    /** The environment variable a reference is looked up under. */
    static String environmentName(String reference) {
        return reference.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * @return the secret
     * @throws IllegalStateException naming the reference (never a secret) when it is nowhere
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
        String value = environment.apply(environmentName(reference));
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        throw new IllegalStateException("credentials reference '" + reference + "' is neither a key in " + file
                + " nor an environment variable " + environmentName(reference));
    }
}
