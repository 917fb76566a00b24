package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.monitor.CohortRow;
import nl.proeftuin.core.api.monitor.CohortSpec;
import org.junit.jupiter.api.Test;

/** How a {@code cohort} parameter reads (issue 15), and the CSV's shape. */
class CohortResourceTest {

    @Test
    void aCohortReadsItsKeysPeriodsAndVariant() {
        assertEquals(new CohortSpec("pilot", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), List.of("Arnhem", "Ede"),
                "Pilot", "triage-threeway", "abc", 7L), CohortResource.spec("cohort[0]",
                        "name=pilot;quarter=2026-Q1;municipality=Arnhem;municipality=Ede;group=Pilot;plugin=triage-threeway;"
                                + "configurationHash=ABC;bindingRevision=7"));
        CohortSpec february = CohortResource.spec("cohort[1]", "name=feb; month=2028-02");
        assertEquals(LocalDate.of(2028, 2, 29), february.to());
        assertEquals(new CohortSpec("x", LocalDate.of(2026, 4, 1), null, null, null, null, null, null),
                CohortResource.spec("cohort[0]", "name=x;from=2026-04-01"));
        // cohorts (decision 0042): the variant at opening and of a later decision
        assertEquals(new CohortSpec("p", null, null, null, null, null, null, null, "TRIAGE:none", "PROCUREMENT:ijw:ab12"),
                CohortResource.spec("cohort[0]", "name=p;opening=TRIAGE:none;decided=PROCUREMENT:ijw:ab12"));
    }

    @Test
    void aBadCohortIsA400NamingItsKey() {
        Map<String, String> bad = Map.of("from=2026-01-01", "cohort[0].name", "name=a;colour=red", "cohort[0].colour",
                "name=a;quarter=2026-Q5", "cohort[0].quarter", "name=a;month=2026-13", "cohort[0].month",
                "name=a;bindingRevision=seven", "cohort[0].bindingRevision", "name=a;quarter=2026-Q1;from=2026-01-01",
                "cohort[0].from", "name=a;plugin=", "cohort[0].plugin", "name=a;nonsense", "cohort[0]");
        bad.forEach((text, parameter) -> {
            ApiProblem p = assertThrows(ApiProblem.class, () -> CohortResource.spec("cohort[0]", text), text);
            assertEquals(400, p.status, text);
            assertEquals(parameter, p.extensions.get("parameter"), text);
        });
    }

    @Test
    void theCsvHasPseudonymsAndMonthsOnly() {
        String csv = CohortResource.csv(List.of(new CohortRow("pilot", "case-1", "Arnhem", LocalDate.of(2026, 2, 3),
                "VOLUNTARY", "triage-threeway", "abc", 7L, 12, 2, 1, 0, null, "GOALS_REACHED", LocalDate.of(2026, 5, 6),
                true)), Map.of("case-1", "0123456789abcdef0123"));
        String[] lines = csv.split("\r\n");
        assertEquals("pilot,0123456789abcdef0123,Arnhem,2026-02,VOLUNTARY,triage-threeway,abc,7,12,2,1,0,,GOALS_REACHED,"
                + "2026-05,true", lines[1]);
        assertTrue(!csv.contains("case-1") && !csv.contains("2026-02-03"));
    }
}
