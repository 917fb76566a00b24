package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.privacy.ErasureRequest;
import nl.proeftuin.core.audit.privacy.ErasureStatus;
import nl.proeftuin.core.audit.privacy.LegalHold;
import nl.proeftuin.core.audit.privacy.PersonalDataExport;
import org.junit.jupiter.api.Test;

/**
 * The printed GDPR export as a family reads it: times in Dutch time and words (01:30 in Arnhem was printed
 * as 23:30 the day before, in UTC), roles in words, and why an erasure was refused with the hold that
 * keeps the data (GDPR art. 12(4)), not only that it was.
 */
class PersonalDataPageTest {

    @Test
    void timesRolesAndARefusedErasureReadAsTheFamilyReadsThem() {
        Instant night = Instant.parse("2027-03-29T23:30:00Z"); // 01:30 on 30 March in Arnhem (summer time)
        AccessLogEntry read = new AccessLogEntry("e1", 1, night, "node", AccessAction.READ, "SUCCESS", "anna", "Anna",
                "PROFESSIONAL", "Wijkteam", null, null, List.of("p1"), "k1", "case", "k1", null, "GET /cases/{caseId}",
                false, null, "h");
        ErasureRequest refused = new ErasureRequest("r1", "p1", ErasureStatus.REFUSED, "niet meer nodig", night, "rik",
                night, "bob", "refused: a legal hold applies to the person or one of their cases");
        LegalHold hold = new LegalHold("h1", "PERSON", "p1", "lopende rechtszaak", night, "rik", null, null);
        String page = PersonalDataPage.render(new PersonalDataExport(night, "p1", Map.of("given_name", "Mila"), null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(refused),
                List.of(hold), List.of(read)));
        assertTrue(page.contains("30 maart 2027 om 01:30"), page);
        assertFalse(page.contains("2027-03-29T23:30"), "no UTC time: " + page);
        assertTrue(page.contains("<td>hulpverlener</td>"), page);
        assertTrue(page.contains("geweigerd (uw reden: niet meer nodig). Besluit: refused: a legal hold"), page);
        assertTrue(page.contains("Sinds 30 maart 2027 om 01:30: lopende rechtszaak"), page);
    }
}
