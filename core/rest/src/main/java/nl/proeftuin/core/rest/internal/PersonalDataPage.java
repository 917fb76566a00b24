package nl.proeftuin.core.rest.internal;

import java.util.List;
import java.util.Map;

import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.privacy.PersonalDataExport;

/**
 * The GDPR export as a readable, printable HTML page in plain Dutch (B1): what we keep about you,
 * section by section, every text HTML-escaped, no script.
 */
final class PersonalDataPage {
    private PersonalDataPage() {
    }

    static String render(PersonalDataExport e) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Wat wij over u bewaren</title>\n<style>body{font-family:system-ui,Arial,sans-serif;")
                .append("font-size:1.125rem;line-height:1.6;max-width:46rem;margin:2rem auto;padding:0 1rem}")
                .append("dt{font-weight:bold}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;")
                .append("text-align:left;vertical-align:top}@media print{body{max-width:none;margin:0}}</style>\n")
                .append("</head>\n<body>\n<h1>Wat wij over u bewaren</h1>\n")
                .append("<p>Dit is een overzicht van alle gegevens die wij over u hebben. U hebt recht op dit overzicht. ")
                .append("Klopt er iets niet? Dan kunt u vragen om het te verbeteren. U kunt ook vragen om gegevens te wissen. ")
                .append("Soms mogen wij dat niet, bijvoorbeeld omdat de wet zegt dat wij een dossier 20 jaar moeten bewaren.</p>\n")
                .append("<p>Gemaakt op: ").append(esc(when(e.generatedAt()))).append("</p>\n");
        section(h, "Uw gegevens", List.of(e.person()));
        if (e.safeAddress() != null) {
            h.append("<h2>Uw geheime adres</h2>\n<p>Dit adres ziet alleen wie erbij mag: ")
                    .append(esc(e.safeAddress().address())).append(", ").append(esc(e.safeAddress().municipality())).append("</p>\n");
        }
        section(h, "Uw familie en relaties", e.relationships());
        section(h, "Waar u woont of woonde", e.households());
        section(h, "Uw dossiers", e.cases());
        section(h, "Wat er over u is opgeschreven", e.entries());
        section(h, "Uw toestemmingen", e.consents());
        section(h, "Plannen", e.planVersions());
        h.append("<h2>Verbeteringen</h2>\n");
        list(h, e.rectifications().stream().map(r -> when(r.madeAt()) + ": " + r.field() + " van '" + r.oldValue() + "' naar '"
                + r.newValue() + "' (" + r.reason() + ")").toList());
        h.append("<h2>Verzoeken om te wissen</h2>\n");
        // why a request was refused, not only that it was (GDPR art. 12(4))
        list(h, e.erasureRequests().stream().map(r -> when(r.requestedAt()) + ": " + erasure(r.status()) + " (uw reden: "
                + r.reason() + ")" + (r.outcome() == null ? "" : ". Besluit: " + r.outcome())).toList());
        h.append("<h2>Wat wij niet mogen wissen</h2>\n");
        list(h, e.legalHolds().stream().filter(x -> x.liftedAt() == null).map(x -> "Sinds " + when(x.placedAt()) + ": "
                + x.reason()).toList());
        h.append("<h2>Wie heeft uw gegevens bekeken of veranderd</h2>\n");
        if (e.accessLog().isEmpty()) {
            h.append("<p>Nog niemand.</p>\n");
        } else {
            h.append("<table><tr><th>Wanneer</th><th>Wat</th><th>Wie</th><th>Rol</th><th>Organisatie</th></tr>\n");
            for (AccessLogEntry a : e.accessLog()) {
                h.append("<tr><td>").append(esc(when(a.at()))).append("</td><td>").append(esc(action(a))).append("</td><td>")
                        .append(esc(a.userName() != null ? a.userName() : a.userId() != null ? a.userId()
                                : "een hulpverlener van een andere casus")).append("</td><td>").append(esc(roles(a.role())))
                        .append("</td><td>").append(esc(a.organisation())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    /** A moment as the family reads it: in Dutch, in Dutch time (not UTC: 01:30 was printed as 23:30 the day before). */
    static String when(java.time.Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(nl.proeftuin.core.api.DutchDay.ZONE));
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy 'om' HH:mm", java.util.Locale.forLanguageTag("nl"));

    private static String erasure(nl.proeftuin.core.audit.privacy.ErasureStatus status) {
        return status == null ? "" : switch (status) {
            case REQUESTED -> "gevraagd, nog niet besloten";
            case ERASED -> "gewist";
            case REFUSED -> "geweigerd";
            case REJECTED -> "afgewezen";
        };
    }

    /** The roles in the words of the page (the platform's names otherwise). */
    private static String roles(String roles) {
        if (roles == null || roles.isBlank()) {
            return "";
        }
        return java.util.Arrays.stream(roles.split(",")).map(String::strip).map(r -> switch (r) {
            case "PROFESSIONAL" -> "hulpverlener";
            case "COORDINATOR" -> "coördinator";
            case "REGIONAL_ADMINISTRATOR" -> "beheerder van de regio";
            case "AUDITOR" -> "controleur";
            case "MUNICIPALITY" -> "gemeente";
            default -> r;
        }).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String action(AccessLogEntry a) {
        String what = a.action() == null ? "" : switch (a.action()) {
            case READ -> "bekeken";
            case CREATE -> "toegevoegd";
            case UPDATE -> "veranderd";
            case DELETE -> "verwijderd";
            case SEARCH -> "gezocht";
            case EXPORT -> "overzicht gemaakt";
            case PRINT -> "afgedrukt";
            case BREAK_GLASS -> "met noodtoegang bekeken";
            case RECTIFICATION -> "verbeterd";
            case ERASURE -> "wissen gevraagd of beslist";
            default -> a.action().name().toLowerCase(java.util.Locale.ROOT);
        };
        return "DENIED".equals(a.outcome()) ? what + " (geweigerd)" : what;
    }

    private static void section(StringBuilder h, String title, List<Map<String, Object>> rows) {
        h.append("<h2>").append(esc(title)).append("</h2>\n");
        if (rows.isEmpty()) {
            h.append("<p>Niets.</p>\n");
            return;
        }
        for (Map<String, Object> row : rows) {
            h.append("<dl>\n");
            row.forEach((k, v) -> h.append("<dt>").append(esc(k.replace('_', ' '))).append("</dt><dd>").append(esc(v))
                    .append("</dd>\n"));
            h.append("</dl>\n");
        }
    }

    private static void list(StringBuilder h, List<String> items) {
        if (items.isEmpty()) {
            h.append("<p>Geen.</p>\n");
            return;
        }
        h.append("<ul>\n");
        items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static String esc(Object value) {
        return FamilyViewPage.escape(value == null ? "" : String.valueOf(value));
    }
}
