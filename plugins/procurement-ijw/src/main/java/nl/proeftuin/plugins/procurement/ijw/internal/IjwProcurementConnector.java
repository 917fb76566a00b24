package nl.proeftuin.plugins.procurement.ijw.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.CareRequest;
import nl.proeftuin.core.spi.CareRequestStatus;
import nl.proeftuin.core.spi.ConfigurationCheck;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.MaatwerkRequest;
import nl.proeftuin.core.spi.MaatwerkStatus;
import nl.proeftuin.core.spi.Offer;
import nl.proeftuin.core.spi.OfferQuery;
import nl.proeftuin.core.spi.OutboundUrls;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import nl.proeftuin.core.spi.ProcurementConnector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Procurement through iJw messages: a care request becomes a JW315 <i>verzoek om toewijzing</i>
 * ({@link Jw315Message}), validated and then written to an outbox directory or POSTed to an exchange
 * endpoint; the municipality's JW301 <i>toewijzing</i> comes back through {@link Jw301Servlet}. The
 * directory or endpoint is one of the administrator's {@link IjwDestination}s; a binding only names
 * it ({@code destination}), checked at bind time ({@link ConfigurationCheck}).
 *
 * <ul>
 * <li>Invalid request data (no BSN, a bad AGB code, category, code, dates, volume): {@code REJECTED}
 *     with every reason, nothing sent. An unusable configuration or a failed delivery (the directory or
 *     the endpoint) throws: the core falls back and raises an alert.</li>
 * <li>Offers: iJw has no message for contracted offers, so this connector returns none (an empty
 *     list, not the core's fallback); bind {@code procurement-contracts} where offers are needed.</li>
 * <li><i>Maatwerk</i>: iJw has no maatwerk message either; the request is accepted as
 *     {@code SUBMITTED} with the deadline the earlier of the core's proposal and today +
 *     {@code maatwerk.decisionDays}; the core records the decision.</li>
 * </ul>
 * Keeps no state: the same request and configuration give the same message (except its date).
 */
@Component(service = ProcurementConnector.class)
@PluginId(IjwProcurementConnector.ID)
@PluginConfiguration(IjwProcurementConnector.ID)
public final class IjwProcurementConnector implements ProcurementConnector, ConfigurationCheck {

    static final String ID = "procurement-ijw";
    /** The largest answer of an exchange endpoint read (64 KiB); a larger one is a failed call. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final Clock clock;
    private final HttpClient http;
    private final List<IjwDestination> destinations = new CopyOnWriteArrayList<>();

    /** DS constructor: the system clock. */
    @Activate
    public IjwProcurementConnector() {
        this(Clock.systemDefaultZone());
    }

    IjwProcurementConnector(Clock clock) {
        this.clock = clock;
        // HTTP/1.1, no "Expect: 100-continue" (Java 17's client can hang on it), no redirects
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Dynamic and multiple: destinations are configured and removed while the connector serves. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDestination(IjwDestination destination) {
        destinations.add(destination);
    }

    void removeDestination(IjwDestination destination) {
        destinations.remove(destination);
    }

    @Override
    public void checkConfiguration(ExtensionPoint point, String municipality, Map<String, String> configuration) {
        IjwSettings settings;
        try {
            settings = IjwSettings.from(configuration);
        } catch (IjwSettings.InvalidSetting e) {
            throw new InvalidInputException("configuration." + e.key, e.getMessage());
        }
        if (settings.destination() != null && destination(settings.destination()) == null) {
            throw new InvalidInputException("configuration." + IjwSettings.DESTINATION, "no destination named '"
                    + settings.destination() + "' is configured (configured: " + names() + ")");
        }
    }

    private IjwDestination.Destination destination(String name) {
        return destinations.stream().map(IjwDestination::destination).filter(d -> d.name().equals(name)).findFirst()
                .orElse(null);
    }

    private String names() {
        List<String> names = destinations.stream().map(d -> d.destination().name()).sorted().toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    @Override
    public List<Offer> offers(OfferQuery query, Map<String, String> configuration) {
        IjwSettings.from(configuration);
        return List.of();
    }

    @Override
    public MaatwerkStatus requestMaatwerk(MaatwerkRequest request, Map<String, String> configuration) {
        IjwSettings settings = IjwSettings.from(configuration);
        LocalDate deadline = DutchDay.today(clock).plusDays(settings.decisionDays());
        if (request.deadline() != null && request.deadline().isBefore(deadline)) {
            deadline = request.deadline();
        }
        return new MaatwerkStatus(request.requestId(), "SUBMITTED", deadline, null);
    }

    @Override
    public MaatwerkStatus maatwerkStatus(String requestId, Map<String, String> configuration) {
        IjwSettings.from(configuration);
        return new MaatwerkStatus(requestId, "SUBMITTED", null,
                "procurement-ijw keeps no decisions: the core records the municipality's decision");
    }

    @Override
    public CareRequestStatus requestCare(CareRequest request, Map<String, String> configuration) {
        IjwSettings settings = IjwSettings.from(configuration);
        if (settings.destination() == null) {
            throw new IllegalArgumentException("procurement-ijw: set " + IjwSettings.DESTINATION
                    + " (a configured IjwDestination) to send JW315 messages");
        }
        IjwDestination.Destination destination = destination(settings.destination());
        if (destination == null) {
            throw new IllegalStateException("procurement-ijw: no destination named '" + settings.destination()
                    + "' is configured (configured: " + names() + ")");
        }
        Jw315Message.Result message = Jw315Message.build(request, settings, DutchDay.today(clock));
        if (!message.valid()) {
            return new CareRequestStatus(request.requestId(), "REJECTED", null,
                    "JW315 not sent: " + String.join("; ", message.problems()), null);
        }
        String where = destination.outbox() != null ? write(destination.outbox(), message) : post(destination, message);
        return new CareRequestStatus(request.requestId(), "SUBMITTED", message.messageRef(),
                "JW315 " + message.messageRef() + " " + where + "; the JW301 answers with ReferentieAanbieder "
                        + request.requestId(), message.xml());
    }

    /**
     * Reads a remote answer, at most {@link #MAX_ANSWER_BYTES} of it (its content is not used: only
     * the status counts), so that an answer without end is neither held in memory nor waited for.
     *
     * @return whether the answer is at most {@link #MAX_ANSWER_BYTES} long
     */
    static boolean withinLimit(InputStream in) throws IOException {
        return in.readNBytes(MAX_ANSWER_BYTES + 1).length <= MAX_ANSWER_BYTES;
    }

    private static String write(Path directory, Jw315Message.Result message) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("procurement-ijw: the outbox directory " + directory
                    + " is not an existing directory");
        }
        Path target = directory.resolve(message.messageRef() + ".xml");
        try {
            // written aside, then moved: the exchange software never picks up half a message
            Path tmp = Files.createTempFile(directory, ".jw315-", ".tmp");
            Files.writeString(tmp, message.xml(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("procurement-ijw: cannot write " + target + ": " + e.getMessage(), e);
        }
        return "written to the outbox";
    }

    private String post(IjwDestination.Destination destination, Jw315Message.Result message) {
        try {
            OutboundUrls.checkResolved(destination.url(), destination.allowHttpLoopback());
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("procurement-ijw: destination " + destination.name() + " ("
                    + destination.url().getHost() + ") cannot be resolved", e);
        }
        HttpRequest request = HttpRequest.newBuilder(destination.url())
                .timeout(Duration.ofMillis(destination.timeoutMillis()))
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("X-Message-Ref", message.messageRef())
                .POST(HttpRequest.BodyPublishers.ofString(message.xml(), StandardCharsets.UTF_8)).build();
        // the URL as texts may show it: no query, where a secret could hide (these texts become the
        // coordinator's alerts and log lines)
        String shown = OutboundUrls.shown(destination.url());
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("procurement-ijw: destination " + destination.name() + " "
                    + shown + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("procurement-ijw: sending to " + shown + " interrupted", e);
        }
        boolean tooLarge;
        try (InputStream in = response.body()) {
            tooLarge = !withinLimit(in);
        } catch (IOException e) {
            throw new UncheckedIOException("procurement-ijw: destination " + destination.name() + " " + shown
                    + " answered HTTP " + response.statusCode() + ", but its answer could not be read: " + e, e);
        }
        if (tooLarge) {
            throw new IllegalStateException("procurement-ijw: destination " + destination.name() + " " + shown
                    + " answered HTTP " + response.statusCode() + " with more than " + MAX_ANSWER_BYTES
                    + " bytes; the answer was not read and the JW315 is not taken as sent");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("procurement-ijw: destination " + destination.name() + " "
                    + shown + " answered HTTP " + response.statusCode());
        }
        return "sent to the exchange endpoint (HTTP " + response.statusCode() + ")";
    }
}
