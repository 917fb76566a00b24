package nl.proeftuin.plugins.procurement.contracts.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Offer;
import nl.proeftuin.core.spi.Urgency;
import nl.proeftuin.core.api.care.CareFinder;
import nl.proeftuin.core.api.care.CareRequestInput;
import nl.proeftuin.core.api.care.CareRequestView;
import nl.proeftuin.core.api.care.MaatwerkInput;
import nl.proeftuin.core.api.care.MaatwerkView;
import nl.proeftuin.core.api.care.OfferList;
import nl.proeftuin.core.api.care.OfferRequest;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.plugins.testkit.PluginTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The contract register plugin inside OSGi with the real core (Felix, SCR, Config Admin, H2 in
 * memory), used only through the core's {@link CareFinder}: bound for a municipality, offers sorted
 * by waiting time from the register shipped in the bundle, maatwerk with a decision deadline, and
 * swapped out (bundle stopped: the core still answers, with its fallback) and back in.
 */
@ExtendWith(BundleContextExtension.class)
class ContractRegisterIT {

    static final String PLUGIN_ID = "procurement-contracts";
    static final String PLUGIN_BUNDLE = "nl.proeftuin.plugins.procurement.contracts";

    @InjectBundleContext
    static BundleContext context;

    static PluginTestKit kit;
    static ServiceTracker<CareFinder, CareFinder> careFinder;

    @BeforeAll
    static void bootCore() throws Exception {
        kit = PluginTestKit.boot(context);
        careFinder = new ServiceTracker<>(context, CareFinder.class, null);
        careFinder.open();
    }

