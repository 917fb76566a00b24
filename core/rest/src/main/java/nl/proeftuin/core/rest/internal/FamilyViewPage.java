package nl.proeftuin.core.rest.internal;

import java.util.List;
import java.util.Locale;

import nl.proeftuin.core.api.dto.FamilyView;

/**
 * The family view of a plan as a complete, printable HTML5 page in Dutch: semantic headings and
 * lists, a print stylesheet, every text HTML-escaped, no JavaScript (the Content-Security-Policy
 * forbids any script). Also decides, from {@code ?format=} or the {@code Accept} header, whether a
 * request wants this page or JSON.
 */
final class FamilyViewPage {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.125rem;
                   line-height: 1.6; color: #1a1a1a; background: #fff; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.75rem; line-height: 1.25; }
            h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; }
            li { margin-bottom: 0.5rem; }
            .leeg { font-style: italic; }
            @media print {
              body { font-size: 12pt; max-width: none; margin: 0; padding: 0; }
              h2 { break-after: avoid; page-break-after: avoid; }
              li, p { break-inside: avoid; page-break-inside: avoid; orphans: 3; widows: 3; }
              @page { margin: 2cm; }
            }
            """;

    private FamilyViewPage() {
    }

    /**
     * @return true for HTML: {@code ?format=html}, or an {@code Accept} header that ranks
     *         {@code text/html} above {@code application/json}; JSON otherwise
     * @throws ApiProblem 400 for another {@code format}; 406 when Accept allows neither
     */
    static boolean wantsHtml(ApiRequest request) {
        String format = request.query("format");
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "html" -> true;
                case "json" -> false;
                default -> throw ApiProblem.invalidParameter("format", "must be html or json, not " + Json.quote(format));
            };
        }
        String accept = request.header("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = quality(accept, "text", "html");
        double json = quality(accept, "application", "json");
        if (html <= 0 && json <= 0) {
            throw new ApiProblem(406, "Not Acceptable",
                    "The family view is available as application/json or text/html");
        }
        return html > json;
    }

    /** The q-value the most specific matching media range of {@code accept} gives {@code type/subtype}. */
    static double quality(String accept, String type, String subtype) {
        double quality = 0;
        int specificity = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String media = parts[0].strip().toLowerCase(Locale.ROOT);
            int slash = media.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String t = media.substring(0, slash);
            String s = media.substring(slash + 1);
            int rank;
            if (t.equals(type) && s.equals(subtype)) {
                rank = 2;
            } else if (t.equals(type) && s.equals("*")) {
                rank = 1;
            } else if (t.equals("*") && s.equals("*")) {
                rank = 0;
            } else {
                continue;
            }
            if (rank > specificity) {
                specificity = rank;
                quality = q(parts);
            }
        }
        return quality;
    }

    private static double q(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].strip();
            if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
                try {
                    double q = Double.parseDouble(p.substring(2).strip());
                    return q < 0 || q > 1 || Double.isNaN(q) ? 0 : q;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    static Reply reply(FamilyView view) {
        return Reply.text(200, render(view), "text/html")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    static String render(FamilyView view) {
        String title = view.title() == null || view.title().isBlank() ? "Ons gezinsplan" : view.title();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
        if (view.intro() != null && !view.intro().isBlank()) {
            html.append("<p>").append(escape(view.intro())).append("</p>\n");
        }
        List<FamilyView.Section> sections = view.sections() == null ? List.of() : view.sections();
        for (FamilyView.Section section : sections) {
            html.append("<section>\n<h2>").append(escape(section.heading())).append("</h2>\n");
            List<String> items = section.items() == null ? List.of() : section.items();
            if (items.isEmpty()) {
                html.append("<p class=\"leeg\">Hier staat nog niets.</p>\n");
            } else {
                html.append("<ul>\n");
                for (String item : items) {
                    html.append("<li>").append(escape(item)).append("</li>\n");
                }
                html.append("</ul>\n");
            }
            html.append("</section>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
