package nl.proeftuin.plugins.procurement.ijw.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpServer;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.CareRequest;
import nl.proeftuin.core.spi.CareRequestStatus;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.MaatwerkRequest;
import nl.proeftuin.core.spi.OfferQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Jw315MessageTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final IjwProcurementConnector connector = new IjwProcurementConnector(CLOCK);

    @TempDir
    Path outbox;

    /** The administrator's destination: the test's outbox directory, named "outbox". */
    @org.junit.jupiter.api.BeforeEach
    void destination() {
        connector.addDestination(new IjwDestination(IjwDestination.of("outbox", outbox.toString(), null, false, 1500)));
    }

    Map<String, String> config() {
        return Map.of("destination", "outbox");
    }

    @Test
    void aValidRequestBecomesASchemaValidJw315InTheOutbox() throws IOException {
        CareRequestStatus s = connector.requestCare(Messages.request(), config());

        assertEquals("SUBMITTED", s.state(), s.detail());
        assertEquals(Jw315Message.messageRef(Messages.REQUEST_ID), s.messageRef());
        assertEquals(12, s.messageRef().length());
        String xml = Files.readString(outbox.resolve(s.messageRef() + ".xml"));
        assertEquals(s.message(), xml);
        for (String expected : new String[] {"<jw315:BerichtCode>446</jw315:BerichtCode>",
                "<jw315:Afzender>98000021</jw315:Afzender>", "<jw315:Ontvanger>0228</jw315:Ontvanger>",
                "<jw315:Bsn>123456782</jw315:Bsn>", "<ijw:Categorie>45</ijw:Categorie>", "<ijw:Code>45A10</ijw:Code>",
                "<jw315:ReferentieAanbieder>" + Messages.REQUEST_ID + "</jw315:ReferentieAanbieder>",
                "<jw315:ToewijzingIngangsdatum>2026-04-01</jw315:ToewijzingIngangsdatum>",
                "<ijw:Dagtekening>2026-03-02</ijw:Dagtekening>", "<ijw:Eenheid>04</ijw:Eenheid>",
                "<ijw:Type>01</ijw:Type>"}) {
            assertTrue(xml.contains(expected), expected + " in\n" + xml);
        }
        // the written message validates against the shipped schema when read back
        try {
            assertTrue(IjwXml.validate(IjwXml.JW315, IjwXml.parse(xml.getBytes(StandardCharsets.UTF_8))).isEmpty());
        } catch (IjwXml.InvalidMessage e) {
            throw new AssertionError(e.getMessage());
        }
        // idempotent: the same request gives the same file
        CareRequestStatus again = connector.requestCare(Messages.request(), config());
        assertEquals(s.message(), again.message());
        try (var files = Files.list(outbox)) {
            assertEquals(1, files.count());
        }
    }

    static CareRequest with(UnaryOperator<Object[]> change) {
        CareRequest r = Messages.request();
        Object[] f = {r.requestId(), r.caseId(), r.municipality(), r.clientNationalId(), r.clientBirthDate(),
            r.clientFamilyName(), r.provider(), r.productCategory(), r.productCode(), r.start(), r.volume(), r.unit(),
            r.frequency(), r.motivation()};
        f = change.apply(f);
        return new CareRequest((String) f[0], (String) f[1], (String) f[2], (String) f[3], (LocalDate) f[4],
                (String) f[5], (String) f[6], (String) f[7], (String) f[8], (LocalDate) f[9], (Integer) f[10],
                (String) f[11], (String) f[12], (String) f[13]);
    }

    static CareRequest set(int field, Object value) {
        return with(f -> {
            f[field] = value;
            return f;
        });
    }

    void assertRejected(CareRequest r, String reason) {
        CareRequestStatus s = connector.requestCare(r, config());
        assertEquals("REJECTED", s.state(), s.detail());
        assertTrue(s.detail().contains(reason), s.detail());
        assertNull(s.message());
    }

    @Test
    void invalidDataIsRejectedWithAClearReasonAndNothingIsSent() throws IOException {
        assertRejected(set(3, null), "clientNationalId (BSN) is missing");
        assertRejected(set(3, "123456789"), "not a valid BSN");
        assertRejected(set(3, "12345678"), "not a valid BSN");
        assertRejected(set(6, "9800002"), "provider must be the provider's 8-digit AGB code");
        assertRejected(set(6, "Jeugdhulp De Vallei"), "8-digit AGB code");
        assertRejected(set(7, "4"), "productCategory must be a 2-digit");
        assertRejected(set(8, "45A1"), "productCode must be a 5-character");
        assertRejected(set(9, null), "start is missing");
        assertRejected(set(9, LocalDate.of(2010, 1, 1)), "before the client's date of birth");
        assertRejected(set(4, LocalDate.of(2027, 1, 1)), "is in the future");
        assertRejected(set(4, null), "clientBirthDate is missing");
        assertRejected(set(5, " "), "clientFamilyName is missing");
        assertRejected(set(2, "Amsterdam"), "has no CBS code: add Amsterdam=<code> to municipalityCodes");
        assertRejected(set(11, "99"), "unit must be an iJw unit");
        assertRejected(set(12, "3"), "frequency must be an iJw frequency");
        assertRejected(set(10, 0), "volume must be from 1");
        assertRejected(with(f -> {
            f[10] = null;
            return f;
        }), "unit and frequency go with a volume");
        assertRejected(set(13, ""), "motivation is missing");
        assertRejected(set(0, "x".repeat(37)), "longer than 36");
        // two problems: both named
        CareRequestStatus two = connector.requestCare(with(f -> {
            f[3] = null;
            f[6] = "1";
            return f;
        }), config());
        assertTrue(two.detail().contains("BSN") && two.detail().contains("AGB"), two.detail());
        try (var files = Files.list(outbox)) {
            assertEquals(0, files.count(), "nothing written for a rejected request");
        }
    }

    @Test
    void aMunicipalityCodeCanBeConfigured() {
        CareRequestStatus s = connector.requestCare(set(2, "Utrecht"),
                Map.of("destination", "outbox", "municipalityCodes", "Utrecht=0344, Zeist=0355"));
        assertEquals("SUBMITTED", s.state(), s.detail());
        assertTrue(s.message().contains("<jw315:Ontvanger>0344</jw315:Ontvanger>"));
    }

    /** A binding stored before the codes became one key keeps sending (a new binding cannot use the old keys). */
    @Test
    void aBindingStoredWithTheFirstFormatsCodesStillSends() {
        CareRequestStatus s = connector.requestCare(set(2, "Utrecht"),
                Map.of("destination", "outbox", "municipalityCode.Utrecht", "0344"));
        assertEquals("SUBMITTED", s.state(), s.detail());
        assertTrue(s.message().contains("<jw315:Ontvanger>0344</jw315:Ontvanger>"));
    }

    @Test
    void anUnusableConfigurationThrowsNamingTheKey() {
        assertMessage("set destination", () -> connector.requestCare(Messages.request(), Map.of()));
        assertMessage("unknown configuration key(s) [outbox.dir]", () -> connector.offers(
                new OfferQuery("Ede", null, "45", false, null), Map.of("outbox.dir", "/tmp")));
        assertMessage("name=code pairs with a 4-digit CBS municipality code, not 'Ede=228'", () -> connector.requestCare(
                Messages.request(), Map.of("destination", "outbox", "municipalityCodes", "Ede=228")));
        assertMessage("municipalityCode.Ede must be a 4-digit", () -> connector.requestCare(Messages.request(),
                Map.of("destination", "outbox", "municipalityCode.Ede", "228")));
        assertMessage("referrer.type must be a COD327 code", () -> connector.requestCare(Messages.request(),
                Map.of("destination", "outbox", "referrer.type", "07")));
        assertMessage("cannot be set in a binding", () -> connector.requestCare(Messages.request(),
                Map.of("outbox.directory", outbox.toString())));
        IjwProcurementConnector other = new IjwProcurementConnector(CLOCK);
        other.addDestination(new IjwDestination(IjwDestination.of("gone", outbox.resolve("missing").toString(), null,
                false, 1500)));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> other.requestCare(Messages.request(), Map.of("destination", "gone")));
        assertTrue(missing.getMessage().contains("is not an existing directory"), missing.getMessage());
    }

    @Test
    void aBindingCannotCarryADirectoryOrAUrlAndNamesOnlyAConfiguredDestination() throws IOException {
        HttpServer theirs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<String> stolen = new AtomicReference<>();
        theirs.createContext("/", exchange -> {
            stolen.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        theirs.start();
        try {
            String url = "http://127.0.0.1:" + theirs.getAddress().getPort() + "/";
            for (Map<String, String> bad : List.of(Map.of("endpoint.url", url), Map.of("outbox.directory", "/tmp"),
                    Map.of("endpoint.url", "file:///etc/passwd"), Map.of("endpoint.url", "http://169.254.169.254/"))) {
                InvalidInputException refused = assertThrows(InvalidInputException.class,
                        () -> connector.checkConfiguration(ExtensionPoint.PROCUREMENT, "Ede", bad), bad::toString);
                assertEquals("configuration." + bad.keySet().iterator().next(), refused.field());
                assertThrows(IllegalArgumentException.class, () -> connector.requestCare(Messages.request(), bad));
            }
            assertEquals("configuration.destination", assertThrows(InvalidInputException.class,
                    () -> connector.checkConfiguration(ExtensionPoint.PROCUREMENT, "Ede",
                            Map.of("destination", "elsewhere"))).field());
            connector.checkConfiguration(ExtensionPoint.PROCUREMENT, "Ede", config());
            assertEquals(null, stolen.get(), "nothing was sent to the listener");
        } finally {
            theirs.stop(0);
        }
    }

    @Test
    void theAdministratorsDestinationIsAllowListed() {
        for (String url : new String[] {"file:///etc/passwd", "http://169.254.169.254/", "https://[fe80::1]/",
            "http://exchange.example/", "ftp://exchange.example/"}) {
            assertThrows(IllegalArgumentException.class, () -> IjwDestination.of("x", null, url, true, 1500), url);
        }
        assertThrows(IllegalArgumentException.class, () -> IjwDestination.of("x", null, "http://127.0.0.1:1/", false,
                1500), "http to loopback only with allowHttpLoopback");
        assertThrows(IllegalArgumentException.class, () -> IjwDestination.of("x", "/tmp", "https://x.example/", false,
                1500), "not both");
        assertEquals("https://exchange.example/jw315",
                IjwDestination.of("x", null, "https://exchange.example/jw315", false, 1500).url().toString());
    }

    @Test
    void offersAreNoneAndMaatwerkGetsTheDecisionDeadline() {
        assertTrue(connector.offers(new OfferQuery("Ede", null, "45", false, null), Map.of()).isEmpty());
        assertEquals(LocalDate.of(2026, 4, 27), connector.requestMaatwerk(new MaatwerkRequest("m", "c", "Ede", "X",
                "why", null), Map.of()).deadline());
        assertEquals(LocalDate.of(2026, 3, 9), connector.requestMaatwerk(new MaatwerkRequest("m", "c", "Ede", "X",
                "why", LocalDate.of(2026, 3, 9)), Map.of()).deadline());
        // the term counts from the Dutch day: at 00:30 in Amsterdam (23:30 UTC) it is 3 March
        IjwProcurementConnector night = new IjwProcurementConnector(Clock.fixed(Instant.parse("2026-03-02T23:30:00Z"),
                ZoneOffset.UTC));
        assertEquals(LocalDate.of(2026, 4, 28), night.requestMaatwerk(new MaatwerkRequest("m", "c", "Ede", "X",
                "why", null), Map.of()).deadline());
    }

    @Test
    void theMessageIsPostedToTheEndpoint() throws IOException {
        AtomicReference<String> received = new AtomicReference<>();
        AtomicReference<Integer> status = new AtomicReference<>(202);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jw315", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + "|" + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            connector.addDestination(new IjwDestination(IjwDestination.of("exchange", null,
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/jw315", true, 1500)));
            Map<String, String> cfg = Map.of("destination", "exchange");
            CareRequestStatus s = connector.requestCare(Messages.request(), cfg);
            assertEquals("SUBMITTED", s.state(), s.detail());
            assertTrue(received.get().startsWith(s.message()), received.get());
            assertTrue(received.get().endsWith("|application/xml; charset=UTF-8"));
            status.set(500);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> connector.requestCare(Messages.request(), cfg));
            assertTrue(e.getMessage().contains("answered HTTP 500"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBindingCannotReaddressACareRequestOfABuiltInMunicipality() throws IOException {
        // Arnhem is 0202 in the built-in table; 0228 is Ede: Arnhem's JW315, with the child's BSN, would go to Ede
        for (Map<String, String> bad : List.of(Map.of("destination", "outbox", "municipalityCodes", "Utrecht=0344, Arnhem=0228"),
                Map.of("destination", "outbox", "municipalityCodes", "ARNHEM = 0228"))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> connector.checkConfiguration(ExtensionPoint.PROCUREMENT, "Arnhem", bad), bad::toString);
            assertEquals("configuration.municipalityCodes", refused.field());
            assertTrue(refused.getMessage().toLowerCase(java.util.Locale.ROOT).contains("code of arnhem (built in: 0202"),
                    refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> connector.requestCare(set(2, "Arnhem"), bad));
        }
        // nor through a binding stored in the first format
        assertMessage("cannot change the CBS code of Arnhem", () -> connector.requestCare(set(2, "Arnhem"),
                Map.of("destination", "outbox", "municipalityCode.Arnhem", "0228")));
        try (var files = Files.list(outbox)) {
            assertEquals(0, files.count(), "nothing sent for a readdressed request");
        }
        // a municipality the table lacks, or the built-in code repeated, is fine
        Map<String, String> fine = Map.of("destination", "outbox", "municipalityCodes", "Utrecht=0344, arnhem=0202");
        connector.checkConfiguration(ExtensionPoint.PROCUREMENT, "Arnhem", fine);
        CareRequestStatus s = connector.requestCare(set(2, "Arnhem"), fine);
        assertEquals("SUBMITTED", s.state(), s.detail());
        assertTrue(s.message().contains("<jw315:Ontvanger>0202</jw315:Ontvanger>"));
    }

    @Test
    void anEndpointsQueryIsNeverShownAndItsAnswerIsReadUpTo64KiB() throws IOException {
        AtomicReference<Integer> status = new AtomicReference<>(202);
        AtomicReference<Integer> answerBytes = new AtomicReference<>(0);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jw315", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = answerBytes.get();
            exchange.sendResponseHeaders(status.get(), n == 0 ? -1 : n);
            if (n > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("x".repeat(n).getBytes(StandardCharsets.UTF_8));
                } catch (IOException gone) {
                    // the connector stopped reading: as it should
                }
            }
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jw315?key=s3cret-key";
            connector.addDestination(new IjwDestination(IjwDestination.of("exchange", null, url, true, 1500)));
            Map<String, String> cfg = Map.of("destination", "exchange");
            assertEquals("SUBMITTED", connector.requestCare(Messages.request(), cfg).state());

            status.set(500);
            IllegalStateException answered = assertThrows(IllegalStateException.class,
                    () -> connector.requestCare(Messages.request(), cfg));
            assertTrue(answered.getMessage().contains("/jw315?... answered HTTP 500"), answered.getMessage());
            assertTrue(!answered.getMessage().contains("s3cret-key"), answered.getMessage());

            status.set(202);
            answerBytes.set(65_536);
            assertEquals("SUBMITTED", connector.requestCare(Messages.request(), cfg).state(), "64 KiB is read");
            answerBytes.set(70_000);
            IllegalStateException large = assertThrows(IllegalStateException.class,
                    () -> connector.requestCare(Messages.request(), cfg));
            assertTrue(large.getMessage().contains("more than 65536 bytes"), large.getMessage());
            assertTrue(!large.getMessage().contains("s3cret-key") && large.getMessage().length() < 500, large.getMessage());

            server.stop(0);
            RuntimeException down = assertThrows(RuntimeException.class, () -> connector.requestCare(Messages.request(), cfg));
            assertTrue(down.getMessage().contains("cannot be reached"), down.getMessage());
            assertTrue(!down.getMessage().contains("s3cret-key"), down.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theElevenTest() {
        assertTrue(Jw315Message.elevenTest("123456782"));
        assertTrue(Jw315Message.elevenTest("111222333"));
        assertTrue(!Jw315Message.elevenTest("123456781"));
        assertTrue(!Jw315Message.elevenTest("000000000"));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