    @AfterAll
    static void stopCore() {
        if (careFinder != null) {
            careFinder.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    @BeforeEach
    void pluginPresent() throws Exception {
        kit.awaitPlugin(ExtensionPoint.PROCUREMENT, PLUGIN_ID);
    }

    static CareFinder finder() throws InterruptedException {
        CareFinder f = careFinder.waitForService(PluginTestKit.DEFAULT_TIMEOUT.toMillis());
        assertNotNull(f, "the core registers no CareFinder service");
        return f;
    }

    static String child(String caseId) {
        return kit.cases().get(caseId).members().get(0).person().id();
    }

    @Test
    void thePluginRuntimeFindsThePlugin() throws Exception {
        PluginInfo info = kit.awaitPlugin(ExtensionPoint.PROCUREMENT, PLUGIN_ID);
        assertEquals(PLUGIN_BUNDLE, info.bundle());
    }

    @Test
    void offersComeFromTheRegisterShortestWaitFirstAndTheCoreStillServesWhenThePluginIsGone() throws Exception {
        kit.bind(ExtensionPoint.PROCUREMENT, "Ede", PLUGIN_ID, Map.of());
        String caseId = kit.openCase("Ede");
        OfferRequest request = new OfferRequest(child(caseId), LifeDomain.PARENTING, "45", Urgency.REGULAR);

        OfferList bound = finder().offers(caseId, request);
        assertFalse(bound.fallback(), () -> "fallback: " + bound.fallbackReason());
        assertEquals(PLUGIN_ID, bound.provenance().pluginId());
        assertEquals(List.of("Ede Opvoedsteunpunt", "Jeugdhulp De Vallei"),
                bound.offers().stream().map(Offer::provider).toList());
        assertEquals(List.of(21, 35), bound.offers().stream().map(Offer::waitingDays).toList());
        assertEquals("example-2026.1", bound.offers().get(0).contractVersion());

        OfferList crisis = finder().offers(caseId, new OfferRequest(child(caseId), LifeDomain.PARENTING, "45",
                Urgency.CRISIS));
        assertTrue(crisis.offers().stream().allMatch(o -> "crisis".equals(o.priority())), crisis.offers().toString());

        // swapped out: the bundle stops, the binding stays, the core answers with its fallback
        kit.stopBundle(PLUGIN_BUNDLE);
        try {
            kit.awaitPluginGone(ExtensionPoint.PROCUREMENT, PLUGIN_ID);
            OfferList without = finder().offers(caseId, request);
            assertTrue(without.fallback(), "no plugin: the fallback answers");
            assertTrue(without.offers().isEmpty());
            assertNotNull(without.fallbackReason());
        } finally {
            kit.startBundle(PLUGIN_BUNDLE);
        }
        kit.awaitPlugin(ExtensionPoint.PROCUREMENT, PLUGIN_ID);
        OfferList back = finder().offers(caseId, request);
        assertFalse(back.fallback(), () -> "fallback after the restart: " + back.fallbackReason());
        assertEquals(2, back.offers().size());
    }

    @Test
    void maatwerkForANonContractedProviderGetsADecisionDeadline() throws Exception {
        kit.bind(ExtensionPoint.PROCUREMENT, "Wageningen", PLUGIN_ID, Map.of("maatwerk.decisionDays", "28"));
        String caseId = kit.openCase("Wageningen");

        MaatwerkView view = finder().requestMaatwerk(PluginTestKit.ACTOR, caseId,
                new MaatwerkInput(child(caseId), "Praktijk Buiten de Regio", "Trauma expertise the region lacks"));
        assertEquals("SUBMITTED", view.state());
        assertEquals(PLUGIN_ID, view.pluginId());
        assertNotNull(view.deadline());
        assertFalse(view.deadline().isAfter(nl.proeftuin.core.api.DutchDay.today().plusDays(28)), "deadline " + view.deadline());
        assertFalse(view.overdue());
        assertTrue(finder().maatwerk(caseId).stream().anyMatch(m -> m.id().equals(view.id())));

        MaatwerkView contracted = finder().requestMaatwerk(PluginTestKit.ACTOR, caseId,
                new MaatwerkInput(child(caseId), "Gezinsbegeleiding Rijn en IJssel", "Wanted this one"));
        assertEquals("REFUSED", contracted.state());
        assertTrue(contracted.detail().contains("contracted: use an offer"), contracted.detail());
    }

    @Test
    void thisConnectorSendsNoCareRequests() throws Exception {
        kit.bind(ExtensionPoint.PROCUREMENT, "Renkum", PLUGIN_ID, Map.of());
        String caseId = kit.openCase("Renkum");
        CareRequestView view = finder().requestCare(PluginTestKit.ACTOR, caseId, new CareRequestInput(child(caseId),
                "98000011", "45", "45A10", nl.proeftuin.core.api.DutchDay.today().plusDays(7), null, null, null, "Ambulant support"));
        assertEquals("UNSUPPORTED", view.state());
        assertEquals(PLUGIN_ID, view.pluginId());
    }

    @Test
    void aRegisterTheConnectorCannotReadOrAUrlIsRefusedAtBindTime() throws Exception {
        for (String location : List.of("bundle:missing.json", "http://127.0.0.1:9/register.json",
                "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> kit.bind(
                    ExtensionPoint.PROCUREMENT, "Rheden", PLUGIN_ID, Map.of("register.location", location)), location);
            assertEquals("configuration.register.location", refused.field());
            assertTrue(refused.reason().contains(location), refused.reason());
        }
        assertEquals(null, kit.runtime().effectiveBinding(ExtensionPoint.PROCUREMENT, "Rheden"), "nothing was stored");
    }

    @Test
    void theDeclaredConfigurationIsListedAndAMisspeltKeyIsRefusedAtBindTime() {
        PluginInfo info = kit.runtime().plugins().stream().filter(p -> PLUGIN_ID.equals(p.pluginId())).findFirst()
                .orElseThrow();
        assertNotNull(info.configuration(), "the plugin declares its configuration");
        assertEquals(List.of("maatwerk.decisionDays", "offers.includeFull", "register.location", "register.refreshSeconds"),
                info.configuration().keys().stream().map(k -> k.key()).sorted().toList());

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> kit.bind(
                ExtensionPoint.PROCUREMENT, "Rozendaal", PLUGIN_ID, Map.of("register.locaton", "bundle:example.json")));
        assertEquals("configuration.register.locaton", refused.field());
        refused = assertThrows(InvalidInputException.class, () -> kit.bind(
                ExtensionPoint.PROCUREMENT, "Rozendaal", PLUGIN_ID, Map.of("maatwerk.decisionDays", "400")));
        assertEquals("configuration.maatwerk.decisionDays", refused.field());
        assertEquals(null, kit.runtime().effectiveBinding(ExtensionPoint.PROCUREMENT, "Rozendaal"), "nothing was stored");
    }
}
