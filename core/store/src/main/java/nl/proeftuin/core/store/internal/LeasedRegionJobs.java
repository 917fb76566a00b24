package nl.proeftuin.core.store.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cluster.JobLeaseStore;
import nl.proeftuin.core.store.cluster.RegionJobs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Region-wide jobs by database lease (table {@code job_lease}, decision 0027): a tick asks to run the
 * job; one conditional UPDATE gives the run to the first node whose tick finds it due and not running
 * elsewhere. The lease is in the database, so it works on H2 and PostgreSQL alike and needs no
 * protocol between nodes; the nodes' clocks must agree within a small part of the shortest interval
 * (NTP), as they must for sessions already.
 */
@Component(service = RegionJobs.class)
@Designate(ocd = RegionJobsConfig.class)
public class LeasedRegionJobs implements RegionJobs {

    static final String NODE_ID_FILE = "proeftuin-node-id";
    static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Logger LOG = LoggerFactory.getLogger(LeasedRegionJobs.class);

    private final Database database;
    private final JobLeaseStore leases;
    private final String node;
    private final Clock clock;
    private final Set<String> added = ConcurrentHashMap.newKeySet();
    /** The jobs this node ran last time it asked (to log a take-over once, not every run). */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Activate
    public LeasedRegionJobs(RegionJobsConfig config, @Reference Database database, @Reference JobLeaseStore leases)
            throws IOException {
        this(database, leases, nodeId(config.nodeId(), System.getProperty("karaf.data")), Clock.systemUTC());
        LOG.info("This node's id in the region is {}", node);
    }

    LeasedRegionJobs(Database database, JobLeaseStore leases, String node, Clock clock) {
        this.database = database;
        this.leases = leases;
        this.node = node;
        this.clock = clock;
    }

    /**
     * The configured id; else the one in {@code data/proeftuin-node-id}, written there the first time
     * (host name and a random suffix, so that two nodes cloned from one image still differ once their
     * data directories are fresh); without a data directory, a new one per start.
     */
    static String nodeId(String configured, String dataDirectory) throws IOException {
        if (configured != null && !configured.isBlank()) {
            String id = configured.strip();
            if (!NODE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("nodeId '" + id + "' must be letters, digits, '.', '-' or '_'"
                        + " (at most 100, starting with a letter or digit)");
            }
            return id;
        }
        if (dataDirectory == null || dataDirectory.isBlank()) {
            return generated();
        }
        Path file = Path.of(dataDirectory).resolve(NODE_ID_FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (NODE_ID.matcher(id).matches()) {
                return id;
            }
            LOG.warn("{} does not hold a node id ('{}'); a new one is written", file, id);
        }
        String id = generated();
        Files.createDirectories(file.getParent());
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        } catch (IOException e) {
            host = "node";
        }
        if (host.isEmpty() || host.length() > 60) {
            host = "node";
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + HexFormat.of().formatHex(random);
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean begin(String job, Duration interval, Duration maxRun) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            if (!added.contains(job)) {
                try {
                    database.inTransaction(c -> {
                        leases.addIfAbsent(c, job, now);
                        return null;
                    });
                } catch (SQLException raced) {
                    // another node added the row at the same moment; the take below decides
                }
                added.add(job);
            }
            // The next run is due one interval after this one starts, whichever node starts it;
            // a run that overruns keeps the job until it ends (or maxRun passes).
            boolean mine = database.inTransaction(c -> leases.take(c, job, node, now,
                    now.minus(RegionJobs.tick(interval)), now.plus(interval), now.plus(maxRun)));
            if (mine && held.add(job)) {
                LOG.info("Region-wide job {} now runs on this node ({})", job, node);
            } else if (!mine) {
                held.remove(job);
            }
            return mine;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Region-wide job {} not started: the lease could not be taken: {}", job, e.toString());
            return false;
        }
    }

    @Override
    public void end(String job) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            database.inTransaction(c -> {
                leases.release(c, job, node, now);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            // the lease expires by itself after maxRun
            LOG.debug("Region-wide job {}: the lease could not be released: {}", job, e.toString());
        }
    }
}
