package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.store.cases.ProtectedNationalId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The BSN at rest, read back with plain JDBC: no column of the person row holds it in clear, yet a
 * BSN recorded twice is recognised and the stored ciphertext decrypts with the key. On both databases.
 */
class NationalIdAtRestTest {

    abstract static class Contract extends EngineTestBase {

        /** Every column of the person's row, as text, by column name. */
        Map<String, String> row(String personId) throws Exception {
            return database.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT * FROM person WHERE id = ?")) {
                    s.setString(1, personId);
                    try (ResultSet rs = s.executeQuery()) {
                        Map<String, String> out = new LinkedHashMap<>();
                        rs.next();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            out.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
                        }
                        return out;
                    }
                }
            });
        }

        @Test
        void noColumnHoldsTheBsnInClearButItIsProtectedRecoverablyAndMaskedOnReading() throws Exception {
            String bsn = "123456782";
            Person p = family.createPerson(ANS, new PersonInput("Sanne", "Jansen", LocalDate.of(2016, 3, 13), bsn));
            Map<String, String> row = row(p.id());
            assertEquals(p.id(), row.get("id"));
            row.forEach((column, value) -> assertFalse(value != null && value.contains(bsn),
                    "column " + column + " holds the BSN in clear"));
            assertFalse(row.containsKey("national_id"), "the clear column is gone (V4)");

            ProtectedNationalId stored = new ProtectedNationalId(row.get("national_id_digest"),
                    row.get("national_id_sealed"), row.get("national_id_last3"));
            assertEquals(bsn, nationalIds.reveal(stored));
            assertEquals("782", stored.lastDigits());
            assertEquals("******782", family.person(p.id()).nationalIdMasked());
        }

        @Test
        void aBsnRecordedTwiceIsStillRecognisedAndPersonsWithoutOneAreFine() throws Exception {
            Person first = family.createPerson(ANS, new PersonInput("A", "B", TODAY, "111222333"));
            assertRule("person-already-recorded",
                    () -> family.createPerson(ANS, new PersonInput("C", "D", TODAY, " 111222333 ")));
            Person none1 = family.createPerson(ANS, new PersonInput("E", "F", TODAY, null));
            Person none2 = family.createPerson(ANS, new PersonInput("G", "H", TODAY, null));
            assertNull(none1.nationalIdMasked());
            Map<String, String> row = row(none2.id());
            assertNull(row.get("national_id_digest"));
            assertNull(row.get("national_id_sealed"));
            assertNull(row.get("national_id_last3"));
            assertNotNull(row(first.id()).get("national_id_digest"));
        }
    }

    @Nested
    class OnH2 extends Contract {
    }

    @Nested
    class OnPostgreSql extends Contract {
        @Override
        boolean onPostgres() {
            return true;
        }
    }
}
