package nl.proeftuin.plugins.procurement.contracts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.MaatwerkRequest;
import nl.proeftuin.core.spi.MaatwerkStatus;
import nl.proeftuin.core.spi.Offer;
import nl.proeftuin.core.spi.OfferQuery;
import nl.proeftuin.core.spi.Urgency;
import nl.proeftuin.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractRegisterConnectorTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(T0);
    HttpServer server;

    ContractRegisterConnector connector(Path fileDirectory) {
        return new ContractRegisterConnector(new RegisterLoader(Duration.ofSeconds(2), 1_000_000, fileDirectory, clock),
                clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static OfferQuery query(String municipality, LifeDomain domain, String need, boolean measure, Urgency urgency) {
        return new OfferQuery(municipality, domain, need, measure, urgency);
    }

    @Test
    void theBuiltInExampleOffersEdeParentingCareShortestWaitFirst() {
        List<Offer> offers = connector(null).offers(query("Ede", LifeDomain.PARENTING, "opvoeding", false,
                Urgency.REGULAR), Map.of());

        assertEquals(List.of("Ede Opvoedsteunpunt", "Jeugdhulp De Vallei"), offers.stream().map(Offer::provider).toList());
        assertEquals(List.of(21, 35), offers.stream().map(Offer::waitingDays).toList());
        assertEquals("LOCAL", offers.get(0).contract());
        assertEquals("REGIONAL", offers.get(1).contract());
        assertTrue(offers.get(0).product().startsWith("45A20 Opvoedondersteuning thuis"), offers.get(0).product());
        assertEquals("example-2026.1", offers.get(0).contractVersion());
        assertNull(offers.get(0).priority());
    }

    @Test
    void aLocalContractServesOnlyItsMunicipality() {
        List<Offer> arnhem = connector(null).offers(query("Arnhem", LifeDomain.PARENTING, "45", false, null), Map.of());
        List<Offer> duiven = connector(null).offers(query("Duiven", LifeDomain.PARENTING, "45", false, null), Map.of());
        assertTrue(arnhem.stream().anyMatch(o -> o.provider().equals("Arnhems Buurtgezin")));
        assertFalse(duiven.stream().anyMatch(o -> o.provider().equals("Arnhems Buurtgezin")));
        assertTrue(connector(null).offers(query("Utrecht", LifeDomain.PARENTING, "45", false, null), Map.of()).isEmpty());
    }

    @Test
    void aProtectionMeasureShortensTheWaitAndSaysWhy() {
        List<Offer> offers = connector(null).offers(query("Ede", LifeDomain.PARENTING, "45", true, Urgency.REGULAR),
                Map.of());
        assertEquals(List.of(7, 14), offers.stream().map(Offer::waitingDays).toList());
        assertTrue(offers.stream().allMatch(o -> "protection measure".equals(o.priority())));
    }

    @Test
    void aCrisisGoesBeforeAProtectionMeasure() {
        ContractRegisterConnector c = connector(null);
        Offer measure = c.offers(query("Ede", LifeDomain.PARENTING, "45A10", true, Urgency.REGULAR), Map.of()).get(0);
        Offer crisis = c.offers(query("Ede", LifeDomain.PARENTING, "45A10", false, Urgency.CRISIS), Map.of()).get(0);
        Offer urgent = c.offers(query("Ede", LifeDomain.PARENTING, "45A10", false, Urgency.HIGH), Map.of()).get(0);
        assertEquals("crisis", crisis.priority());
        assertEquals("urgent need", urgent.priority());
        assertTrue(crisis.waitingDays() < urgent.waitingDays() && urgent.waitingDays() < measure.waitingDays());
    }

    @Test
    void theNeedNarrowsByCategoryOrProductCode() {
        ContractRegisterConnector c = connector(null);
        List<Offer> health = c.offers(query("Arnhem", LifeDomain.HEALTH, "jeugd-ggz", false, null), Map.of());
        assertEquals(1, health.size());
        List<Offer> code = c.offers(query("Ede", LifeDomain.PARENTING, "45a20", false, null), Map.of());
        assertEquals(List.of("Ede Opvoedsteunpunt"), code.stream().map(Offer::provider).toList());
        assertTrue(c.offers(query("Ede", LifeDomain.PARENTING, "54", false, null), Map.of()).isEmpty(),
                "category 54 is not in the parenting domain");
    }

    @Test
    void aFullContractIsOfferedAsAWaitingListUnlessSwitchedOff() {
        ContractRegisterConnector c = connector(null);
        List<Offer> withFull = c.offers(query("Arnhem", LifeDomain.HEALTH, "54", false, null), Map.of());
        assertEquals(1, withFull.size());
        assertEquals(84, withFull.get(0).waitingDays());
        assertTrue(withFull.get(0).product().contains("full: waiting list"), withFull.get(0).product());
        assertTrue(c.offers(query("Arnhem", LifeDomain.HEALTH, "54", false, null), Map.of("offers.includeFull", "false"))
                .isEmpty());
    }

    @Test
    void maatwerkForANonContractedProviderIsSubmittedWithTheDecisionDeadline() {
        MaatwerkStatus s = connector(null).requestMaatwerk(new MaatwerkRequest("m1", "c1", "Ede",
                "Praktijk Buiten de Regio", "Specific trauma expertise needed", null), Map.of());
        assertEquals("SUBMITTED", s.state());
        assertEquals(LocalDate.of(2026, 3, 2).plusDays(56), s.deadline());
        assertEquals("m1", s.requestId());

        MaatwerkStatus shorter = connector(null).requestMaatwerk(new MaatwerkRequest("m2", "c1", "Ede",
                "Praktijk Buiten de Regio", "why", null), Map.of("maatwerk.decisionDays", "14"));
        assertEquals(LocalDate.of(2026, 3, 16), shorter.deadline());

        MaatwerkStatus proposal = connector(null).requestMaatwerk(new MaatwerkRequest("m3", "c1", "Ede",
                "Praktijk Buiten de Regio", "why", LocalDate.of(2026, 3, 10)), Map.of());
        assertEquals(LocalDate.of(2026, 3, 10), proposal.deadline(), "an earlier proposal of the core is kept");
        MaatwerkStatus late = connector(null).requestMaatwerk(new MaatwerkRequest("m4", "c1", "Ede",
                "Praktijk Buiten de Regio", "why", LocalDate.of(2027, 1, 1)), Map.of());
        assertEquals(LocalDate.of(2026, 4, 27), late.deadline(), "never later than the decision term");
    }

    /** The term counts from the Dutch day: at 00:30 in Amsterdam the server's UTC day is still yesterday. */
    @Test
    void theDecisionTermCountsFromTheDutchDay() {
        clock.advance(Duration.between(T0, Instant.parse("2026-03-02T23:30:00Z")));
        MaatwerkStatus s = connector(null).requestMaatwerk(new MaatwerkRequest("m1", "c1", "Ede",
                "Praktijk Buiten de Regio", "why", null), Map.of("maatwerk.decisionDays", "14"));
        assertEquals(LocalDate.of(2026, 3, 17), s.deadline(), "3 March (Amsterdam) plus 14 days");
    }

    @Test
    void maatwerkForAContractedProviderIsRefused() {
        MaatwerkStatus s = connector(null).requestMaatwerk(new MaatwerkRequest("m1", "c1", "Ede",
                "jeugdhulp de vallei", "why", null), Map.of());
        assertEquals("REFUSED", s.state());
        assertTrue(s.detail().startsWith("contracted: use an offer"), s.detail());
        // by AGB code too; but a provider contracted elsewhere only is maatwerk here
        assertEquals("REFUSED", connector(null).requestMaatwerk(new MaatwerkRequest("m2", "c1", "Ede", "98000021",
                "why", null), Map.of()).state());
        assertEquals("SUBMITTED", connector(null).requestMaatwerk(new MaatwerkRequest("m3", "c1", "Arnhem",
                "Jeugdhulp De Vallei", "why", null), Map.of()).state());
    }

    @Test
    void maatwerkStatusKeepsNoDecisions() {
        MaatwerkStatus s = connector(null).maatwerkStatus("m1", Map.of());
        assertEquals("SUBMITTED", s.state());
        assertNull(s.deadline());
    }

    @Test
    void aBadConfigurationNamesTheKey() {
        ContractRegisterConnector c = connector(null);
        OfferQuery q = query("Ede", LifeDomain.PARENTING, "45", false, null);
        assertMessage("unknown configuration key(s) [register.locaton]", () -> c.offers(q, Map.of("register.locaton", "x")));
        assertMessage("maatwerk.decisionDays must be a whole number", () -> c.offers(q, Map.of("maatwerk.decisionDays", "8w")));
        assertMessage("offers.includeFull must be true or false", () -> c.offers(q, Map.of("offers.includeFull", "yes")));
        assertMessage("this bundle ships no register other.json", () -> c.offers(q, Map.of("register.location", "bundle:other.json")));
        assertMessage("use bundle:, file: or source:", () -> c.offers(q, Map.of("register.location", "ftp://x/r.json")));
        assertMessage("file: locations are switched off", () -> c.offers(q, Map.of("register.location", "file:/etc/passwd")));
    }

    @Test
    void aRegisterFileIsReadFromTheRegisterDirectoryOnly() throws IOException {
        Path file = dir.resolve("food-valley.json");
        Files.writeString(file, ContractRegisterTest.register("fv-7", ContractRegisterTest.GOOD));
        ContractRegisterConnector c = connector(dir);
        List<Offer> offers = c.offers(query("Wageningen", LifeDomain.PARENTING, "45", false, null),
                Map.of("register.location", file.toUri().toString()));
        assertEquals(1, offers.size());
        assertEquals("fv-7", offers.get(0).contractVersion());
        assertEquals(40, offers.get(0).waitingDays());

        Path outside = Files.createTempFile("register", ".json");
        try {
            Files.writeString(outside, ContractRegisterTest.register("x", ContractRegisterTest.GOOD));
            assertMessage("outside the register directory", () -> c.offers(query("Ede", LifeDomain.PARENTING, "45",
                    false, null), Map.of("register.location", outside.toUri().toString())));
            assertMessage("outside the register directory", () -> c.offers(query("Ede", LifeDomain.PARENTING, "45",
                    false, null), Map.of("register.location", "file:" + dir + "/../" + outside.getFileName())));
        } finally {
            Files.deleteIfExists(outside);
        }
        Files.writeString(file, "{ not json");
        assertMessage("not valid JSON", () -> c.offers(query("Ede", LifeDomain.PARENTING, "45", false, null),
                Map.of("register.location", file.toUri().toString(), "register.refreshSeconds", "0")));
    }

    @Test
    void aRegisterOverHttpIsCachedAndANewVersionIsTakenInAfterTheRefreshTime() throws IOException {
        AtomicReference<String> body = new AtomicReference<>(ContractRegisterTest.register("v1", ContractRegisterTest.GOOD));
        AtomicInteger status = new AtomicInteger(200);
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/register.json", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/register.json";
        // the administrator's source, by name; the binding names it
        ContractRegisterConnector c = new ContractRegisterConnector(new RegisterLoader(Duration.ofSeconds(2), 1_000_000,
                null, new String[] {"gelderland=" + url}, true, clock), clock);
        Map<String, String> config = Map.of("register.location", "source:gelderland", "register.refreshSeconds", "60");
        OfferQuery q = query("Ede", LifeDomain.PARENTING, "45", false, null);

        assertEquals("v1", c.offers(q, config).get(0).contractVersion());
        body.set(ContractRegisterTest.register("v2", ContractRegisterTest.GOOD.replace("\"waitingDays\":40",
                "\"waitingDays\":30")));
        clock.advance(Duration.ofSeconds(30));
        Offer cached = c.offers(q, config).get(0);
        assertEquals("v1", cached.contractVersion(), "within the refresh time the cached version answers");
        assertEquals(40, cached.waitingDays());
        assertEquals(1, requests.get());

        clock.advance(Duration.ofSeconds(31));
        Offer fresh = c.offers(q, config).get(0);
        assertEquals("v2", fresh.contractVersion());
        assertEquals(30, fresh.waitingDays());
        assertEquals(2, requests.get());

        status.set(503);
        clock.advance(Duration.ofSeconds(61));
        assertMessage("answered HTTP 503", () -> c.offers(q, config));
    }

    @Test
    void aBindingCannotNameAUrlOnlyAnAdministratorsSource() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String theirs = "http://127.0.0.1:" + server.getAddress().getPort() + "/register.json";
        ContractRegisterConnector c = new ContractRegisterConnector(new RegisterLoader(Duration.ofSeconds(2), 1_000_000,
                dir, new String[] {"gelderland=https://inkoop.gelderland.example/register.json"}, false, clock), clock);
        OfferQuery q = query("Ede", LifeDomain.PARENTING, "45", false, null);
        for (String location : new String[] {theirs, "https://elsewhere.example/r.json", "http://169.254.169.254/",
            "file:///etc/passwd", "source:unknown", "jar:file:/x.jar!/r.json"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> c.checkConfiguration(
                    ExtensionPoint.PROCUREMENT, "Ede", Map.of("register.location", location)), location);
            assertEquals("configuration.register.location", refused.field());
            assertThrows(IllegalArgumentException.class, () -> c.offers(q, Map.of("register.location", location)));
        }
        assertEquals(0, requests.get(), "nothing was fetched from the binding's URL");
        c.checkConfiguration(ExtensionPoint.PROCUREMENT, "Ede", Map.of("register.location", "source:gelderland"));
        c.checkConfiguration(ExtensionPoint.PROCUREMENT, null, Map.of("register.location", "bundle:example.json"));
        assertEquals("configuration", assertThrows(InvalidInputException.class, () -> c.checkConfiguration(
                ExtensionPoint.PROCUREMENT, null, Map.of("register.locaton", "x"))).field());
    }

    @Test
    void theAdministratorsSourcesAreAllowListed() {
        for (String entry : new String[] {"a=file:///etc/passwd", "a=http://169.254.169.254/", "a=https://[fe80::1]/",
            "a=http://inkoop.example/r.json", "a=ftp://inkoop.example/r.json", "no-equals", "Bad Name=https://x.example/"}) {
            assertThrows(IllegalArgumentException.class, () -> RegisterLoader.sources(new String[] {entry}, true), entry);
        }
        assertThrows(IllegalArgumentException.class,
                () -> RegisterLoader.sources(new String[] {"a=http://127.0.0.1:1/r.json"}, false));
        assertEquals(1, RegisterLoader.sources(new String[] {"a=https://inkoop.example/r.json"}, false).size());
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
