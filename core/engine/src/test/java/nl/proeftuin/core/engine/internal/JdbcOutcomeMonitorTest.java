package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.HandoverInput;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.TeamPosition;
import nl.proeftuin.core.api.monitor.Distribution;
import nl.proeftuin.core.api.monitor.FrameworkMonth;
import nl.proeftuin.core.api.monitor.OutcomeFigures;
import nl.proeftuin.core.api.monitor.OutcomeReport;
import org.junit.jupiter.api.Test;

class JdbcOutcomeMonitorTest extends EngineTestBase {

    @Test
    void leadTimeTeamsHandoversAndFrameworksAreCountedPerMunicipalityAndForTheRegion() {
        String ede = registered(unique("Ede"));
        String wageningen = registered(unique("Wageningen"));
        CaseView helped = caseWithTeamIn(ede);
        CaseView waiting = openCase(ede, person("Daan"));
        CaseView elsewhere = openCase(wageningen, person("Noor"));

        clock.advance(Duration.ofDays(10));
        firstPlan(helped);
        cases.handover(ANS, helped.id(), null, new HandoverInput(TeamPosition.FIXED_PROFESSIONAL, null,
                pro("new-fp-" + helped.id(), ProfessionalRole.FIXED_PROFESSIONAL, false), "overdracht"));
        cases.changeFramework(ANS, waiting.id(), null, new FrameworkChangeInput(Framework.COMPULSORY,
                new Measure(MeasureType.OTS, TODAY, TODAY.plusYears(1)), "OTS"));
        cases.close(ANS, elsewhere.id(), null, new CloseInput("klaar"));

        JdbcOutcomeMonitor monitor = new JdbcOutcomeMonitor(database, municipalityStore, new nl.proeftuin.core.store.internal.JdbcMonitorStore(), clock);
        OutcomeReport report = monitor.report(ede);
        OutcomeFigures f = report.figures();
        assertEquals(ede, report.municipality());
        assertEquals(2, f.cases());
        assertEquals(2, f.openCases());
        assertEquals(1, f.leadTimeDays().count());
        assertEquals(10.0, f.leadTimeDays().median(), "signal received on day 0, first plan on day 10");
        assertEquals(1, bucket(f.leadTimeDays(), "8-14"));
        assertEquals(1, f.waitingForFirstHelp());
        // the helped case counts what its team says; the waiting case has no one yet
        int team = cases.get(helped.id()).activeProfessionals();
        assertTrue(team >= 2, "team of " + team);
        assertEquals(1, bucket(f.activeProfessionals(), String.valueOf(team)), f.activeProfessionals().toString());
        assertEquals(1, bucket(f.activeProfessionals(), "0"));
        // handing over a fixed professional who also held the casusregie records both positions
        int handovers = cases.handovers(helped.id()).size();
        assertTrue(handovers >= 1 && handovers <= 2, "handovers " + handovers);
        assertEquals(1, bucket(f.handovers(), String.valueOf(handovers)));
        assertEquals(1, bucket(f.handovers(), "0"));
        FrameworkMonth now = f.frameworks().get(f.frameworks().size() - 1);
        assertEquals(new FrameworkMonth("2027-03", 1, 0, 1), now);
        assertEquals(new FrameworkMonth("2027-02", 0, 0, 0), f.frameworks().get(f.frameworks().size() - 2));
        assertEquals(JdbcOutcomeMonitor.MONTHS, f.frameworks().size());
        assertEquals(0, f.careWaitingDays().count());

        OutcomeFigures other = monitor.report(wageningen).figures();
        assertEquals(1, other.cases());
        assertEquals(0, other.openCases());
        assertEquals(new FrameworkMonth("2027-03", 0, 0, 0), other.frameworks().get(other.frameworks().size() - 1),
                "a case closed before the end of the month is not counted in it");

        OutcomeReport region = monitor.report(null);
        assertNull(region.municipality());
        OutcomeFigures last = region.rows().get(region.rows().size() - 1);
        assertNull(last.municipality(), "the region's row comes last");
        assertEquals(region.figures(), last);
        assertTrue(region.rows().stream().anyMatch(r -> ede.equals(r.municipality())));
        int sum = region.rows().stream().filter(r -> r.municipality() != null).mapToInt(OutcomeFigures::cases).sum();
        assertEquals(sum, last.cases(), "the region is the sum of its municipalities");
    }

