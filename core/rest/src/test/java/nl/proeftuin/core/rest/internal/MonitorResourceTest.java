package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import nl.proeftuin.core.api.monitor.Distribution;
import nl.proeftuin.core.api.monitor.DistributionBucket;
import nl.proeftuin.core.api.monitor.FrameworkMonth;
import nl.proeftuin.core.api.monitor.OutcomeFigures;
import nl.proeftuin.core.api.monitor.OutcomeReport;
import org.junit.jupiter.api.Test;

class MonitorResourceTest {

    private static OutcomeFigures figures(String municipality, int cases) {
        Distribution lead = new Distribution(2, 9.5, 12.0, 9.5,
                List.of(new DistributionBucket("0-7", 0, 7, 1), new DistributionBucket("57+", 57, null, 1)));
        Distribution empty = new Distribution(0, null, null, null, List.of());
        return new OutcomeFigures(municipality, cases, cases, lead, 1, empty, empty,
                List.of(new FrameworkMonth("2027-03", 2, 0, 1)), empty, 0);
    }

    @Test
    void theRegionsCsvHasEveryMunicipalityAndTheRegion() {
        OutcomeReport report = new OutcomeReport(null, Instant.parse("2027-03-12T09:00:00Z"), figures(null, 3),
                List.of(figures("Ede", 1), figures("=HYPERLINK(\"x\")", 2), figures(null, 3)));
        String csv = MonitorResource.csv(report);
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals("scope,measure,label,value", lines.get(0));
        assertTrue(lines.contains("Ede,cases,,1"), csv);
        assertTrue(lines.contains("region,cases,,3"), csv);
        assertTrue(lines.contains("region,lead_time_days,median,9.5"), csv);
        assertTrue(lines.contains("region,lead_time_days,bucket 57+,1"), csv);
        assertTrue(lines.contains("Ede,open_cases_compulsory,2027-03,1"), csv);
        assertTrue(lines.contains("Ede,care_waiting_days,median,"), "no value is an empty cell: " + csv);
        assertTrue(lines.contains("\"'=HYPERLINK(\"\"x\"\")\",cases,,2"), "a formula is neutralised and quoted: " + csv);
    }

    @Test
    void aMunicipalitysCsvHasOnlyThatMunicipality() {
        OutcomeReport report = new OutcomeReport("Ede", Instant.EPOCH, figures("Ede", 1),
                List.of(figures("Ede", 1), figures("Wageningen", 4), figures(null, 5)));
        String csv = MonitorResource.csv(report);
        assertTrue(csv.contains("Ede,cases,,1"));
        assertTrue(!csv.contains("Wageningen") && !csv.contains("region,"), csv);
    }
}
