package nl.proeftuin.plugins.localteam.file.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.spi.InboundPerson;

/**
 * The CSV shape of a request from the local team, one row per person; the rows of one request share
 * its {@code idempotencyKey} (and repeat {@code externalRef}, {@code receivedOn}, {@code description}
 * identically). The header names every column once, in any order:
 *
 * <table>
 * <tr><th>column</th><th>rule</th></tr>
 * <tr><td>idempotencyKey</td><td>required, 1..100 of A-Z a-z 0-9 . _ : -</td></tr>
 * <tr><td>externalRef</td><td>optional, at most 100 characters</td></tr>
 * <tr><td>receivedOn</td><td>required, yyyy-mm-dd</td></tr>
 * <tr><td>description</td><td>required, at most 4000 characters</td></tr>
 * <tr><td>givenName, familyName</td><td>required, at most 100 characters</td></tr>
 * <tr><td>dateOfBirth</td><td>required, yyyy-mm-dd</td></tr>
 * <tr><td>nationalId</td><td>optional, 9 digits (BSN)</td></tr>
 * <tr><td>roles</td><td>required, FamilyRole names separated by {@code |}: CHILD|VICTIM</td></tr>
 * </table>
 * No field may hold a control character (NUL and the other C0/C1 codes; the database refuses NUL),
 * except line breaks and tabs inside {@code description}. A bad header is reported by the position of
 * the column, never by what it holds: what was read as a header may not be the team's (a report copies
 * nothing but the names of this table).
 */
final class RequestColumns {
    static final List<String> COLUMNS = List.of("idempotencyKey", "externalRef", "receivedOn", "description",
            "givenName", "familyName", "dateOfBirth", "nationalId", "roles");
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final Pattern NATIONAL_ID = Pattern.compile("[0-9]{9}");
    /** Control characters: C0 (NUL..US), DEL and C1. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    /** The same, but line breaks and tabs, which a description may hold. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    /** A row's reason to be refused: the column and why. */
    static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;
        final String reason;

        BadField(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }

    /** One valid row. */
    record RequestRow(int line, String idempotencyKey, String externalRef, LocalDate receivedOn, String description,
            InboundPerson person) {
    }

    private final Map<String, Integer> index;

    private RequestColumns(Map<String, Integer> index) {
        this.index = index;
    }

    /**
     * Reads the header. @throws BadField naming the column that is twice or missing, or the position
     * of one that is unknown (not its text: see above)
     */
    static RequestColumns of(List<String> header) throws BadField {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (!COLUMNS.contains(name)) {
                throw new BadField("column " + (i + 1), "not a known column name (the header must name: "
                        + String.join(",", COLUMNS) + ")");
            }
            if (index.put(name, i) != null) {
                throw new BadField(name, "column named twice");
            }
        }
        for (String column : COLUMNS) {
            if (!index.containsKey(column)) {
                throw new BadField(column, "column missing from the header");
            }
        }
        return new RequestColumns(index);
    }

    /** The row's idempotencyKey field as written, or null when the row is too short to have one. */
    String keyField(List<String> fields) {
        int at = index.get("idempotencyKey");
        return at < fields.size() ? fields.get(at) : null;
    }

    int width() {
        return index.size();
    }

    /** Reads one row. @throws BadField naming the first column that is wrong */
    RequestRow read(int line, List<String> fields) throws BadField {
        if (fields.size() != width()) {
            throw new BadField("row", "has " + fields.size() + " fields, the header has " + width());
        }
        String key = text(fields, "idempotencyKey", 100, true);
        if (!KEY.matcher(key).matches()) {
            throw new BadField("idempotencyKey", "only letters, digits and . _ : - are allowed");
        }
        String externalRef = text(fields, "externalRef", 100, false);
        LocalDate receivedOn = date(fields, "receivedOn");
        String description = text(fields, "description", 4000, true, CONTROL_IN_TEXT);
        String givenName = text(fields, "givenName", 100, true);
        String familyName = text(fields, "familyName", 100, true);
        LocalDate dateOfBirth = date(fields, "dateOfBirth");
        String nationalId = text(fields, "nationalId", 9, false);
        if (nationalId != null && !NATIONAL_ID.matcher(nationalId).matches()) {
            throw new BadField("nationalId", "must be 9 digits");
        }
        return new RequestRow(line, key, externalRef, receivedOn, description,
                new InboundPerson(givenName, familyName, dateOfBirth, nationalId, roles(fields)));
    }

    private Set<FamilyRole> roles(List<String> fields) throws BadField {
        String text = text(fields, "roles", 200, true);
        Set<FamilyRole> roles = EnumSet.noneOf(FamilyRole.class);
        for (String name : text.split("\\|", -1)) {
            try {
                roles.add(FamilyRole.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new BadField("roles", "'" + name.strip() + "' is not one of " + EnumSet.allOf(FamilyRole.class)
                        + " (separate several with |)");
            }
        }
        return Set.copyOf(roles);
    }

    private String text(List<String> fields, String column, int max, boolean required) throws BadField {
        return text(fields, column, max, required, CONTROL);
    }

    private String text(List<String> fields, String column, int max, boolean required, Pattern control)
            throws BadField {
        String value = fields.get(index.get(column)).strip();
        if (value.isEmpty()) {
            if (required) {
                throw new BadField(column, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            throw new BadField(column, "must be at most " + max + " characters");
        }
        Matcher bad = control.matcher(value);
        if (bad.find()) {
            throw new BadField(column, "holds a control character (such as NUL) at character " + (bad.start() + 1)
                    + ": not allowed" + (control == CONTROL_IN_TEXT ? " (line breaks and tabs are)" : ""));
        }
        return value;
    }

    private LocalDate date(List<String> fields, String column) throws BadField {
        String value = text(fields, column, 10, true);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadField(column, "'" + value + "' is not a date as yyyy-mm-dd");
        }
    }
}
