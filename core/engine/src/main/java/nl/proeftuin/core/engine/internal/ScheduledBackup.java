package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own daily backup (decision 0061): at {@code dailyAt} in {@code zone} an embedded-H2 node
 * writes {@code data/backups/proeftuin-scheduled-<UTC time>.zip} through {@link NodeBackup} (the archive
 * {@code proeftuin:backup} writes), logs it in the access log as an export by {@value #ACTOR}, and only then
 * deletes the scheduled archives beyond the newest {@code keep}. Archives with any other name (written by
 * hand) are never deleted; a caller cannot choose a {@value #PREFIX} name ({@link NodeBackupService}
 * refuses it), and a file named so whose time is no time is skipped (logged once), never failing the start.
 *
 * <ul>
 *   <li><b>No log, no archive.</b> An archive that cannot be logged (the access log absent or failing) is
 *       deleted again, and nothing is pruned: a copy of every family's data never lies on disk unrecorded.</li>
 *   <li><b>A failed run</b> is logged (ERROR, and a FAILURE entry when the access log takes one), keeps every
 *       older archive, and the next day tries again.</li>
 *   <li><b>A run missed while the node was down</b> (the newest scheduled archive is older than the last
 *       scheduled time) is made up {@link #CATCH_UP} after the start. A node that never wrote a scheduled
 *       archive waits for the first scheduled time.</li>
 *   <li><b>Summer and winter time:</b> a time that does not exist on the day clocks go forward runs an hour
 *       later; one that happens twice when they go back runs once.</li>
 *   <li><b>PostgreSQL:</b> nothing is scheduled (the platform refuses its own backup there); one INFO line
 *       says to use pg_dump.</li>
 * </ul>
 * A bad setting (time, zone, keep) fails the component's activation, so readiness reports it.
 */
@Component(immediate = true, service = ScheduledBackup.class)
@Designate(ocd = ScheduledBackupConfig.class)
public class ScheduledBackup {
    static final String ACTOR = "system:scheduled-backup";
    static final String PREFIX = "proeftuin-scheduled-";
    /** A missed run is made up this long after the start, when the node has settled. */
    static final Duration CATCH_UP = Duration.ofMinutes(10);
    private static final Pattern SCHEDULED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{8}T\\d{6}Z)\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackup.class);

    private final NodeBackup backup;
    private final AccessLog accessLog;
    private final Path dir;
    private final LocalTime at;
    private final ZoneId zone;
    private final int keep;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    /** Names like a scheduled archive's whose time does not parse, logged once each. */
    private final java.util.Set<String> skipped = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When the next run is due (null: none scheduled). */
    private volatile Instant pending;

    @Activate
    public ScheduledBackup(ScheduledBackupConfig config, @Reference NodeBackup backup, @Reference AccessLog accessLog,
            @Reference Database database) {
        this(config.dailyAt(), config.zone(), config.keep(), backup, accessLog,
                Path.of(System.getProperty("karaf.data", "data")).resolve("backups"), Clock.systemUTC(),
                config.enabled() && onH2(database));
    }

    /**
     * @param run whether to schedule at all (tests call {@link #runOnce} themselves with false)
     * @throws IllegalArgumentException for a time, zone or keep that cannot be used
     */
    ScheduledBackup(String dailyAt, String zone, int keep, NodeBackup backup, AccessLog accessLog, Path dir, Clock clock,
            boolean run) {
        this.at = time(dailyAt);
        this.zone = zone(zone);
        if (keep < 1 || keep > 366) {
            throw new IllegalArgumentException("keep must be from 1 to 366 scheduled archives, not " + keep);
        }
        this.keep = keep;
        this.backup = backup;
        this.accessLog = accessLog;
        this.dir = dir;
        this.clock = clock;
        if (!run) {
            scheduler = null;
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proeftuin-scheduled-backup");
            t.setDaemon(true);
            return t;
        });
        Instant now = clock.instant();
        Instant newest = newestScheduled();
        boolean missed = newest != null && newest.isBefore(previousRun(now));
        Instant first = missed ? now.plus(CATCH_UP) : nextRun(now);
        LOG.info("Scheduled backup: daily at {} {} into {}, the newest {} kept; {} at {}", at, this.zone, dir, keep,
                missed ? "a run missed since " + newest + " is made up" : "the first", first);
        schedule(first);
    }

    private static boolean onH2(Database database) {
        if (database.dialect() == Database.Dialect.H2) {
            return true;
        }
        LOG.info("Scheduled backup: none on PostgreSQL; back up with pg_dump (or pg_basebackup) and keep etc/ and "
                + "data/audit/ with it (README, Operating a region)");
        return false;
    }

    @Deactivate
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** When the next run is due, if one is scheduled. */
    java.util.Optional<Instant> pendingRun() {
        return java.util.Optional.ofNullable(pending);
    }

    private void schedule(Instant when) {
        pending = when;
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        scheduler.schedule(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.error("Scheduled backup: the run failed unexpectedly; the next one tries again", e);
            } finally {
                if (!scheduler.isShutdown()) {
                    schedule(nextRun(clock.instant()));
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** The first scheduled time strictly after {@code now}. */
    Instant nextRun(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        Instant today = ZonedDateTime.of(local.toLocalDate(), at, zone).toInstant();
        return today.isAfter(now) ? today : ZonedDateTime.of(local.toLocalDate().plusDays(1), at, zone).toInstant();
    }

    /** The last scheduled time at or before {@code now}. */
    Instant previousRun(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        Instant today = ZonedDateTime.of(local.toLocalDate(), at, zone).toInstant();
        return today.isAfter(now) ? ZonedDateTime.of(local.toLocalDate().minusDays(1), at, zone).toInstant() : today;
    }

    /**
     * One scheduled backup: write, log, then prune.
     *
     * @return the archive written and logged, or null when the run failed (logged)
     */
    BackupFile runOnce() {
        String name = PREFIX + STAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)) + ".zip";
        if (accessLog == null) {
            LOG.error("Scheduled backup: no access log to record it in; {} is not written", name);
            return null;
        }
        BackupFile written;
        try {
            written = backup.create(name, ACTOR);
        } catch (RuntimeException e) {
            LOG.error("Scheduled backup: {} could not be written; every older archive stays, the next run tries again",
                    name, e);
            try {
                accessLog.append(event(AccessEvent.FAILURE, name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            } catch (RuntimeException logFailed) {
                LOG.error("Scheduled backup: the failure could not be logged in the access log either", logFailed);
            }
            return null;
        }
        List<Path> older = beyondKeep(name);
        StringBuilder detail = new StringBuilder("scheduled backup ").append(name).append(", ").append(written.size())
                .append(" bytes, sha256 ").append(written.sha256());
        if (!older.isEmpty()) {
            detail.append("; deletes ").append(older.size()).append(" older scheduled archive(s): ");
            detail.append(String.join(", ", older.stream().map(p -> p.getFileName().toString()).toList()));
        }
        try {
            accessLog.append(event(AccessEvent.SUCCESS, detail.toString()));
        } catch (RuntimeException e) {
            LOG.error("Scheduled backup: {} could not be logged in the access log, so it is deleted again and nothing is"
                    + " pruned", name, e);
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException deleteFailed) {
                LOG.error("Scheduled backup: the unlogged archive {} could not be deleted; delete it by hand", name,
                        deleteFailed);
            }
            return null;
        }
        for (Path p : older) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("Scheduled backup: the older archive {} could not be deleted", p, e);
            }
        }
        LOG.info("Scheduled backup: {} written ({} bytes, {} ms); {} older scheduled archive(s) deleted", name,
                written.size(), written.millis(), older.size());
        return written;
    }

    /** The scheduled archives beyond the newest {@code keep}, {@code justWritten} the newest of them. */
    private List<Path> beyondKeep(String justWritten) {
        List<Path> others = new ArrayList<>(scheduledArchives().stream()
                .filter(p -> !p.getFileName().toString().equals(justWritten)).toList());
        others.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return others.size() < keep ? List.of() : List.copyOf(others.subList(keep - 1, others.size()));
    }

    /** The scheduled archives: a scheduled name whose time is no time (not the schedule's) is skipped, logged once. */
    private List<Path> scheduledArchives() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (SCHEDULED.matcher(name).matches() && Files.isRegularFile(p)) {
                    if (written(name) != null) {
                        found.add(p);
                    } else if (skipped.add(name)) {
                        LOG.warn("Scheduled backup: {} in {} is named like a scheduled archive but its time is no time; "
                                + "it is not the schedule's: neither counted nor deleted", name, dir);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Scheduled backup: {} could not be listed", dir, e);
        }
        return found;
    }

    /** The time in a scheduled archive's name, or null when it has none or it is no time. */
    private static Instant written(String name) {
        java.util.regex.Matcher m = SCHEDULED.matcher(name);
        if (!m.matches()) {
            return null;
        }
        try {
            return Instant.from(STAMP.parse(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** When the newest scheduled archive was written (its name's time), or null when there is none. */
    private Instant newestScheduled() {
        return scheduledArchives().stream().map(p -> written(p.getFileName().toString())).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static AccessEvent event(String outcome, String detail) {
        return new AccessEvent(AccessAction.EXPORT, outcome, ACTOR, "scheduled backup", "system", null, null, List.of(),
                null, "node", "backup", null, detail);
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("dailyAt must be a time of day as HH:mm or HH:mm:ss, not '" + value + "'");
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value == null ? "" : value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone must be a time zone such as Europe/Amsterdam, not '" + value + "'");
        }
    }
}