    /**
     * The monitor counts frameworks from the events' typed payload: the human sentence of a framework
     * change may be reworded (or say anything) without moving a figure. Before typed events the
     * monitor parsed {@code "OLD -> NEW"} from the sentence: a reworded sentence lost the change (the
     * month before counted the case as COMPULSORY), a misleading one counted what it said.
     */
    @Test
    void frameworksComeFromTheTypedPayloadNotFromTheSentence() throws Exception {
        String zutphen = registered(unique("Zutphen"));
        CaseView reworded = openCase(zutphen, person("Lotte"));
        CaseView misleading = openCase(zutphen, person("Bram"));
        clock.advance(Duration.ofDays(30)); // 2027-04-11: both cases were VOLUNTARY all of March
        cases.changeFramework(ANS, reworded.id(), null, new FrameworkChangeInput(Framework.COMPULSORY,
                new Measure(MeasureType.OTS, TODAY.plusDays(30), TODAY.plusDays(30).plusYears(1)), "OTS"));
        cases.changeFramework(ANS, misleading.id(), null, new FrameworkChangeInput(Framework.CONDITIONAL, null, "JB"));
        database.inTransaction(c -> {
            try (var s = c.prepareStatement("UPDATE case_event SET detail = ? WHERE case_id = ?"
                    + " AND event_type = 'FRAMEWORK_CHANGED'")) {
                s.setString(1, "Kader gewijzigd: van vrijwillig naar gedwongen (OTS)");
                s.setString(2, reworded.id());
                assertEquals(1, s.executeUpdate());
                s.setString(1, "VOLUNTARY -> VOLUNTARY");
                s.setString(2, misleading.id());
                assertEquals(1, s.executeUpdate());
            }
            return null;
        });

        List<FrameworkMonth> months = new JdbcOutcomeMonitor(database, municipalityStore, new nl.proeftuin.core.store.internal.JdbcMonitorStore(), clock).report(zutphen)
                .figures().frameworks();
        assertEquals(new FrameworkMonth("2027-04", 0, 1, 1), months.get(months.size() - 1));
        assertEquals(new FrameworkMonth("2027-03", 2, 0, 0), months.get(months.size() - 2));
        assertEquals("Kader gewijzigd: van vrijwillig naar gedwongen (OTS)", cases.history(reworded.id()).stream()
                .filter(e -> e.type().equals("FRAMEWORK_CHANGED")).findFirst().orElseThrow().detail(),
                "the sentence is only for people");
    }

    @Test
    void aMunicipalityWithoutCasesHasEmptyFigures() {
        OutcomeFigures f = new JdbcOutcomeMonitor(database, municipalityStore, new nl.proeftuin.core.store.internal.JdbcMonitorStore(), clock).report(registered(unique("Nergenshuizen"))).figures();
        assertEquals(0, f.cases());
        assertNull(f.leadTimeDays().median());
        assertEquals(5, f.leadTimeDays().buckets().size());
    }

    @Test
    void aBlankMunicipalityIsRefused() {
        assertInvalid("municipality", () -> new JdbcOutcomeMonitor(database, municipalityStore, new nl.proeftuin.core.store.internal.JdbcMonitorStore(), clock).report(" "));
    }

    @Test
    void distributionsHaveMedianPercentileAndOpenLastBucket() {
        Distribution d = JdbcOutcomeMonitor.distribution(List.of(1, 2, 3, 4, 100), new int[][] {{0, 2}, {3, -1}});
        assertEquals(3.0, d.median());
        assertEquals(100.0, d.p90());
        assertEquals(22.0, d.mean());
        assertEquals("0-2", d.buckets().get(0).label());
        assertEquals(2, d.buckets().get(0).count());
        assertEquals("3+", d.buckets().get(1).label());
        assertEquals(3, d.buckets().get(1).count());
        assertEquals(2.5, JdbcOutcomeMonitor.distribution(List.of(2, 3), new int[][] {{0, -1}}).median());
    }

    private CaseView caseWithTeamIn(String municipality) {
        CaseView k = openCase(municipality, person("Sanne"));
        k = cases.assign(ANS, k.id(), k.version(), pro("fp-" + k.id(), ProfessionalRole.FIXED_PROFESSIONAL, true));
        return cases.assign(ANS, k.id(), k.version(), pro("rvt-" + k.id(), ProfessionalRole.RVT_PROFESSIONAL, false));
    }

    private static int bucket(Distribution d, String label) {
        return d.buckets().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow().count();
    }

}
