package nl.proeftuin.plugins.procurement.ijw.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.care.CareFinder;
import nl.proeftuin.core.api.care.CareRequestInput;
import nl.proeftuin.core.api.care.CareRequestView;
import nl.proeftuin.core.api.care.MaatwerkInput;
import nl.proeftuin.core.api.care.MaatwerkView;
import nl.proeftuin.core.api.care.OfferList;
import nl.proeftuin.core.api.care.OfferRequest;
import nl.proeftuin.plugins.procurement.ijw.testing.ServletCall;
import nl.proeftuin.plugins.testkit.PluginTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The iJw plugin inside OSGi with the real core, used through the core's {@link CareFinder}: a care
 * request goes out as a JW315 (written to the outbox), the municipality's JW301 comes in through the
 * plugin's whiteboard servlet ({@code /ijw/v1/jw301}, bearer token from a secrets file) and shows up
 * as the allocation of the request; then the plugin is swapped out (the core still answers, with
 * its fallback) and back in.
 */
@ExtendWith(BundleContextExtension.class)
class IjwMessagesIT {

    static final String PLUGIN_ID = "procurement-ijw";
    static final String PLUGIN_BUNDLE = "nl.proeftuin.plugins.procurement.ijw";
    static final String SERVLET_PID = "nl.proeftuin.plugins.procurement.ijw.internal.Jw301Servlet";
    static final String TOKEN_NAME = "ijw.it.token";
    static final String DESTINATION_FACTORY_PID = "nl.proeftuin.plugins.procurement.ijw.internal.IjwDestination";
    static final Map<String, String> BINDING = Map.of("destination", "it-outbox");

    @InjectBundleContext
    static BundleContext context;

    static PluginTestKit kit;
    static ServiceTracker<CareFinder, CareFinder> careFinder;
    static Path outbox;
    static Path secrets;

    @BeforeAll
    static void bootCore() throws Exception {
        kit = PluginTestKit.boot(context);
        careFinder = new ServiceTracker<>(context, CareFinder.class, null);
        careFinder.open();
        outbox = Files.createTempDirectory("ijw-outbox");
        secrets = Files.createTempFile("proeftuin-secrets", ".properties");
        Files.writeString(secrets, TOKEN_NAME + "=it-secret\n");
        ServiceReference<ConfigurationAdmin> cmRef = context.getServiceReference(ConfigurationAdmin.class);
        Configuration servletConfig = context.getService(cmRef).getConfiguration(SERVLET_PID, "?");
        servletConfig.update(new java.util.Hashtable<>(Map.of("tokenName", TOKEN_NAME,
                "secretsFile", secrets.toString())));
        // the administrator's destination: the outbox directory, by name
        Configuration destination = context.getService(cmRef).getFactoryConfiguration(DESTINATION_FACTORY_PID,
                "it_outbox", "?");
        destination.update(new java.util.Hashtable<>(Map.of("name", "it-outbox", "outboxDirectory", outbox.toString())));
    }

    /** Waits until SCR has activated the destination of the administrator's configuration. */
    static void awaitDestination() throws Exception {
        long deadline = System.currentTimeMillis() + PluginTestKit.DEFAULT_TIMEOUT.toMillis();
        while (context.getServiceReferences(DESTINATION_FACTORY_PID, "(name=it-outbox)") == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no IjwDestination service it-outbox");
            }
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopCore() throws Exception {
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
        awaitDestination();
    }

    static CareFinder finder() throws InterruptedException {
        CareFinder f = careFinder.waitForService(PluginTestKit.DEFAULT_TIMEOUT.toMillis());
        assertNotNull(f, "the core registers no CareFinder service");
        return f;
    }

    /** A case in Ede about a child whose BSN is known (iJw needs it). */
    static String[] caseWithBsn() {
        Person child = kit.family().createPerson(PluginTestKit.ACTOR,
                new PersonInput("Sam", "Jansen", nl.proeftuin.core.api.DutchDay.today().minusYears(9), nextBsn()));
        String caseId = kit.cases().open(PluginTestKit.ACTOR, new SignalInput(SignalKind.SIGNAL, SignalSource.SCHOOL,
                "iJw plugin test", nl.proeftuin.core.api.DutchDay.today(), "Ede",
                List.of(new CaseMemberInput(child.id(), Set.of(FamilyRole.CHILD))))).id();
        return new String[] {caseId, child.id()};
    }

    static final java.util.concurrent.atomic.AtomicLong BSN = new java.util.concurrent.atomic.AtomicLong(
            100_000_000L + (System.nanoTime() & 0xFFFFFL) * 100);

    /** A fresh BSN that passes the eleven test (the core records one person per BSN). */
    static String nextBsn() {
        while (true) {
            String b = Long.toString(BSN.incrementAndGet());
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (b.charAt(i) - '0');
            }
            sum -= b.charAt(8) - '0';
            if (sum != 0 && sum % 11 == 0) {
                return b;
            }
        }
    }

