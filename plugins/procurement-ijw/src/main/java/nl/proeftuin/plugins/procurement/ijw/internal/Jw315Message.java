package nl.proeftuin.plugins.procurement.ijw.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import nl.proeftuin.core.spi.CareRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A care request as an iJw 3.2 JW315 <i>verzoek om toewijzing</i> (BerichtCode 446): checked field by
 * field first (so a professional reads which field is wrong), then built, then validated against the
 * shipped {@code jw315.xsd}.
 *
 * <p>Mapping: Afzender = the provider's AGB code; Ontvanger = the municipality's CBS code; BerichtIdentificatie
 * = {@link #messageRef} of the request id and the day; Client = BSN, date of birth, Geslacht {@code 0}
 * (unknown: the core does not pass it), Naam/Achternaam = the family name; Commentaar = the motivation;
 * one AangevraagdProduct with ReferentieAanbieder = the core's request id (the JW301 answers with it),
 * Product = category and code, ToewijzingIngangsdatum = start, Omvang when a volume is given, Verwijzer
 * from the configuration.
 */
final class Jw315Message {

    static final String BERICHT_CODE = "446";
    /** The XSD versions written in the header (assumed; see docs/ijw-source.md). */
    static final String XSD_VERSION = "1.0.0";

    private static final Pattern AGB = Pattern.compile("[0-9]{8}");
    private static final Pattern BSN = Pattern.compile("[0-9]{9}");
    private static final Pattern CATEGORY = Pattern.compile("[0-9]{2}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{5}");
    private static final List<String> UNITS = List.of("01", "04", "14", "16", "82", "83", "84");
    private static final List<String> FREQUENCIES = List.of("1", "2", "4", "6");

    /** The built message, or why it cannot be sent. */
    record Result(String messageRef, String xml, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private Jw315Message() {
    }

    /** 12 characters (LDT_IdentificatieBericht): "PT" and 10 hex digits of SHA-256 of the request id. */
    static String messageRef(String requestId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            return "PT" + HexFormat.of().withUpperCase().formatHex(hash).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Result build(CareRequest r, IjwSettings settings, LocalDate today) {
        List<String> problems = check(r, settings, today);
        String ref = r.requestId() == null || r.requestId().isBlank() ? null : messageRef(r.requestId());
        if (!problems.isEmpty()) {
            return new Result(ref, null, problems);
        }
        Document d = IjwXml.secureBuilder().newDocument();
        Element bericht = d.createElementNS(IjwXml.NS_JW315, "jw315:Bericht");
        bericht.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ijw", IjwXml.NS_BASIS);
        d.appendChild(bericht);
        Element header = add(d, bericht, "Header", null);
        add(d, header, "BerichtCode", BERICHT_CODE);
        add(d, header, "BerichtVersie", "3");
        add(d, header, "BerichtSubversie", "2");
        add(d, header, "Afzender", r.provider().trim());
        add(d, header, "Ontvanger", settings.municipalityCode(r.municipality()));
        Element id = add(d, header, "BerichtIdentificatie", null);
        basis(d, id, "Identificatie", ref);
        basis(d, id, "Dagtekening", today.toString());
        Element xsd = add(d, header, "XsdVersie", null);
        basis(d, xsd, "BasisschemaXsdVersie", XSD_VERSION);
        basis(d, xsd, "BerichtXsdVersie", XSD_VERSION);

        Element client = add(d, bericht, "Client", null);
        add(d, client, "Bsn", r.clientNationalId().trim());
        basis(d, add(d, client, "Geboortedatum", null), "Datum", r.clientBirthDate().toString());
        add(d, client, "Geslacht", "0");
        basis(d, add(d, client, "Naam", null), "Achternaam", r.clientFamilyName().trim());
        Element products = add(d, client, "AangevraagdeProducten", null);
        Element product = add(d, products, "AangevraagdProduct", null);
        add(d, product, "ReferentieAanbieder", r.requestId());
        Element p = add(d, product, "Product", null);
        basis(d, p, "Categorie", r.productCategory().trim());
        if (r.productCode() != null && !r.productCode().isBlank()) {
            basis(d, p, "Code", r.productCode().trim());
        }
        add(d, product, "ToewijzingIngangsdatum", r.start().toString());
        if (r.volume() != null) {
            Element omvang = add(d, product, "Omvang", null);
            basis(d, omvang, "Volume", r.volume().toString());
            basis(d, omvang, "Eenheid", r.unit());
            basis(d, omvang, "Frequentie", r.frequency());
        }
        Element verwijzer = add(d, product, "Verwijzer", null);
        basis(d, verwijzer, "Type", settings.referrerType());
        basis(d, verwijzer, "Naam", settings.referrerName());
        add(d, product, "Commentaar", r.motivation().trim());

        List<String> schemaErrors = IjwXml.validate(IjwXml.JW315, d);
        if (!schemaErrors.isEmpty()) {
            return new Result(ref, null, schemaErrors.stream().map(e -> "JW315 schema: " + e).toList());
        }
        return new Result(ref, IjwXml.serialise(d), List.of());
    }

    /** Every problem with the request, in field order; empty when it can be sent. */
    static List<String> check(CareRequest r, IjwSettings settings, LocalDate today) {
        List<String> p = new ArrayList<>();
        if (blank(r.requestId())) {
            p.add("requestId is missing");
        } else if (r.requestId().length() > 36) {
            p.add("requestId is longer than 36 characters (ReferentieAanbieder)");
        }
        if (blank(r.municipality())) {
            p.add("municipality is missing");
        } else if (settings.municipalityCode(r.municipality()) == null) {
            p.add("municipality '" + r.municipality() + "' has no CBS code: add " + r.municipality().trim()
                    + "=<code> to " + IjwSettings.CODES);
        }
        if (blank(r.clientNationalId())) {
            p.add("clientNationalId (BSN) is missing: iJw requires it");
        } else if (!BSN.matcher(r.clientNationalId().trim()).matches() || !elevenTest(r.clientNationalId().trim())) {
            p.add("clientNationalId is not a valid BSN (9 digits passing the eleven test)");
        }
        if (r.clientBirthDate() == null) {
            p.add("clientBirthDate is missing");
        } else if (r.clientBirthDate().isAfter(today)) {
            p.add("clientBirthDate " + r.clientBirthDate() + " is in the future");
        }
        if (blank(r.clientFamilyName())) {
            p.add("clientFamilyName is missing");
        } else if (r.clientFamilyName().trim().length() > 200) {
            p.add("clientFamilyName is longer than 200 characters");
        }
        if (blank(r.provider()) || !AGB.matcher(r.provider().trim()).matches()) {
            p.add("provider must be the provider's 8-digit AGB code, not '" + r.provider() + "'");
        }
        if (blank(r.productCategory()) || !CATEGORY.matcher(r.productCategory().trim()).matches()) {
            p.add("productCategory must be a 2-digit iJw product category, not '" + r.productCategory() + "'");
        }
        if (!blank(r.productCode()) && !CODE.matcher(r.productCode().trim()).matches()) {
            p.add("productCode must be a 5-character iJw product code, not '" + r.productCode() + "'");
        }
        if (r.start() == null) {
            p.add("start is missing");
        } else if (r.clientBirthDate() != null && r.start().isBefore(r.clientBirthDate())) {
            p.add("start " + r.start() + " is before the client's date of birth");
        }
        if (r.volume() != null) {
            if (r.volume() < 1 || r.volume() > 99_999_999) {
                p.add("volume must be from 1 to 99999999");
            }
            if (!UNITS.contains(r.unit())) {
                p.add("unit must be an iJw unit (WJ756) " + UNITS + " when a volume is given, not '" + r.unit() + "'");
            }
            if (!FREQUENCIES.contains(r.frequency())) {
                p.add("frequency must be an iJw frequency (WJ757) " + FREQUENCIES + " when a volume is given, not '"
                        + r.frequency() + "'");
            }
        } else if (r.unit() != null || r.frequency() != null) {
            p.add("unit and frequency go with a volume: give a volume or leave both out");
        }
        if (blank(r.motivation())) {
            p.add("motivation is missing");
        } else if (r.motivation().trim().length() > 4000) {
            p.add("motivation is longer than 4000 characters (Commentaar)");
        }
        return p;
    }

    /** The BSN eleven test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not 0). */
    static boolean elevenTest(String bsn) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum != 0 && sum % 11 == 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Element add(Document d, Element parent, String name, String text) {
        Element e = d.createElementNS(IjwXml.NS_JW315, "jw315:" + name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static void basis(Document d, Element parent, String name, String text) {
        Element e = d.createElementNS(IjwXml.NS_BASIS, "ijw:" + name);
        e.setTextContent(text);
        parent.appendChild(e);
    }
}
