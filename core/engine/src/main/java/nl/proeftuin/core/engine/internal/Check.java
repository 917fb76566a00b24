package nl.proeftuin.core.engine.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.dto.Actor;

/**
 * Field checks shared by the services. Each failure names the field path and the reason, so the
 * client can point at the field.
 */
final class Check {

    /** Names: given and family names, organisations, municipalities, addresses. */
    static final int NAME = 200;
    /** Long free text: descriptions, notes, grounds, conclusions. */
    static final int LONG_TEXT = 10_000;
    /** Short free text: a consent subject, a relationship note. */
    static final int SHORT_TEXT = 1_000;
    /** Ids a client gives (user ids, plan item ids). */
    static final int ID = 100;

    private Check() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /** Required, not blank, at most {@code max} characters; returned stripped. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return length(field, value.strip(), max);
    }

    /** Optional text: null (or blank) gives null; otherwise at most {@code max} characters, stripped. */
    static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return length(field, value.strip(), max);
    }

    private static String length(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
        return value;
    }

    static LocalDate notInFuture(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, "is in the future");
        }
        return date;
    }

    /** {@code until} (may be null) must not be before {@code since} (may be null). */
    static void range(String untilField, LocalDate since, LocalDate until) {
        if (since != null && until != null && until.isBefore(since)) {
            throw new InvalidInputException(untilField, "is before the start date");
        }
    }

    static Actor actor(Actor actor) {
        required("actor", actor);
        text("actor.id", actor.id(), ID);
        return actor;
    }

    /** The actor's name for display, falling back to the id. */
    static String actorName(Actor actor) {
        return actor.name() == null || actor.name().isBlank() ? actor.id() : actor.name().strip();
    }

    static <T> List<T> list(Collection<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * The Dutch citizen service number (BSN): nine digits passing the eleven test (<i>elfproef</i>):
     * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not 0).
     */
    static String bsn(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String bsn = value.strip();
        if (!bsn.matches("[0-9]{9}")) {
            throw new InvalidInputException(field, "must be nine digits");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        if (sum == 0 || sum % 11 != 0) {
            throw new InvalidInputException(field, "is not a valid BSN (fails the eleven test)");
        }
        return bsn;
    }
}
