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
import nl.proeftuin.core.store.privacy.PrivacyStore;

/** Input checks shared by the privacy services: every bad value is an InvalidInputException naming the field. */
final class Checks {
    private static final Pattern NAME = Pattern.compile("(user|role|person):[^,\\s\\p{Cntrl}]{1,200}");
    /** A case id in a position's name. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

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

    /** The platform roles a restriction may name (nl.proeftuin.core.security.Role, which this bundle does not import). */
    static final List<String> PLATFORM_ROLES = List.of("PROFESSIONAL", "COORDINATOR", "REGIONAL_ADMINISTRATOR", "AUDITOR");
    /**
     * The case positions a restriction may name (nl.proeftuin.core.api.dto.TeamPosition): whoever holds
     * the position now, so that the restriction follows a handover.
     */
    static final List<String> CASE_POSITIONS = List.of("FIXED_PROFESSIONAL", "CASUSREGIE");

    /** One name of a restriction list, its form and role checked (whether a user or person exists: {@link #exists}). */
    static String name(String field, String value) {
        String name = value == null ? "" : value.strip();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(field, "must be user:<id>, role:<ROLE> or person:<id>");
        }
        if (name.startsWith("role:")) {
            String role = name.substring("role:".length());
            int at = role.indexOf('@');
            if (at > 0 && CASE_POSITIONS.contains(role.substring(0, at)) && ID.matcher(role.substring(at + 1)).matches()) {
                return name; // a case position in a named case (role:FIXED_PROFESSIONAL@<caseId>)
            }
            if (!PLATFORM_ROLES.contains(role) && !CASE_POSITIONS.contains(role)) {
                throw new InvalidInputException(field, "names no role: " + role + " is neither a platform role "
                        + PLATFORM_ROLES + " nor a case position " + CASE_POSITIONS
                        + " (role:FIXED_PROFESSIONAL and role:CASUSREGIE name whoever holds the position in the case now)");
            }
        }
        return name;
    }

    /**
     * Refuses a name that names nothing: a user who is neither a known account nor ever assigned to a
     * case, a person who is not recorded.
     */
    static void exists(Connection c, PrivacyStore store, String field, String name) throws SQLException {
        if (name.startsWith("user:")) {
            String user = name.substring("user:".length());
            if (!store.knownUser(c, user)) {
                throw new InvalidInputException(field, "names no known user: " + user);
            }
        } else if (name.startsWith("person:")) {
            String person = name.substring("person:".length());
            if (!store.personExists(c, person)) {
                throw new InvalidInputException(field, "names no known person: " + person);
            }
        }
    }

    /** {@link #exists} for each name of a restriction list as given (the writer, added last, exists). */
    static void allExist(Connection c, PrivacyStore store, List<String> names) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            exists(c, store, "restrictedTo[" + i + "]", names.get(i).strip());
        }
    }

    /** The restriction list: at least one valid name, the writer always added. */
    static List<String> restrictedTo(List<String> names, Reader writer) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("restrictedTo", "names at least one user:<id>, role:<ROLE> or person:<id>");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(name("restrictedTo[" + i + "]", names.get(i)));
        }
        out.add("user:" + writer.userId());
        if (String.join(",", out).length() > 2000) {
            throw new InvalidInputException("restrictedTo", "is too long");
        }
        return new ArrayList<>(out);
    }

    static void personExists(Connection c, PrivacyStore store, String personId) throws SQLException {
        if (personId == null || !store.personExists(c, personId)) {
            throw new NotFoundException("person " + personId);
        }
    }

    static void caseExists(Connection c, PrivacyStore store, String caseId) throws SQLException {
        if (caseId == null || !store.caseExists(c, caseId)) {
            throw new NotFoundException("case " + caseId);
        }
    }
}
