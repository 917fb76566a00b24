package nl.proeftuin.plugins.procurement.ijw.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

import nl.proeftuin.core.spi.OutboundUrls;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One JW315 destination of the regional administrator ({@link IjwDestinationConfig}): one component per
 * factory configuration, registered as a service of this bundle's private type and found by
 * {@link IjwProcurementConnector} by name. A configuration that cannot be read (no name, both or
 * neither of directory and URL, a URL the allow-list refuses: {@link OutboundUrls}) fails activation
 * with the key in the message (SCR logs it), and the destination is then absent.
 */
@Component(service = IjwDestination.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IjwDestinationConfig.class, factory = true)
public final class IjwDestination {

    static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    /**
     * @param name              the name
     * @param outbox            the outbox directory, or null
     * @param url               the exchange URL, or null
     * @param allowHttpLoopback whether http to loopback is allowed
     * @param timeoutMillis     how long the POST may take
     */
    record Destination(String name, Path outbox, URI url, boolean allowHttpLoopback, long timeoutMillis) {
    }

    private final Destination destination;

    /** @param config the administrator's configuration */
    @Activate
    public IjwDestination(IjwDestinationConfig config) {
        this.destination = of(config.name(), config.outboxDirectory(), config.url(), config.allowHttpLoopback(),
                config.timeoutMillis());
    }

    IjwDestination(Destination destination) {
        this.destination = destination;
    }

    Destination destination() {
        return destination;
    }

    static Destination of(String name, String outboxDirectory, String url, boolean allowHttpLoopback,
            long timeoutMillis) {
        String n = name == null ? "" : name.trim();
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("name: '" + n + "' must be lower-case words joined by - _ or .");
        }
        boolean hasDir = outboxDirectory != null && !outboxDirectory.isBlank();
        boolean hasUrl = url != null && !url.isBlank();
        if (hasDir == hasUrl) {
            throw new IllegalArgumentException("outboxDirectory, url: set exactly one of the two");
        }
        if (timeoutMillis < 1 || timeoutMillis > 60_000) {
            throw new IllegalArgumentException("timeoutMillis: must be from 1 to 60000");
        }
        return new Destination(n, hasDir ? Path.of(outboxDirectory.trim()) : null,
                hasUrl ? OutboundUrls.check("url", url, allowHttpLoopback) : null, allowHttpLoopback, timeoutMillis);
    }
}
