package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.proeftuin.core.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void refusesShortCommonAndUserIdPasswords() {
        assertEquals("password", assertThrows(InvalidInputException.class,
                () -> policy.check("anna", "kort-genoeg".toCharArray())).field());
        // in the shipped list (any case): refused although long enough
        assertTrue(assertThrows(InvalidInputException.class,
                () -> policy.check("anna", "123QWEasdzxc".toCharArray())).getMessage().contains("common"));
        assertTrue(assertThrows(InvalidInputException.class,
                () -> policy.check("anna.local", "mijn-Anna.Local-wachtwoord".toCharArray())).getMessage().contains("user id"));
        assertThrows(InvalidInputException.class, () -> policy.check("anna", new char[0]));
        assertThrows(InvalidInputException.class, () -> policy.check("anna", "x".repeat(257).toCharArray()));
    }

    /** The passwords a hostile test got through user-add: long enough, and guessed in seconds. */
    static final java.util.List<String> WEAK = java.util.List.of("Welkom012345", "Wachtwoord123", "proeftuin123456",
            "qwertyuiopasdf", " ".repeat(12));

    @Test
    void refusesPasswordsThatAreLongEnoughButEasyToGuess() {
        for (String weak : WEAK) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> policy.check("anna.local", weak.toCharArray()), "'" + weak + "'");
            assertEquals("password", e.field());
        }
        // the user's own names count as known words, also in parts
        assertThrows(InvalidInputException.class, () -> policy.check("fatima.elamrani", "Elamrani2026!x".toCharArray()));
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertDoesNotThrow(() -> policy.check("anna", "een-heel-ander-wachtwoord".toCharArray()));
        assertDoesNotThrow(() -> policy.check("anna", "kV9#mQ2!xLp7".toCharArray()));
        assertDoesNotThrow(() -> policy.check("anna", "paars-fietsenrek-onder-de-brug".toCharArray()));
    }

    @Test
    void shipsTheCommonList() {
        // The 100,000-entry list has close to a thousand entries of 12 characters or more; only those are kept.
        assertTrue(policy.commonPasswordsKept() > 400, "kept " + policy.commonPasswordsKept());
        assertTrue(new PasswordPolicy(8).commonPasswordsKept() > 20_000);
    }

    @Test
    void minimumLengthIsConfigurable() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new PasswordPolicy(20).check("anna", "paars-fietsenrek".toCharArray()));
        assertTrue(e.getMessage().contains("20"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(6));
    }
}
