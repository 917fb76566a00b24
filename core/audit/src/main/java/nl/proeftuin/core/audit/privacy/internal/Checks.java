package nl.proeftuin.core.audit.privacy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.audit.privacy.Reader;

/** Input checks shared by the privacy services: every bad value is an InvalidInputException naming the field. */
final class Checks {
    private static final Pattern NAME = Pattern.compile("(user|role|person):[^,\\s\\p{Cntrl}]{1,200}");

    private Checks() {
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
        if (v.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t')) {
            throw new InvalidInputException(field, "contains control characters");
        }
        return v;
    }

    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    static void reader(Reader reader) {
        if (reader == null || reader.userId() == null || reader.userId().isBlank()) {
            throw new InvalidInputException("reader", "is required: every access names who");
        }
    }

    /** The restriction list: at least one valid name, the writer always added. */
    static List<String> restrictedTo(List<String> names, Reader writer) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("restrictedTo", "names at least one user:<id>, role:<ROLE> or person:<id>");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException("restrictedTo[" + i + "]", "must be user:<id>, role:<ROLE> or person:<id>");
            }
            out.add(name);
        }
        out.add("user:" + writer.userId());
        if (String.join(",", out).length() > 2000) {
            throw new InvalidInputException("restrictedTo", "is too long");
        }
        return new ArrayList<>(out);
    }

    static void personExists(Connection c, String personId) throws SQLException {
        if (personId == null || Rows.one(c, "SELECT id FROM person WHERE id = ?", rs -> rs.getString(1), personId).isEmpty()) {
            throw new NotFoundException("person " + personId);
        }
    }

    static void caseExists(Connection c, String caseId) throws SQLException {
        if (caseId == null || Rows.one(c, "SELECT id FROM family_case WHERE id = ?", rs -> rs.getString(1), caseId).isEmpty()) {
            throw new NotFoundException("case " + caseId);
        }
    }
}
