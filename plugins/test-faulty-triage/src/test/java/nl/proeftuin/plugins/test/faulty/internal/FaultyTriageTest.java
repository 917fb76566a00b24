package nl.proeftuin.plugins.test.faulty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageRequest;
import org.junit.jupiter.api.Test;

class FaultyTriageTest {

    private final FaultyTriage triage = new FaultyTriage();

    @Test
    void throwMode() {
        assertThrows(IllegalStateException.class, () -> triage.triage(request(Map.of("mode", "throw"))));
    }

    @Test
    void nullMode() {
        assertNull(triage.triage(request(Map.of("mode", "null"))));
    }

    @Test
    void okModeAndNoModeAnswer() {
        assertEquals(Route.LOCAL_TEAM, triage.triage(request(Map.of())).route());
        assertEquals("TEST_OK", triage.triage(request(Map.of("mode", "ok"))).classification());
    }

    @Test
    void slowModeSleepsAsConfigured() {
        long start = System.nanoTime();
        TriageDecision d = triage.triage(request(Map.of("mode", "slow", "sleepMillis", "200")));

        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 200);
        assertEquals("TEST_OK", d.classification());
    }

    @Test
    void slowModeStopsWhenInterrupted() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // default sleep: 5 s; the interrupt must end it long before that
            Future<TriageDecision> call = pool.submit(() -> triage.triage(request(Map.of("mode", "slow"))));
            Thread.sleep(100);
            long start = System.nanoTime();
            call.cancel(true);
            pool.shutdown();

            assertTrue(pool.awaitTermination(2, TimeUnit.SECONDS), "the sleeping call did not stop");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> triage.triage(request(Map.of("mode", "explode"))));
        assertThrows(IllegalArgumentException.class,
                () -> triage.triage(request(Map.of("mode", "slow", "sleepMillis", "soon"))));
    }

    private static TriageRequest request(Map<String, String> configuration) {
        return new TriageRequest("case-1", "Ede", null, List.of(), null, List.of(), configuration);
    }
}
