package nl.proeftuin.plugins.test.faulty.internal;

import java.util.List;
import java.util.Map;

import nl.proeftuin.core.spi.PluginId;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageRequest;
import org.osgi.service.component.annotations.Component;

/**
 * TEST ONLY. A triage that breaks the SPI contract on purpose, as the binding's configuration asks,
 * so that integration tests can prove the core's fault isolation (fallback to manual triage, an
 * alert, a request that still succeeds).
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>value</th><th>behaviour</th></tr>
 * <tr><td>{@code mode}</td><td>{@code throw}</td><td>throws {@link IllegalStateException}</td></tr>
 * <tr><td>{@code mode}</td><td>{@code slow}</td><td>sleeps {@code sleepMillis} (default 5000) and then
 *     answers; an interrupt ends the sleep at once (the thread's interrupt flag is kept)</td></tr>
 * <tr><td>{@code mode}</td><td>{@code null}</td><td>returns null</td></tr>
 * <tr><td>{@code mode}</td><td>absent or {@code ok}</td><td>answers LOCAL_TEAM, classification {@code TEST_OK}
 *     (a healthy baseline for a swap test)</td></tr>
 * </table>
 * An unknown mode or an unreadable {@code sleepMillis} is an {@link IllegalArgumentException}.
 */
@Component(service = Triage.class)
@PluginId(FaultyTriage.ID)
public final class FaultyTriage implements Triage {

    static final String ID = "test-faulty";
    static final long DEFAULT_SLEEP_MILLIS = 5000;

    @Override
    public TriageDecision triage(TriageRequest request) {
        Map<String, String> c = request.configuration() == null ? Map.of() : request.configuration();
        String mode = c.getOrDefault("mode", "ok").trim();
        switch (mode) {
            case "throw":
                throw new IllegalStateException("test-faulty: failing on purpose (mode=throw)");
            case "null":
                return null;
            case "slow":
                sleep(sleepMillis(c));
                return answer("after a deliberate delay (mode=slow)");
            case "ok":
                return answer("as configured (mode=ok)");
            default:
                throw new IllegalArgumentException("test-faulty: mode must be throw, slow, null or ok, not '" + mode + "'");
        }
    }

    private static long sleepMillis(Map<String, String> c) {
        String v = c.getOrDefault("sleepMillis", Long.toString(DEFAULT_SLEEP_MILLIS)).trim();
        try {
            long millis = Long.parseLong(v);
            if (millis < 0) {
                throw new IllegalArgumentException("test-faulty: sleepMillis must not be negative, not " + millis);
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("test-faulty: sleepMillis must be a whole number, not '" + v + "'", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // The core gave up on this call (time budget): stop at once and keep the flag for the caller.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("test-faulty: interrupted while sleeping (mode=slow)", e);
        }
    }

    private static TriageDecision answer(String how) {
        return new TriageDecision("TEST_OK", Route.LOCAL_TEAM, "test-faulty answered " + how + ".", List.of(), false);
    }
}
