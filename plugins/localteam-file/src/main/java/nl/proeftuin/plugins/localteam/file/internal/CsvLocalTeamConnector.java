package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.BindingConfiguration;
import nl.proeftuin.core.spi.ConfigurationCheck;
import nl.proeftuin.core.spi.DeliveryResult;
import nl.proeftuin.core.spi.DeliveryResult.Status;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.LocalTeamConnector;
import nl.proeftuin.core.spi.OutboundEvent;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * Exports outbound events as CSV files ({@link EventRows}) into the municipality's {@code outbox/}:
 * one file per event, named by its idempotency key ({@code <key>.csv}; a key with other characters
 * than A-Z a-z 0-9 . _ - becomes {@code key-<sha256>.csv}), written whole or not at all (a hidden
 * temporary file, then an atomic rename). A file that is already there means delivered before:
 * DELIVERED again, nothing rewritten. A directory that cannot be written is RETRY.
 *
 * <p>Which directory: the {@link CsvExchangeDirectory} configuration (the regional administrator's)
 * of the binding's {@code municipality} key, else of the event's municipality. Where case data is
 * written is never a binding's choice: a {@code directory} key is refused, at bind time with a 400
 * ({@link ConfigurationCheck}), at call time with an alert.
 */
@Component(service = LocalTeamConnector.class)
@PluginId(CsvLocalTeamConnector.ID)
@PluginConfiguration(CsvLocalTeamConnector.ID)
public final class CsvLocalTeamConnector implements LocalTeamConnector, ConfigurationCheck {
    static final String ID = "localteam-file";
    static final Set<String> KEYS = BindingConfiguration.keys(CsvBinding.class);
    /** Reads the checked binding into its declared type ({@link CsvBinding}). */
    private static final Converter CONVERTER = Converters.standardConverter();
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
    public void checkConfiguration(ExtensionPoint point, String municipality, Map<String, String> configuration) {
        try {
            outbox(configuration, municipality, true);
        } catch (RuntimeException e) {
            String key = e.getMessage() != null && e.getMessage().contains(":")
                    ? e.getMessage().substring(0, e.getMessage().indexOf(':')) : "";
            throw new InvalidInputException(key.isEmpty() || key.contains(" ") ? "configuration"
                    : "configuration." + key, e.getMessage());
        }
    }

    @Override
    public DeliveryResult deliver(OutboundEvent event, Map<String, String> configuration) {
        Path outbox = outbox(configuration == null ? Map.of() : configuration, event.municipality(), false);
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

    /**
     * @param lenient whether a scope without a configured directory is accepted (bind time: a region
     *                binding, or a municipality configured later)
     */
    private Path outbox(Map<String, String> configuration, String eventMunicipality, boolean lenient) {
        for (String key : configuration.keySet()) {
            if (key.equals("directory")) {
                throw new IllegalArgumentException("directory: cannot be set in a binding: where localteam-file"
                        + " writes case data is the administrator's configuration (CsvExchangeDirectory); choose one"
                        + " with municipality");
            }
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key of localteam-file (known: municipality)");
            }
        }
        String named = CONVERTER.convert(BindingConfiguration.checked(ID, configuration, CsvBinding.class))
                .to(CsvBinding.class).municipality();
        boolean chosen = named != null && !named.isBlank();
        String wanted = !chosen ? eventMunicipality : named.strip();
        if (lenient && (wanted == null || !chosen)) {
            return null;
        }
        List<CsvExchangeDirectory> found = directories.stream().filter(d -> wanted != null
                && d.municipality().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))).toList();
        if (found.size() != 1) {
            throw new IllegalStateException((chosen ? "municipality: " : "directory: ")
                    + (found.isEmpty() ? "no" : found.size()) + " CsvExchangeDirectory configuration for '" + wanted + "'");
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
