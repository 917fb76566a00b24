package nl.proeftuin.plugins.importcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the names from an OSGi manifest header such as Import-Package: clauses separated by commas,
 * each clause one or more names separated by semicolons, then attributes and directives
 * ({@code version="[1.0,2)"}, {@code resolution:=optional}). Commas and semicolons inside quotes
 * belong to a value, which is why a plain {@code split(",")} is not enough.
 */
final class OsgiHeader {

    private OsgiHeader() {
    }

    /** @return the names in the header, in order; empty for a missing or blank header */
    static List<String> names(String header) {
        List<String> names = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return names;
        }
        for (String clause : split(header, ',')) {
            for (String part : split(clause, ';')) {
                String p = part.trim();
                // attributes (a=b) and directives (a:=b) follow the names
                if (p.contains("=")) {
                    break;
                }
                if (!p.isEmpty()) {
                    names.add(p);
                }
            }
        }
        return names;
    }

    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < s.length()) {
                current.append(c);
                c = s.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
