package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.store.region.MunicipalityNames;
import nl.proeftuin.core.store.region.MunicipalityStore;

/**
 * A municipality field checked against the region's register, inside the caller's transaction: the
 * name's characters first (NFKC, Latin letters, space, hyphen, apostrophe), then the register, which
 * gives the exact form to store. An empty register refuses every name (409
 * {@code municipality-register-empty}) rather than let anything through: a regional administrator
 * adds the region's municipalities, or a region feature seeds them.
 */
final class Municipalities {

    static final String REGISTER_EMPTY = "municipality-register-empty";

    private Municipalities() {
    }

    /** @return the registered name for {@code raw}; see the class comment for the refusals */
    static String canonical(MunicipalityStore register, Connection c, String field, String raw) throws SQLException {
        String key = key(field, raw);
        var found = register.byKey(c, key);
        if (found.isPresent()) {
            return found.get().name();
        }
        if (register.isEmpty(c)) {
            throw new RuleViolationException(REGISTER_EMPTY, "The region's register of municipalities is empty:"
                    + " a regional administrator must add the municipalities (POST /api/v1/municipalities) first");
        }
        throw new InvalidInputException(field, "is not a municipality of the region's register");
    }

    /** Null or blank gives null (no filter), otherwise as {@link #canonical}. */
    static String optional(MunicipalityStore register, Connection c, String field, String raw) throws SQLException {
        return raw == null || raw.isBlank() ? null : canonical(register, c, field, raw);
    }

    /** The lookup key, or 400 on {@code field} for a name with characters no municipality has. */
    static String key(String field, String raw) {
        try {
            return MunicipalityNames.key(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
