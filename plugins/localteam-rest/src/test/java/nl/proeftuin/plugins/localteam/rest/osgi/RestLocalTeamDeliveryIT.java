package nl.proeftuin.plugins.localteam.rest.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.localteam.LocalTeamExchange;
import nl.proeftuin.core.api.localteam.OutboxEntry;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.localteam.RetryInput;
import nl.proeftuin.plugins.testkit.PluginTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * localteam-rest inside OSGi with the real core (Felix, SCR, Config Admin, H2 in memory): the core's
 * durable outbox ({@link LocalTeamExchange}) delivers a case's events through this plugin to a
 * municipality's system on loopback; while the system is down the event stays pending and arrives
 * exactly once when it is back; with the plugin stopped the core still opens cases and the events
 * wait until it is back. The plugin is reached only through the core and its documented
 * configuration (the factory PID of a municipality endpoint).
 */
@ExtendWith(BundleContextExtension.class)
class RestLocalTeamDeliveryIT {

    static final String PLUGIN_ID = "localteam-rest";
    static final String PLUGIN_BUNDLE = "nl.proeftuin.plugins.localteam.rest";
    static final String ENDPOINT_FACTORY_PID = "nl.proeftuin.plugins.localteam.rest.internal.MunicipalityEndpoint";
    static final String SECRET = "it-secret-4711";

    @InjectBundleContext
    static BundleContext context;

    static PluginTestKit kit;
    static ServiceTracker<LocalTeamExchange, LocalTeamExchange> exchange;
    static ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configAdmin;

    LoopbackLocalTeamSystem system;
    Configuration endpoint;

    @BeforeAll
    static void bootCore() throws Exception {
        kit = PluginTestKit.boot(context);
        exchange = new ServiceTracker<>(context, LocalTeamExchange.class, null);
        exchange.open();
        configAdmin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        configAdmin.open();
    }

