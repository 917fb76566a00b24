package nl.proeftuin.core.store.cluster;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Region-wide jobs run once per region per interval, whichever nodes run (decision 0027). A scheduler
 * ticks on every node every {@link #tick(Duration)} and asks {@link #begin}; the node that gets
 * {@code true} runs the job and then calls {@link #end}. The node that ran it last keeps it while it
 * keeps its turns; another node takes it over one tick after a missed turn, and a node that dies during
 * a run holds it until {@code maxRun} has passed.
 */
@ProviderType
public interface RegionJobs {

    /** The longest a node waits between two asks: one tick. */
    Duration LONGEST_TICK = Duration.ofMinutes(1);

    /**
     * @param interval the job's interval
     * @return how often every node asks: the interval, at most {@link #LONGEST_TICK}; also the holder's grace
     */
    static Duration tick(Duration interval) {
        return interval.compareTo(LONGEST_TICK) < 0 ? interval : LONGEST_TICK;
    }

    /** @return this node's stable id (configured, else generated once into {@code data/}) */
    String node();

    /**
     * @param job      the job's name (at most 100 characters)
     * @param interval the region's interval between runs
     * @param maxRun   the longest a run may take before another node may start one
     * @return whether this node runs the job now (false also when the database cannot be reached)
     */
    boolean begin(String job, Duration interval, Duration maxRun);

    /** Ends this node's run of {@code job}, so that a due tick of any node may run the next one. */
    void end(String job);
}
