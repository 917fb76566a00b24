package nl.proeftuin.plugins.localteam.file.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.CaseView;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * localteam-file inside OSGi with the real core: a CSV file dropped in a municipality's inbox/ opens
 * cases through the core's LocalTeamInbox and gets a report naming every bad row; the core's outbox
 * exports a case's events into outbox/ through this plugin; with the plugin stopped the core still
 * opens cases, the events wait, and they are exported once it is back. Only the plugin's public face
 * is used: its id, its bundle and its documented factory configuration.
 */
@ExtendWith(BundleContextExtension.class)
class CsvLocalTeamExchangeIT {

    static final String PLUGIN_ID = "localteam-file";
    static final String PLUGIN_BUNDLE = "nl.proeftuin.plugins.localteam.file";
    static final String DIRECTORY_FACTORY_PID = "nl.proeftuin.plugins.localteam.file.internal.CsvExchangeDirectory";
    static final String HEADER = "idempotencyKey,externalRef,receivedOn,description,givenName,familyName,dateOfBirth,nationalId,roles\n";

    @InjectBundleContext
    static BundleContext context;

    static PluginTestKit kit;
    static ServiceTracker<LocalTeamExchange, LocalTeamExchange> exchange;
    static ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configAdmin;

    Path directory;
    Configuration configuration;

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
        directory = Files.createTempDirectory("localteam-file-it");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (configuration != null) {
            configuration.delete();
        }
    }

    @Test
    void theDeclaredConfigurationIsListedAndAMisspeltKeyOrADirectoryIsRefusedAtBindTime() {
        PluginInfo info = kit.runtime().plugins().stream().filter(p -> PLUGIN_ID.equals(p.pluginId())).findFirst()
                .orElseThrow();
        assertNotNull(info.configuration(), "the connector declares its binding configuration");
        assertEquals(List.of("municipality"), info.configuration().keys().stream().map(k -> k.key()).toList());

        for (String key : List.of("municipalty", "directory")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> kit.bind(ExtensionPoint.LOCAL_TEAM, "Veenendaal", PLUGIN_ID, Map.of(key, "/tmp")));
            assertEquals("configuration." + key, refused.field());
        }
        // Veenendaal's binding cannot send its events to another municipality's exchange directory
        InvalidInputException other = assertThrows(InvalidInputException.class,
                () -> kit.bind(ExtensionPoint.LOCAL_TEAM, "Veenendaal", PLUGIN_ID, Map.of("municipality", "Ede")));
        assertEquals("configuration.municipality", other.field());
        assertEquals(null, kit.runtime().effectiveBinding(ExtensionPoint.LOCAL_TEAM, "Veenendaal"), "nothing was stored");
    }

    @Test
    void thePluginRuntimeFindsThePlugin() throws Exception {
        PluginInfo info = kit.awaitPlugin(ExtensionPoint.LOCAL_TEAM, PLUGIN_ID);
        assertEquals(PLUGIN_BUNDLE, info.bundle());
    }

    @Test
    void aDroppedFileOpensCasesAndItsReportNamesEveryBadRow() throws Exception {
        configure("Ede");
        String csv = HEADER
                + "ede-1,Z-1,2026-11-20,\"Zorgen, thuis\",Sam,Jansen,2016-04-01,,CHILD\n"
                + "ede-1,Z-1,2026-11-20,\"Zorgen, thuis\",Eva,Jansen,1988-02-11,,PARENT|VICTIM\n"
                + "ede-2,,2026-11-31,Bad date,Tom,Bakker,2015-01-01,,CHILD\n"
                + "ede-3,,2026-11-21,Missing name,,Visser,2014-01-01,,CHILD\n";
        // as a sender should: write under a hidden name, then rename into place
        Path tmp = Files.writeString(directory.resolve("inbox/.week47.csv.part"), csv);
        Files.move(tmp, directory.resolve("inbox/week47.csv"), StandardCopyOption.ATOMIC_MOVE);

        Path report = directory.resolve("processed/week47.report.csv");
        await(() -> Files.exists(report) && Files.exists(directory.resolve("processed/week47.csv")),
                "the import's report in processed/");
        List<String> lines = Files.readAllLines(report);
        assertEquals("line,idempotencyKey,outcome,caseId,field,reason", lines.get(0));
        assertTrue(lines.get(1).startsWith("2,ede-1,IMPORTED,"), lines.toString());
        assertTrue(lines.get(2).startsWith("4,ede-2,REJECTED,,receivedOn,"), lines.toString());
        assertEquals("5,ede-3,REJECTED,,givenName,is required", lines.get(3));
        assertEquals(4, lines.size(), lines.toString());

        String caseId = lines.get(1).split(",")[3];
        CaseView opened = kit.cases().get(caseId);
        assertNotNull(opened);
        assertEquals("Ede", opened.municipality());
        // the status file says DONE once the file and its report are in place
        await(() -> Files.readString(directory.resolve("import-status.json")).contains("\"DONE\""),
                "import-status.json to say DONE");
    }

    @Test
    void aLinkInTheInboxIsRefusedWithoutReadingItAndTheNextFileIsImported() throws Exception {
        configure("Wageningen");
        // a file only the platform may read, linked into the inbox by the local team
        Path secret = Files.writeString(Files.createTempDirectory("platform-etc").resolve("proeftuin-access-log.key"),
                "c2VjcmV0LWtleQ==\n");
        Files.createSymbolicLink(directory.resolve("inbox/a-link.csv"), secret);
        Path tmp = Files.writeString(directory.resolve("inbox/.b-good.csv.part"),
                HEADER + "wag-1,,2026-11-20,Zorgen,Sam,Jansen,2016-04-01,,CHILD\n");
        Files.move(tmp, directory.resolve("inbox/b-good.csv"), StandardCopyOption.ATOMIC_MOVE);

        Path refused = directory.resolve("failed/a-link.report.csv");
        await(() -> Files.exists(refused) && Files.exists(directory.resolve("processed/b-good.report.csv")),
                "the link refused to failed/ and the next file imported");
        String report = Files.readString(refused);
        assertTrue(report.contains("symbolic link"), report);
        assertTrue(!report.contains("c2VjcmV0"), report);
        assertTrue(Files.readString(directory.resolve("processed/b-good.report.csv")).contains("wag-1,IMPORTED"));
    }

    @Test
    void eventsAreExportedOnceAndWaitWhileThePluginIsSwappedOut() throws Exception {
        configure("Renswoude");
        kit.bind(ExtensionPoint.LOCAL_TEAM, "Renswoude", PLUGIN_ID, Map.of());
        String first = kit.openCase("Renswoude");
        OutboxEntry delivered = deliverUntilDelivered(first);
        assertEquals(PLUGIN_ID, delivered.pluginId());
        Path exported = directory.resolve("outbox").resolve(delivered.remoteRef());
        assertTrue(Files.readString(exported).contains(first), "the export names the case");
        assertEquals(1, outboxFiles());

        kit.stopBundle(PLUGIN_BUNDLE);
        try {
            kit.awaitPluginGone(ExtensionPoint.LOCAL_TEAM, PLUGIN_ID);
            String second = kit.openCase("Renswoude");
            assertNotNull(kit.cases().get(second), "the core still serves without the plugin");
            exchange().deliverDue();
            OutboxEntry waiting = caseOpened(second);
            assertTrue(Set.of("WAITING", "PENDING").contains(waiting.status()), () -> "entry: " + waiting);
            assertEquals(1, outboxFiles(), "nothing is exported without the plugin");

            kit.startBundle(PLUGIN_BUNDLE);
            kit.awaitPlugin(ExtensionPoint.LOCAL_TEAM, PLUGIN_ID);
            await(() -> context.getServiceReferences(DIRECTORY_FACTORY_PID, "(municipality=Renswoude)") != null,
                    "the exchange directory back");
            deliverUntilDelivered(second);
            exchange().deliverDue();
            assertEquals(2, outboxFiles(), "each event exported once");
        } finally {
            if (kit.bundle(PLUGIN_BUNDLE).getState() != Bundle.ACTIVE) {
                kit.startBundle(PLUGIN_BUNDLE);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    void configure(String municipality) throws Exception {
        ConfigurationAdmin cm = configAdmin.waitForService(PluginTestKit.DEFAULT_TIMEOUT.toMillis());
        configuration = cm.getFactoryConfiguration(DIRECTORY_FACTORY_PID, "it_" + municipality.toLowerCase(), "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("municipality", municipality);
        props.put("directory", directory.toString());
        props.put("pollIntervalSeconds", 1);
        props.put("settleSeconds", 0);
        configuration.update(props);
        await(() -> context.getServiceReferences(DIRECTORY_FACTORY_PID, "(municipality=" + municipality + ")") != null,
                "the exchange directory of " + municipality);
        await(() -> Files.isDirectory(directory.resolve("inbox")), "inbox/ created by the plugin");
    }

    long outboxFiles() throws Exception {
        try (var files = Files.list(directory.resolve("outbox"))) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + PluginTestKit.DEFAULT_TIMEOUT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
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

    /** Delivery rounds until delivered; an entry waiting for back-off or a connector is put back for now. */
    static OutboxEntry deliverUntilDelivered(String caseId) throws InterruptedException {
        long deadline = System.nanoTime() + PluginTestKit.DEFAULT_TIMEOUT.toNanos();
        while (true) {
            exchange().deliverDue();
            OutboxEntry entry = caseOpened(caseId);
            if ("DELIVERED".equals(entry.status())) {
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
