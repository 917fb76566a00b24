package nl.proeftuin.plugins.procurement.ijw.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.proeftuin.core.spi.CareAllocation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An incoming iJw 3.2 JW301 <i>toewijzing</i> (BerichtCode 436), read into {@link CareAllocation}s:
 * parsed without DTDs or entities, checked to be a JW301 at all, validated against the shipped
 * {@code jw301.xsd}, then mapped, one allocation per ToegewezenProduct:
 * requestId = ReferentieAanbieder (the core's request id, sent as the JW315's ReferentieAanbieder),
 * allocationRef = ToewijzingNummer, provider = Header/Ontvanger (AGB code), product = Product/Categorie
 * and Code, start/end = Ingangsdatum/Einddatum, volume = Omvang. A ToegewezenProduct without
 * ReferentieAanbieder answers no request of this platform: the whole message is refused (all or
 * nothing, so a sender never has to guess what was taken).
 */
final class Jw301Message {

    static final String BERICHT_CODE = "436";

    private Jw301Message() {
    }

    /**
     * @param xml the message as received
     * @return the allocations, in message order
     * @throws IjwXml.InvalidMessage with the reason, when the message cannot be accepted
     */
    static List<CareAllocation> read(byte[] xml) throws IjwXml.InvalidMessage {
        if (xml == null || xml.length == 0) {
            throw new IjwXml.InvalidMessage("the message is empty");
        }
        Document d = IjwXml.parse(xml);
        Element root = d.getDocumentElement();
        String code = text(child(child(root, IjwXml.NS_JW301, "Header"), IjwXml.NS_JW301, "BerichtCode"));
        if (!IjwXml.NS_JW301.equals(root.getNamespaceURI()) || !"Bericht".equals(root.getLocalName())) {
            throw new IjwXml.InvalidMessage("not a JW301: the root element is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + ", expected {" + IjwXml.NS_JW301 + "}Bericht");
        }
        if (!BERICHT_CODE.equals(code)) {
            throw new IjwXml.InvalidMessage("unknown BerichtCode '" + (code == null ? "" : code)
                    + "': this endpoint accepts JW301 (BerichtCode " + BERICHT_CODE + ") only");
        }
        List<String> errors = IjwXml.validate(IjwXml.JW301, d);
        if (!errors.isEmpty()) {
            throw new IjwXml.InvalidMessage("the JW301 does not match the iJw 3.2 schema: " + String.join("; ", errors));
        }
        Element header = child(root, IjwXml.NS_JW301, "Header");
        String provider = text(child(header, IjwXml.NS_JW301, "Ontvanger"));
        Element products = child(child(root, IjwXml.NS_JW301, "Client"), IjwXml.NS_JW301, "ToegewezenProducten");
        List<CareAllocation> allocations = new ArrayList<>();
        int n = 0;
        for (Element p : children(products, IjwXml.NS_JW301, "ToegewezenProduct")) {
            n++;
            String number = text(child(p, IjwXml.NS_JW301, "ToewijzingNummer"));
            String reference = text(child(p, IjwXml.NS_JW301, "ReferentieAanbieder"));
            if (reference == null) {
                throw new IjwXml.InvalidMessage("ToegewezenProduct " + n + " (ToewijzingNummer " + number
                        + ") has no ReferentieAanbieder, so it answers no care request of this platform");
            }
            Element product = child(p, IjwXml.NS_JW301, "Product");
            Element omvang = child(p, IjwXml.NS_JW301, "Omvang");
            String end = text(child(p, IjwXml.NS_JW301, "Einddatum"));
            String start = text(child(p, IjwXml.NS_JW301, "Ingangsdatum"));
            if (end != null && LocalDate.parse(end).isBefore(LocalDate.parse(start))) {
                throw new IjwXml.InvalidMessage("ToegewezenProduct " + n + ": Einddatum " + end
                        + " is before Ingangsdatum " + start);
            }
            allocations.add(new CareAllocation(reference, number, provider,
                    text(child(product, IjwXml.NS_BASIS, "Categorie")), text(child(product, IjwXml.NS_BASIS, "Code")),
                    LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                    omvang == null ? null : Integer.valueOf(text(child(omvang, IjwXml.NS_BASIS, "Volume"))),
                    text(child(omvang, IjwXml.NS_BASIS, "Eenheid")), text(child(omvang, IjwXml.NS_BASIS, "Frequentie"))));
        }
        return allocations;
    }

    private static Element child(Element parent, String ns, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }
}
