package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.spi.ExtensionPoint;
import org.junit.jupiter.api.Test;

/** A plugin being replaced is waited for; one uninstalled or never there is absent at once. */
class ServicePluginRegistryTest {
    private final ServicePluginRegistry registry = new ServicePluginRegistry();

    private static PluginInfo triage(long serviceId) {
        return new PluginInfo("threeway", ExtensionPoint.TRIAGE, "nl.proeftuin.plugins.triage.threeway", "1.0." + serviceId,
                serviceId);
    }

    @Test
    void aPluginReplacedWithinTheGraceIsWaitedForNotFallenBackFrom() {
        registry.add(triage(1), 0, "old");
        registry.remove(1); // bundle:update: the old service goes ...
        CompletableFuture.runAsync(() -> registry.add(triage(2), 0, "new"),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)); // ... and the new one comes
        Optional<ServicePluginRegistry.Plugin<String>> found = registry.lookup(ExtensionPoint.TRIAGE, "threeway", String.class);
        assertTrue(found.isPresent(), "the request waited for the replacement");
        assertEquals("new", found.get().service());
    }

    @Test
    void aPluginGoneForLongerThanTheGraceIsAbsentAndOneNeverThereIsAbsentAtOnce() {
        registry.graceNanos = TimeUnit.MILLISECONDS.toNanos(200);
        assertTrue(registry.lookup(ExtensionPoint.TRIAGE, "never", String.class).isEmpty());
        registry.add(triage(1), 0, "old");
        registry.remove(1);
        long begun = System.nanoTime();
        assertTrue(registry.lookup(ExtensionPoint.TRIAGE, "threeway", String.class).isEmpty(), "uninstalled");
        assertTrue(System.nanoTime() - begun >= TimeUnit.MILLISECONDS.toNanos(150), "waited for the grace first");
        begun = System.nanoTime();
        assertTrue(registry.lookup(ExtensionPoint.TRIAGE, "threeway", String.class).isEmpty());
        assertTrue(System.nanoTime() - begun < TimeUnit.MILLISECONDS.toNanos(150), "the grace is over: no wait");
    }

    @Test
    void anotherServiceOfThePluginStillPresentMeansNoGapAtAll() {
        registry.add(triage(1), 0, "one");
        registry.add(triage(2), 0, "two");
        registry.remove(1);
        assertEquals("two", registry.lookup(ExtensionPoint.TRIAGE, "threeway", String.class).orElseThrow().service());
    }

    /**
     * A second bundle registering a plugin id another bundle has, with a higher ranking, is ignored while the
     * first is there: it took every binding of the id over (its provenance named it, nothing alerted).
     */
    @Test
    void aPluginIdBelongsToTheBundleThatRegisteredItFirst() {
        registry.add(triage(1), 0, "genuine");
        registry.add(new PluginInfo("threeway", ExtensionPoint.TRIAGE, "other.bundle", "9.9.9", 2), 100, "impostor");
        assertEquals("genuine", registry.lookup(ExtensionPoint.TRIAGE, "threeway", String.class).orElseThrow().service());
        registry.add(triage(3), 5, "genuine, newer");
        assertEquals("genuine, newer", registry.lookup(ExtensionPoint.TRIAGE, "threeway", String.class).orElseThrow()
                .service(), "within the owning bundle, the framework's order");
        registry.remove(1);
        registry.remove(3);
        assertEquals("impostor", registry.lookup(ExtensionPoint.TRIAGE, "threeway", String.class).orElseThrow().service(),
                "once the owner is gone, the id is the remaining bundle's");
    }
}