    /** The plugin's JW301 servlet, as the HTTP Whiteboard sees it. */
    static Servlet jw301Servlet() throws Exception {
        long deadline = System.currentTimeMillis() + PluginTestKit.DEFAULT_TIMEOUT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Collection<ServiceReference<Servlet>> refs = context.getServiceReferences(Servlet.class,
                    "(osgi.http.whiteboard.servlet.pattern=/ijw/v1/jw301)");
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no whiteboard servlet for /ijw/v1/jw301 (is a ProcurementInbox registered?)");
    }

    static String jw301(String reference) {
        return """
            <jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema"
                           xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
              <jw301:Header><jw301:BerichtCode>436</jw301:BerichtCode><jw301:BerichtVersie>3</jw301:BerichtVersie>
                <jw301:BerichtSubversie>2</jw301:BerichtSubversie><jw301:Afzender>0228</jw301:Afzender>
                <jw301:Ontvanger>98000021</jw301:Ontvanger>
                <jw301:BerichtIdentificatie><ijw:Identificatie>EDE1</ijw:Identificatie><ijw:Dagtekening>2026-03-05</ijw:Dagtekening></jw301:BerichtIdentificatie>
                <jw301:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw301:XsdVersie>
              </jw301:Header>
              <jw301:Client><jw301:Bsn>123456782</jw301:Bsn><jw301:Geboortedatum><ijw:Datum>2017-01-01</ijw:Datum></jw301:Geboortedatum>
                <jw301:Geslacht>0</jw301:Geslacht><jw301:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam></jw301:Naam>
                <jw301:Contactgegevens><jw301:Contact><ijw:Soort>01</ijw:Soort></jw301:Contact></jw301:Contactgegevens>
                <jw301:ToegewezenProducten><jw301:ToegewezenProduct>
                  <jw301:ToewijzingNummer>7009999</jw301:ToewijzingNummer><jw301:ReferentieAanbieder>%s</jw301:ReferentieAanbieder>
                  <jw301:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A10</ijw:Code></jw301:Product>
                  <jw301:Toewijzingsdatum>2026-03-05</jw301:Toewijzingsdatum><jw301:Toewijzingstijd>10:00:00</jw301:Toewijzingstijd>
                  <jw301:Ingangsdatum>%s</jw301:Ingangsdatum>
                </jw301:ToegewezenProduct></jw301:ToegewezenProducten>
              </jw301:Client>
            </jw301:Bericht>
            """.formatted(reference, nl.proeftuin.core.api.DutchDay.today().plusDays(14));
    }

    @Test
    void aCareRequestGoesOutAsJw315AndTheJw301ComesBackAsItsAllocation() throws Exception {
        kit.bind(ExtensionPoint.PROCUREMENT, "Ede", PLUGIN_ID, BINDING);
        String[] c = caseWithBsn();

        CareRequestView sent = finder().requestCare(PluginTestKit.ACTOR, c[0], new CareRequestInput(c[1], "98000021",
                "45", "45A10", nl.proeftuin.core.api.DutchDay.today().plusDays(14), 3, "04", "2", "Ambulant parenting support"));
        assertEquals("SUBMITTED", sent.state(), sent.detail());
        assertEquals(PLUGIN_ID, sent.pluginId());
        try (var files = Files.list(outbox)) {
            String jw315 = Files.readString(files.filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow());
            assertTrue(jw315.contains("<jw315:ReferentieAanbieder>" + sent.id() + "</jw315:ReferentieAanbieder>"), jw315);
            assertTrue(jw315.contains("<jw315:Ontvanger>0228</jw315:Ontvanger>"), jw315);
        }

        Servlet servlet = jw301Servlet();
        assertEquals(401, ServletCall.post(servlet, "application/xml", "Bearer wrong", jw301(sent.id())).status());
        assertEquals(400, ServletCall.post(servlet, "application/xml", "Bearer it-secret", "<nope").status());
        ServletCall.Answer answer = ServletCall.post(servlet, "application/xml", "Bearer it-secret", jw301(sent.id()));
        assertEquals(202, answer.status(), answer.body());

        CareRequestView allocated = finder().careRequests(c[0]).stream().filter(r -> r.id().equals(sent.id()))
                .findFirst().orElseThrow();
        assertNotNull(allocated.allocation(), "allocation recorded: " + allocated);
        assertEquals("7009999", allocated.allocation().allocationRef());
        assertEquals("ALLOCATED", allocated.state());

        ServletCall.Answer unknown = ServletCall.post(servlet, "application/xml", "Bearer it-secret",
                jw301("no-such-request"));
        assertEquals(422, unknown.status(), unknown.body());

        // every JW301 is in the core's access log: the allocation with its case and client, and the refusals
        AccessLog log = accessLog();
        List<AccessLogEntry> entries = log.query(new AccessLogQuery(null, null, "system:" + PLUGIN_ID, null, null,
                null, null, null, 1000));
        assertTrue(entries.stream().anyMatch(e -> AccessEvent.SUCCESS.equals(e.outcome()) && c[0].equals(e.caseId())
                && e.personIds().contains(c[1]) && "7009999".equals(e.requestId())), entries::toString);
        assertTrue(entries.stream().anyMatch(e -> AccessEvent.DENIED.equals(e.outcome()) && e.detail().contains("401")),
                entries::toString);
        assertTrue(entries.stream().anyMatch(e -> AccessEvent.FAILURE.equals(e.outcome())
                && e.detail().contains("no-such-request")), entries::toString);
    }

