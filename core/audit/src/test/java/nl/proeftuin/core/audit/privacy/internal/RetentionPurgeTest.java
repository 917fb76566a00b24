package nl.proeftuin.core.audit.privacy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * When the retention purge first asks for its lease: a minute after the node starts, not a whole interval
 * (24 hours) after it. A region whose nodes restart nightly never purged; the lease decides whether a run
 * is due, so asking early runs nothing twice.
 */
class RetentionPurgeTest {

    @Test
    void theFirstAskComesOneTickAfterTheStartNotOneInterval() {
        List<long[]> scheduled = new ArrayList<>();
        ScheduledThreadPoolExecutor recording = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
                scheduled.add(new long[] {unit.toSeconds(initialDelay), unit.toSeconds(delay)});
                return null;
            }
        };
        try {
            new RetentionPurge(config(24), null, null, recording);
            assertEquals(1, scheduled.size());
            assertEquals(60, scheduled.get(0)[0], "the first ask: one tick after the start");
            assertEquals(60, scheduled.get(0)[1], "then every minute; the lease keeps runs an interval apart");
        } finally {
            recording.shutdownNow();
        }
    }

    private static RetentionPurgeConfig config(long hours) {
        return new RetentionPurgeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RetentionPurgeConfig.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long intervalHours() {
                return hours;
            }
        };
    }
}
