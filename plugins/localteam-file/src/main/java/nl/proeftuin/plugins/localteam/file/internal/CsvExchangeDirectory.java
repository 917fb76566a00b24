package nl.proeftuin.plugins.localteam.file.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.spi.LocalTeamInbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One municipality's exchange directory ({@link ExchangeFolders}): imports every {@code *.csv} in
 * {@code inbox/} every poll interval, in name order, one at a time ({@link CsvImport}); the connector
 * finds it by municipality to export into {@code outbox/}.
 *
 * <p>The core's {@link LocalTeamInbox} is an optional, dynamic reference (not constructor injection):
 * export must go on while the inbox is away, and import simply waits for it.
 *
 * <p>The poll never dies (a scheduled task that throws is never run again): whatever one file does,
 * it is logged and the next file is imported; a file that cannot even be moved out of the inbox is
 * logged once and tried again at every poll, without holding up the others.
 */
// immediate: it polls the inbox from activation on, not only once the connector asks for it
@Component(service = CsvExchangeDirectory.class, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = CsvExchangeDirectoryConfig.class, factory = true)
public final class CsvExchangeDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CsvExchangeDirectory.class);

    private final String municipality;
    private final ExchangeFolders folders;
    private final CsvExchangeDirectoryConfig config;
    private final ScheduledExecutorService poller;
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LocalTeamInbox inbox; // package-private for the tests only

    /** Files of the inbox whose import failed and that are still there: logged once (poll thread only). */
    private final Set<Path> stuck = new HashSet<>();
    private String folderProblem;

    @Activate
    public CsvExchangeDirectory(CsvExchangeDirectoryConfig config) throws IOException {
        if (config.municipality() == null || config.municipality().isBlank()) {
            throw new IllegalArgumentException("municipality: is required");
        }
        if (config.directory() == null || config.directory().isBlank()) {
            throw new IllegalArgumentException("directory: is required");
        }
        this.municipality = config.municipality().trim();
        this.folders = new ExchangeFolders(Paths.get(config.directory().trim())).create();
        this.config = config;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "localteam-file " + municipality);
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, config.pollIntervalSeconds(), config.pollIntervalSeconds(),
                TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }

    String municipality() {
        return municipality;
    }

    ExchangeFolders folders() {
        return folders;
    }

    void poll() {
        try {
            LocalTeamInbox current = inbox;
            if (current == null) {
                return; // the core's inbox is away: the files wait in inbox/
            }
            String problem = folders.problem();
            if (problem != null) {
                if (!problem.equals(folderProblem)) {
                    LOG.error("localteam-file {}: nothing is imported from {}: {}", municipality, folders.root(), problem);
                }
                folderProblem = problem;
                return;
            }
            folderProblem = null;
            CsvImport importer = new CsvImport(current, municipality, folders, config.maxRows(),
                    config.progressEveryRequests(), clock);
            List<Path> files = settledFiles(folders.inbox(), Instant.now(clock).minusSeconds(config.settleSeconds()));
            stuck.retainAll(files);
            for (Path file : files) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    importer.importFile(file);
                    stuck.remove(file);
                } catch (Throwable e) { // one file never stops the others
                    if (stuck.add(file)) {
                        LOG.error("localteam-file {}: {} cannot be imported nor moved to {}; it is tried again at"
                                + " every poll (logged once)", municipality, file, folders.failed(), e);
                    }
                }
            }
        } catch (Throwable e) {
            // the poller must survive (a task that throws is never run again): the next round tries again
            LOG.error("localteam-file {}: import from {} failed", municipality, folders.inbox(), e);
        }
    }

    /**
     * {@code *.csv} entries (not hidden ones: a sender's temporary file) unchanged since {@code before},
     * by name. Links, directories and other entries that are not regular files are listed too (their own
     * time, not followed): the import refuses them to failed/ with a report, instead of leaving them
     * unexplained.
     */
    static List<Path> settledFiles(Path inbox, Instant before) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(inbox, "*.{csv,CSV}")) {
            for (Path file : stream) {
                if (!file.getFileName().toString().startsWith(".")
                        && !Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(before)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }
}
