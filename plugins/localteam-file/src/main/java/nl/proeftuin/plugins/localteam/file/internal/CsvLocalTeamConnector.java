package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * of the event's municipality, always. Where case data is written is never a binding's choice: a
 * {@code directory} key is refused, at bind time with a 400 ({@link ConfigurationCheck}), at call time
 * with an alert. The {@code municipality} key may only name the municipality the binding is for (a
 * region-wide binding may not carry it: each event goes to its own municipality's directory); an
 * event of another municipality is never written into the directory it names: the delivery fails
 * (the core keeps the event in its outbox and raises an alert).
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
            String named = named(configuration);
            if (named == null) {
                return; // the event's own municipality, whose directory may be configured later
            }
            if (municipality == null || municipality.isBlank()) {
                throw new IllegalArgumentException("municipality: a region-wide binding cannot name a municipality"
                        + " ('" + named + "'): each event is written to the exchange directory of its own municipality;"
                        + " leave it out, or bind localteam-file for that municipality");
            }
            if (!same(named, municipality)) {
                throw new IllegalArgumentException("municipality: '" + named + "' is not the municipality this binding"
                        + " is for (" + municipality.strip() + "); a binding may only use the exchange directory of its"
                        + " own municipality");
            }
            directory(named, "municipality: ");
        } catch (RuntimeException e) {
            String key = e.getMessage() != null && e.getMessage().contains(":")
                    ? e.getMessage().substring(0, e.getMessage().indexOf(':')) : "";
            throw new InvalidInputException(key.isEmpty() || key.contains(" ") ? "configuration"
                    : "configuration." + key, e.getMessage());
        }
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
            if (!Files.isDirectory(outbox, LinkOption.NOFOLLOW_LINKS)) {
                // a link the local team put in its place would make the platform write where it points
                throw new IOException("outbox/ is a symbolic link, not a directory of its own");
            }
            AtomicFiles.write(target, EventRows.csv(event));
        } catch (IOException e) {
            return new DeliveryResult(Status.RETRY, "cannot write " + target + ": " + e, null);
        }
        return new DeliveryResult(Status.DELIVERED, "written to " + target, name);
    }

    /**
     * The outbox of the event's municipality. A binding naming another municipality (stored before
     * the bind-time check, or region-wide) throws: one municipality's case data is never written
     * into another's exchange directory.
     */
    private Path outbox(Map<String, String> configuration, String eventMunicipality) {
        String named = named(configuration);
        if (named != null && !same(named, eventMunicipality)) {
            throw new IllegalStateException("municipality: the binding names '" + named + "', but the event is of "
                    + eventMunicipality + "; it is not written to another municipality's exchange directory");
        }
        CsvExchangeDirectory directory = directory(eventMunicipality, named != null ? "municipality: " : "directory: ");
        if (!same(directory.municipality(), eventMunicipality)) {
            throw new IllegalStateException("directory: the exchange directory of " + directory.municipality()
                    + " does not serve " + eventMunicipality);
        }
        return directory.folders().outbox();
    }

    /**
     * @return the binding's {@code municipality}, stripped, or null when it names none
     * @throws IllegalArgumentException naming a key a binding may not carry
     */
    private static String named(Map<String, String> configuration) {
        for (String key : configuration.keySet()) {
            if (key.equals("directory")) {
                throw new IllegalArgumentException("directory: cannot be set in a binding: where localteam-file"
                        + " writes case data is the administrator's configuration (CsvExchangeDirectory); it is"
                        + " the exchange directory of the event's municipality");
            }
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key of localteam-file (known: municipality)");
            }
        }
        String named = CONVERTER.convert(BindingConfiguration.checked(ID, configuration, CsvBinding.class))
                .to(CsvBinding.class).municipality();
        return named == null || named.isBlank() ? null : named.strip();
    }

    /** @throws IllegalStateException when not exactly one directory is configured for the municipality */
    private CsvExchangeDirectory directory(String municipality, String key) {
        List<CsvExchangeDirectory> found = directories.stream()
                .filter(d -> municipality != null && same(d.municipality(), municipality)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException(key + (found.isEmpty() ? "no" : found.size())
                    + " CsvExchangeDirectory configuration for '" + municipality + "'");
        }
        return found.get(0);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
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
