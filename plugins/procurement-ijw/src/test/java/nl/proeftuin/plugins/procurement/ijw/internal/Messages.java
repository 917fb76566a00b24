package nl.proeftuin.plugins.procurement.ijw.internal;

import java.time.LocalDate;

import nl.proeftuin.core.spi.CareRequest;

/** Test data: a valid care request and a JW301 answering it, as a municipality would send it. */
final class Messages {
    private Messages() {
    }

    static final String REQUEST_ID = "0b6f0a52-9a7e-4f3e-9d59-2f1a3c4d5e6f";

    static CareRequest request() {
        return new CareRequest(REQUEST_ID, "case-1", "Ede", "123456782", LocalDate.of(2016, 5, 4), "Jansen",
                "98000021", "45", "45A10", LocalDate.of(2026, 4, 1), 3, "04", "2", "Ambulant parenting support");
    }

    static String jw301(String requestId, String berichtCode, String ontvanger, String extraProduct) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema"
                           xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
              <jw301:Header>
                <jw301:BerichtCode>%s</jw301:BerichtCode>
                <jw301:BerichtVersie>3</jw301:BerichtVersie>
                <jw301:BerichtSubversie>2</jw301:BerichtSubversie>
                <jw301:Afzender>0228</jw301:Afzender>
                <jw301:Ontvanger>%s</jw301:Ontvanger>
                <jw301:BerichtIdentificatie><ijw:Identificatie>EDE0000042</ijw:Identificatie><ijw:Dagtekening>2026-03-05</ijw:Dagtekening></jw301:BerichtIdentificatie>
                <jw301:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw301:XsdVersie>
              </jw301:Header>
              <jw301:Client>
                <jw301:Bsn>123456782</jw301:Bsn>
                <jw301:Geboortedatum><ijw:Datum>2016-05-04</ijw:Datum></jw301:Geboortedatum>
                <jw301:Geslacht>0</jw301:Geslacht>
                <jw301:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam></jw301:Naam>
                <jw301:Contactgegevens><jw301:Contact><ijw:Soort>01</ijw:Soort></jw301:Contact></jw301:Contactgegevens>
                <jw301:ToegewezenProducten>
                  <jw301:ToegewezenProduct>
                    <jw301:ToewijzingNummer>7001234</jw301:ToewijzingNummer>
                    <jw301:ReferentieAanbieder>%s</jw301:ReferentieAanbieder>
                    <jw301:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A10</ijw:Code></jw301:Product>
                    <jw301:Toewijzingsdatum>2026-03-05</jw301:Toewijzingsdatum>
                    <jw301:Toewijzingstijd>10:15:00</jw301:Toewijzingstijd>
                    <jw301:Ingangsdatum>2026-04-01</jw301:Ingangsdatum>
                    <jw301:Einddatum>2026-12-31</jw301:Einddatum>
                    <jw301:Omvang><ijw:Volume>3</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>2</ijw:Frequentie></jw301:Omvang>
                  </jw301:ToegewezenProduct>%s
                </jw301:ToegewezenProducten>
              </jw301:Client>
            </jw301:Bericht>
            """.formatted(berichtCode, ontvanger, requestId, extraProduct).strip();
    }

    static String jw301(String requestId) {
        return jw301(requestId, "436", "98000021", "");
    }
}
