package nl.proeftuin.plugins.procurement.ijw.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.spi.CareAllocation;
import nl.proeftuin.core.spi.CareRequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Jw301MessageTest {

    @TempDir
    java.nio.file.Path outbox;

    static List<CareAllocation> read(String xml) throws IjwXml.InvalidMessage {
        return Jw301Message.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String rejected(String xml) {
        return assertThrows(IjwXml.InvalidMessage.class, () -> read(xml)).getMessage();
    }

    @Test
    void roundTripAJw315AnsweredByAJw301BecomesTheAllocationOfTheRequest() throws Exception {
        IjwProcurementConnector connector = new IjwProcurementConnector(
                Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
        connector.addDestination(new IjwDestination(IjwDestination.of("outbox", outbox.toString(), null, false, 1500)));
        CareRequestStatus sent = connector.requestCare(Messages.request(), Map.of("destination", "outbox"));
        // the municipality answers with the ReferentieAanbieder it found in the JW315
        String reference = sent.message().replaceAll("(?s).*<jw315:ReferentieAanbieder>([^<]+)<.*", "$1");

        List<CareAllocation> allocations = read(Messages.jw301(reference));

        assertEquals(1, allocations.size());
        CareAllocation a = allocations.get(0);
        assertEquals(Messages.REQUEST_ID, a.requestId());
        assertEquals("7001234", a.allocationRef());
        assertEquals("98000021", a.provider());
        assertEquals("45", a.productCategory());
        assertEquals("45A10", a.productCode());
        assertEquals(LocalDate.of(2026, 4, 1), a.start());
        assertEquals(LocalDate.of(2026, 12, 31), a.end());
        assertEquals(3, a.volume());
        assertEquals("04", a.unit());
        assertEquals("2", a.frequency());
    }

    @Test
    void optionalPartsMayBeLeftOut() throws Exception {
        String xml = Messages.jw301("r-1").replaceAll("(?s)<jw301:Einddatum>.*?</jw301:Omvang>", "");
        CareAllocation a = read(xml).get(0);
        assertNull(a.end());
        assertNull(a.volume());
        assertNull(a.unit());
    }

    @Test
    void severalProductsGiveSeveralAllocations() throws Exception {
        String second = """
                  <jw301:ToegewezenProduct>
                    <jw301:ToewijzingNummer>7001235</jw301:ToewijzingNummer>
                    <jw301:ReferentieAanbieder>r-2</jw301:ReferentieAanbieder>
                    <jw301:Product><ijw:Categorie>54</ijw:Categorie></jw301:Product>
                    <jw301:Toewijzingsdatum>2026-03-05</jw301:Toewijzingsdatum>
                    <jw301:Toewijzingstijd>10:15:00</jw301:Toewijzingstijd>
                    <jw301:Ingangsdatum>2026-05-01</jw301:Ingangsdatum>
                  </jw301:ToegewezenProduct>""";
        List<CareAllocation> all = read(Messages.jw301("r-1", "436", "98000021", second));
        assertEquals(List.of("r-1", "r-2"), all.stream().map(CareAllocation::requestId).toList());
        assertNull(all.get(1).productCode());
    }

    @Test
    void notWellFormedIsRefused() {
        assertTrue(rejected("<jw301:Bericht").contains("not well-formed XML"));
        assertTrue(rejected("").contains("empty") || rejected(" ").contains("not well-formed"));
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + Messages.jw301("&x;").substring(Messages.jw301("&x;").indexOf("<jw301:Bericht"));
        String reason = rejected(xxe);
        assertTrue(reason.contains("DOCTYPE is not allowed"), reason);
        assertTrue(!reason.contains("root:"), "no file content leaks: " + reason);
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><l>&b;</l>";
        assertTrue(rejected(laughs).contains("DOCTYPE is not allowed"));
    }

    @Test
    void anUnknownBerichtCodeOrAnotherMessageIsRefused() {
        assertTrue(rejected(Messages.jw301("r", "446", "98000021", "")).contains("unknown BerichtCode '446'"));
        String jw315 = Messages.jw301("r").replace("ijw/3_2/jw301/schema", "ijw/3_2/jw315/schema");
        assertTrue(rejected(jw315).contains("not a JW301"), rejected(jw315));
    }

    @Test
    void aSchemaInvalidJw301IsRefusedWithTheSchemaError() {
        String bad = rejected(Messages.jw301("r", "436", "9800002", ""));
        assertTrue(bad.contains("does not match the iJw 3.2 schema") && bad.contains("9800002"), bad);
        String noDate = rejected(Messages.jw301("r").replace("<jw301:Ingangsdatum>2026-04-01</jw301:Ingangsdatum>", ""));
        assertTrue(noDate.contains("Ingangsdatum"), noDate);
        String zone = rejected(Messages.jw301("r").replace("2026-04-01", "2026-04-01+02:00"));
        assertTrue(zone.contains("schema"), zone);
        String unknownElement = rejected(Messages.jw301("r").replace("<jw301:Geslacht>0</jw301:Geslacht>",
                "<jw301:Geslacht>0</jw301:Geslacht><jw301:Extra>x</jw301:Extra>"));
        assertTrue(unknownElement.contains("Extra"), unknownElement);
    }

    @Test
    void aProductWithoutReferenceOrWithEndBeforeStartIsRefused() {
        String noRef = rejected(Messages.jw301("r").replaceAll("<jw301:ReferentieAanbieder>r</jw301:ReferentieAanbieder>", ""));
        assertTrue(noRef.contains("has no ReferentieAanbieder"), noRef);
        String backwards = rejected(Messages.jw301("r").replace("2026-12-31", "2026-01-31"));
        assertTrue(backwards.contains("Einddatum 2026-01-31 is before Ingangsdatum"), backwards);
    }
}