    @Test
    void aBindingCarryingADirectoryOrAUrlIsRefused() {
        for (Map<String, String> bad : List.of(Map.of("endpoint.url", "http://127.0.0.1:9/"),
                Map.of("outbox.directory", "/tmp"), Map.of("endpoint.url", "http://169.254.169.254/"),
                Map.of("destination", "not-configured"))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> kit.bind(ExtensionPoint.PROCUREMENT, "Renkum", PLUGIN_ID, bad), bad::toString);
            assertTrue(refused.field().startsWith("configuration."), refused.field());
        }
    }

    static AccessLog accessLog() throws InterruptedException {
        ServiceTracker<AccessLog, AccessLog> tracker = new ServiceTracker<>(context, AccessLog.class, null);
        tracker.open();
        try {
            AccessLog log = tracker.waitForService(PluginTestKit.DEFAULT_TIMEOUT.toMillis());
            assertNotNull(log, "the core's access log runs in the test framework");
            return log;
        } finally {
            tracker.close();
        }
    }

    @Test
    void invalidRequestDataIsRejectedWithTheReason() throws Exception {
        kit.bind(ExtensionPoint.PROCUREMENT, "Ede", PLUGIN_ID, BINDING);
        String[] c = caseWithBsn();
        CareRequestView rejected = finder().requestCare(PluginTestKit.ACTOR, c[0], new CareRequestInput(c[1],
                "9800002", "45", "45A10", nl.proeftuin.core.api.DutchDay.today().plusDays(14), null, null, null, "Ambulant support"));
        assertEquals("REJECTED", rejected.state());
        assertTrue(rejected.detail().contains("8-digit AGB code"), rejected.detail());
    }

    @Test
    void maatwerkGetsADeadlineAndTheCoreStillServesWhenThePluginIsGone() throws Exception {
        kit.bind(ExtensionPoint.PROCUREMENT, "Ede", PLUGIN_ID, BINDING);
        String[] c = caseWithBsn();
        MaatwerkView m = finder().requestMaatwerk(PluginTestKit.ACTOR, c[0],
                new MaatwerkInput(c[1], "Praktijk Buiten de Regio", "Trauma expertise"));
        assertEquals("SUBMITTED", m.state());
        assertNotNull(m.deadline());
        assertFalse(m.deadline().isAfter(nl.proeftuin.core.api.DutchDay.today().plusDays(56)));

        OfferRequest offers = new OfferRequest(c[1], LifeDomain.PARENTING, "45", null);
        OfferList bound = finder().offers(c[0], offers);
        assertFalse(bound.fallback(), () -> "fallback: " + bound.fallbackReason());
        assertEquals(PLUGIN_ID, bound.provenance().pluginId());

        kit.stopBundle(PLUGIN_BUNDLE);
        try {
            kit.awaitPluginGone(ExtensionPoint.PROCUREMENT, PLUGIN_ID);
            assertTrue(finder().offers(c[0], offers).fallback(), "the core answers with its fallback");
            CareRequestView without = finder().requestCare(PluginTestKit.ACTOR, c[0], new CareRequestInput(c[1],
                    "98000021", "45", null, nl.proeftuin.core.api.DutchDay.today().plusDays(7), null, null, null, "Support"));
            assertEquals("FALLBACK", without.state());
        } finally {
            kit.startBundle(PLUGIN_BUNDLE);
        }
        kit.awaitPlugin(ExtensionPoint.PROCUREMENT, PLUGIN_ID);
        assertFalse(finder().offers(c[0], offers).fallback());
    }

    @Test
    void theDeclaredConfigurationIsListedAndAMisspeltKeyIsRefusedAtBindTime() {
        nl.proeftuin.core.api.plugins.PluginInfo info = kit.runtime().plugins().stream()
                .filter(p -> PLUGIN_ID.equals(p.pluginId())).findFirst().orElseThrow();
        assertNotNull(info.configuration(), "the connector declares its configuration");
        assertEquals(List.of("destination", "maatwerk.decisionDays", "municipalityCodes", "referrer.name", "referrer.type"),
                info.configuration().keys().stream().map(k -> k.key()).sorted().toList());

        for (Map<String, String> bad : List.of(Map.of("destinaton", "outbox"), Map.of("maatwerk.decisionDays", "400"),
                Map.of("municipalityCode.Zeist", "0355"))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> kit.bind(ExtensionPoint.PROCUREMENT, "Scherpenzeel", PLUGIN_ID, bad), bad::toString);
            assertEquals("configuration." + bad.keySet().iterator().next(), refused.field());
        }
        assertEquals(null, kit.runtime().effectiveBinding(ExtensionPoint.PROCUREMENT, "Scherpenzeel"),
                "nothing was stored");
    }
}