    @AfterAll
    static void stopCore() {
        if (exchange != null) {
            exchange.close();
            configAdmin.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    @BeforeEach
    void pluginPresent() throws Exception {
        kit.awaitPlugin(ExtensionPoint.LOCAL_TEAM, PLUGIN_ID);
        system = new LoopbackLocalTeamSystem();
    }

    @AfterEach
    void cleanUp() throws Exception {
        system.close();
        if (endpoint != null) {
            endpoint.delete();
        }
    }

    @Test
    void thePluginRuntimeFindsThePlugin() throws Exception {
        PluginInfo info = kit.awaitPlugin(ExtensionPoint.LOCAL_TEAM, PLUGIN_ID);
        assertEquals(PLUGIN_BUNDLE, info.bundle());
    }

    @Test
    void eventsAreDeliveredAndSurviveTheSystemBeingDownExactlyOnce() throws Exception {
        String municipality = "Druten";
        configure(municipality);
        kit.bind(ExtensionPoint.LOCAL_TEAM, municipality, PLUGIN_ID, Map.of());

        // up: the case's CASE_OPENED event is delivered, with its key and the resolved secret
        String first = kit.openCase(municipality);
        OutboxEntry delivered = deliverUntilDelivered(first);
        assertEquals(PLUGIN_ID, delivered.pluginId());
        assertEquals("LT-" + delivered.idempotencyKey(), delivered.remoteRef());
        assertEquals(List.of(delivered.idempotencyKey()), system.posts);
        assertEquals("Bearer " + SECRET, system.authorizations.get(delivered.idempotencyKey()));

        // down: the attempt fails, the entry stays pending with the attempt counted
        system.stop();
        String second = kit.openCase(municipality);
        long deadline = System.nanoTime() + PluginTestKit.DEFAULT_TIMEOUT.toNanos();
        while (caseOpened(second).attempts() == 0 && System.nanoTime() < deadline) {
            exchange().deliverDue();
            Thread.sleep(50);
        }
        OutboxEntry pending = caseOpened(second);
        assertEquals("PENDING", pending.status(), () -> "entry: " + pending);
        assertTrue(pending.attempts() > 0, () -> "an attempt was made: " + pending);
        assertNotNull(pending.lastDetail(), "the failed attempt is explained");
        assertEquals(1, system.posts.size());

        // back on the same port: delivered, exactly once; the first event is not sent again
        system.restart();
        OutboxEntry after = deliverUntilDelivered(second);
        assertEquals("LT-" + after.idempotencyKey(), after.remoteRef());
        exchange().deliverDue();
        assertEquals(2, system.distinctKeys());
        assertEquals(2, system.posts.size(), () -> "posts: " + system.posts);
    }

    @Test
    void withThePluginSwappedOutTheCoreStillOpensCasesAndTheEventsWait() throws Exception {
        String municipality = "Druten";
        configure(municipality);
        kit.bind(ExtensionPoint.LOCAL_TEAM, municipality, PLUGIN_ID, Map.of());
        deliverUntilDelivered(kit.openCase(municipality));
        assertEquals(1, system.posts.size());

        kit.stopBundle(PLUGIN_BUNDLE);
        try {
            kit.awaitPluginGone(ExtensionPoint.LOCAL_TEAM, PLUGIN_ID);
            String caseId = kit.openCase(municipality);
            assertNotNull(kit.cases().get(caseId), "the core still serves without the plugin");
            exchange().deliverDue();
            OutboxEntry waiting = caseOpened(caseId);
            assertTrue(Set.of("WAITING", "PENDING").contains(waiting.status()), () -> "entry: " + waiting);
            assertEquals(1, system.posts.size(), "nothing is sent without the plugin");

            kit.startBundle(PLUGIN_BUNDLE);
            kit.awaitPlugin(ExtensionPoint.LOCAL_TEAM, PLUGIN_ID);
            awaitEndpoint(municipality);
            OutboxEntry delivered = deliverUntilDelivered(caseId);
            assertEquals(PLUGIN_ID, delivered.pluginId());
            assertEquals(2, system.posts.size(), () -> "posts: " + system.posts);
            assertEquals(2, system.distinctKeys());
        } finally {
            if (kit.bundle(PLUGIN_BUNDLE).getState() != org.osgi.framework.Bundle.ACTIVE) {
                kit.startBundle(PLUGIN_BUNDLE);
            }
        }
    }

    @Test
    void aBindingCarryingAnEndpointOrASecretIsRefusedAndNothingIsSent() throws Exception {
        String municipality = "Beuningen";
        configure(municipality);
        try (LoopbackLocalTeamSystem theirs = new LoopbackLocalTeamSystem()) {
            for (Map<String, String> configuration : List.of(
                    Map.of("baseUrl", theirs.baseUrl(), "credentialsReference", "it.localteam.inbound"),
                    Map.of("credentialsReference", "HOME"),
                    Map.of("baseUrl", "file:///etc/passwd"),
                    Map.of("baseUrl", "http://169.254.169.254/"),
                    Map.of("endpoint", "no-such-endpoint"))) {
                InvalidInputException refused = assertThrows(InvalidInputException.class,
                        () -> kit.bind(ExtensionPoint.LOCAL_TEAM, municipality, PLUGIN_ID, configuration),
                        configuration::toString);
                assertTrue(refused.field().startsWith("configuration."), refused.field());
            }
            assertEquals(null, kit.runtime().effectiveBinding(ExtensionPoint.LOCAL_TEAM, municipality),
                    "no binding was stored");
            kit.bind(ExtensionPoint.LOCAL_TEAM, municipality, PLUGIN_ID,
                    Map.of("endpoint", "it_" + municipality.toLowerCase()));
            deliverUntilDelivered(kit.openCase(municipality));
            assertEquals(1, system.posts.size(), "the administrator's endpoint got the event");
            assertTrue(theirs.posts.isEmpty(), "the coordinator's listener got nothing");
        }
    }

    @Test
    void theDeclaredConfigurationIsListedAndAMisspeltKeyIsRefusedAtBindTime() {
        PluginInfo info = kit.runtime().plugins().stream().filter(p -> PLUGIN_ID.equals(p.pluginId())).findFirst()
                .orElseThrow();
        assertNotNull(info.configuration(), "the connector declares its binding configuration");
        assertEquals(List.of("endpoint"), info.configuration().keys().stream().map(k -> k.key()).toList());

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> kit.bind(ExtensionPoint.LOCAL_TEAM, "Nijkerk", PLUGIN_ID, Map.of("endpont", "it_wijchen")));
        assertEquals("configuration.endpont", refused.field());
        assertEquals(null, kit.runtime().effectiveBinding(ExtensionPoint.LOCAL_TEAM, "Nijkerk"), "nothing was stored");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The municipality's endpoint as an operator configures it: factory configuration, secret by name. */
    void configure(String municipality) throws Exception {
        Path secrets = Files.createTempFile("proeftuin-credentials", ".properties");
        Files.writeString(secrets, "it.localteam.token=" + SECRET + "\nit.localteam.inbound=inbound-secret\n");
        ConfigurationAdmin cm = configAdmin.waitForService(PluginTestKit.DEFAULT_TIMEOUT.toMillis());
        endpoint = cm.getFactoryConfiguration(ENDPOINT_FACTORY_PID, "it_" + municipality.toLowerCase(), "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("municipality", municipality);
        props.put("name", "it_" + municipality.toLowerCase());
        props.put("baseUrl", system.baseUrl());
        props.put("allowHttpLoopback", true); // the test's system runs on loopback over http
        props.put("credentialsReference", "it.localteam.token");
        props.put("inboundCredentialsReference", "it.localteam.inbound");
        props.put("credentialsFile", secrets.toString());
        props.put("requestTimeoutMillis", 3000);
        endpoint.update(props);
        awaitEndpoint(municipality);
    }

    /** Waits until SCR has activated the endpoint component of that configuration. */
    static void awaitEndpoint(String municipality) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + PluginTestKit.DEFAULT_TIMEOUT.toNanos();
        while (context.getServiceReferences(ENDPOINT_FACTORY_PID, "(municipality=" + municipality + ")") == null) {
            if (System.nanoTime() > deadline) {
                fail("no MunicipalityEndpoint service for " + municipality);
            }
            Thread.sleep(20);
        }
    }

    static LocalTeamExchange exchange() throws InterruptedException {
        LocalTeamExchange service = exchange.waitForService(PluginTestKit.DEFAULT_TIMEOUT.toMillis());
        if (service == null) {
            fail("the core registers no LocalTeamExchange (nl.proeftuin.core.api.localteam): the outbox is not there");
        }
        return service;
    }

    static OutboxEntry caseOpened(String caseId) throws InterruptedException {
        List<OutboxEntry> entries = exchange().outbox(null, caseId, 20);
        return entries.stream().filter(e -> "CASE_OPENED".equals(e.type())).findFirst()
                .orElseThrow(() -> new AssertionError("no CASE_OPENED in the outbox for " + caseId + ": " + entries));
    }

    /**
     * Runs delivery rounds until the case's CASE_OPENED entry is delivered. An entry that waits for a
     * later attempt (back-off) or for a connector is put back for delivery now, as a coordinator would.
     */
    static OutboxEntry deliverUntilDelivered(String caseId) throws InterruptedException {
        long deadline = System.nanoTime() + PluginTestKit.DEFAULT_TIMEOUT.toNanos();
        while (true) {
            exchange().deliverDue();
            OutboxEntry entry = caseOpened(caseId);
            if ("DELIVERED".equals(entry.status())) {
                assertNotNull(entry.deliveredAt());
                return entry;
            }
            if (System.nanoTime() > deadline) {
                fail("not delivered: " + entry);
            }
            if ("WAITING".equals(entry.status()) || entry.nextAttemptAt() != null
                    && entry.nextAttemptAt().isAfter(Instant.now().plusMillis(200))) {
                try {
                    exchange().retry(PluginTestKit.ACTOR, entry.id(), new RetryInput("plugin test: deliver now"));
                } catch (RuntimeException notNow) {
                    // the engine keeps its back-off for this entry: wait for the next round
                }
            }
            Thread.sleep(100);
        }
    }
}
