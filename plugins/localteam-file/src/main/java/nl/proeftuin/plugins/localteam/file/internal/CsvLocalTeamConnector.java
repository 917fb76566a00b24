package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.DeliveryResult.Status;
import nl.proeftuin.core.spi.LocalTeamConnector;
import nl.proeftuin.core.spi.OutboundEvent;
import nl.proeftuin.core.spi.PluginId;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Exports outbound events as CSV files ({@link EventRows}) into the municipality's {@code outbox/}:
 * one file per event, named by its idempotency key ({@code <key>.csv}; a key with other characters
 * than A-Z a-z 0-9 . _ - becomes {@code key-<sha256>.csv}), written whole or not at all (a hidden
 * temporary file, then an atomic rename). A file that is already there means delivered before:
 * DELIVERED again, nothing rewritten. A directory that cannot be written is RETRY.
 *
 * <p>Which directory: the binding's {@code directory} key, else the {@link CsvExchangeDirectory}
 * configuration of the binding's {@code municipality} key, else of the event's municipality.
 */
@Component(service = LocalTeamConnector.class)
@PluginId(CsvLocalTeamConnector.ID)
public final class CsvLocalTeamConnector implements LocalTeamConnector {
    static final String ID = "localteam-file";
    static final Set<String> KEYS = Set.of("directory", "municipality");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final List<CsvExchangeDirectory> directories = new CopyOnWriteArrayList<>();

    public CsvLocalTeamConnector() {
        // the directories arrive through the dynamic reference below
    }

    /** Dynamic and multiple: municipalities are configured and removed while the connector serves. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDirectory(CsvExchangeDirectory directory) {
        directories.add(directory);
    }

    void removeDirectory(CsvExchangeDirectory directory) {
        directories.remove(directory);
    }

    @Override
    public DeliveryResult deliver(OutboundEvent event, Map<String, String> configuration) {
        Path outbox = outbox(configuration == null ? Map.of() : configuration, event.municipality());
        String name = fileName(event.idempotencyKey());
        Path target = outbox.resolve(name);
        if (Files.exists(target)) {
            return new DeliveryResult(Status.DELIVERED, "already in " + outbox + " (" + name + ")", name);
        }
        try {
            Files.createDirectories(outbox);
            AtomicFiles.write(target, EventRows.csv(event));
        } catch (IOException e) {
            return new DeliveryResult(Status.RETRY, "cannot write " + target + ": " + e, null);
        }
        return new DeliveryResult(Status.DELIVERED, "written to " + target, name);
    }

    private Path outbox(Map<String, String> configuration, String eventMunicipality) {
        for (String key : configuration.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key of localteam-file (known: directory, municipality)");
            }
        }
        String directory = configuration.get("directory");
        if (directory != null && !directory.isBlank()) {
            try {
                return new ExchangeFolders(Paths.get(directory.trim())).outbox();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("directory: '" + directory + "' is not a path", e);
            }
        }
        String wanted = configuration.getOrDefault("municipality", "").isBlank() ? eventMunicipality
                : configuration.get("municipality").trim();
        List<CsvExchangeDirectory> found = directories.stream().filter(d -> wanted != null
                && d.municipality().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("directory: " + (found.isEmpty() ? "no" : found.size())
                    + " CsvExchangeDirectory configuration for '" + wanted + "' and no directory in the binding");
        }
        return found.get(0).folders().outbox();
    }

    static String fileName(String key) {
        if (SAFE.matcher(key).matches() && !key.startsWith(".")) {
            return key + ".csv";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "key-" + HexFormat.of().formatHex(digest) + ".csv";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
