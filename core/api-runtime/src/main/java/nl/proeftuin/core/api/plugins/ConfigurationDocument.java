package nl.proeftuin.core.api.plugins;

import java.time.Instant;
import java.util.List;

/**
 * A region's binding configuration as one versioned document, to promote it from one instance to
 * another (a test instance to production): every binding of the region and of its municipalities, with
 * the plugin's version and configuration. It carries no secret: a binding names the administrator's
 * endpoints and secrets only by name (decision 0007), and those stay in each instance's {@code etc/}.
 *
 * @param version    the document format, {@value #VERSION} now; an import refuses another
 * @param exportedAt when it was written
 * @param exportedBy who wrote it
 * @param bindings   every binding (region ones have no municipality), default bindings included
 */
public record ConfigurationDocument(int version, Instant exportedAt, String exportedBy,
        List<ConfiguredBinding> bindings) {

    /** The format this platform writes and reads. */
    public static final int VERSION = 1;
}
