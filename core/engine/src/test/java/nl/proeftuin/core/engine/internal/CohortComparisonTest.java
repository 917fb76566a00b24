package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.monitor.CohortComparison;
import nl.proeftuin.core.api.monitor.CohortSpec;
import nl.proeftuin.core.api.monitor.IndicatorComparison;
import nl.proeftuin.core.api.monitor.MunicipalityGroupInput;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcCohortStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalityGroupStore;
import nl.proeftuin.core.store.internal.JdbcOutcomeStore;
import nl.proeftuin.core.store.internal.SyntheticCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's "done when": two cohorts with a known difference (municipality group A on variant X with
 * a lead time 21 days shorter than group B on variant Y); the comparison reports that difference with
 * an interval that contains it. Plus the statistics against published figures.
 */
class CohortComparisonTest extends EngineTestBase {
    static final LocalDate D = LocalDate.of(2025, 1, 6);
    static final int SHIFT = 21;
    JdbcCohortService service;

    @BeforeAll
    void cohorts() throws Exception {
        registered("Renkum");
        service = new JdbcCohortService(database, new JdbcCohortStore(), new JdbcMunicipalityGroupStore(),
                municipalityStore, new JdbcOutcomeStore(), new JdbcCaseStore(), new nl.proeftuin.testing.TestClock(START));
        List<SyntheticCases.Spec> specs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // group A (Arnhem, Renkum) on X: 10..24 days; a quarter placed out of home
            specs.add(new SyntheticCases.Spec(i % 2 == 0 ? "Arnhem" : "Renkum", "a" + i, D.plusDays(i), "threeway",
                    "hash-x", 3, 10 + i % 15, 1, 0, false, false, i % 4 == 0 ? "OUT_OF_HOME_PLACED" : "GOALS_REACHED",
                    60, 4, null));
            // group B (Ede) on Y: the same spread, 21 days later; half placed out of home
            specs.add(new SyntheticCases.Spec("Ede", "b" + i, D.plusDays(i), "veiligheidshuis", "hash-y", 4,
                    10 + SHIFT + i % 15, 2, 1, false, i % 10 == 0, i % 2 == 0 ? "OUT_OF_HOME_PLACED" : "GOALS_REACHED",
                    60, 3, null));
        }
        database.inTransaction(c -> SyntheticCases.insert(c, specs));
        service.putGroup("coordinator", "Pilot", new MunicipalityGroupInput("pilot: Arnhem and Renkum",
                List.of("Arnhem", "renkum")));
        service.putGroup("coordinator", "Control", new MunicipalityGroupInput("control", List.of("Ede")));
    }

    static CohortSpec cohort(String label, String group, String plugin) {
        return new CohortSpec(label, D, D.plusMonths(3), null, group, plugin, null, null);
    }

    static IndicatorComparison indicator(CohortComparison c, String key) {
        return c.indicators().stream().filter(i -> i.indicator().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theComparisonFindsTheKnownDifferenceInsideItsInterval() {
        CohortComparison c = service.compare(List.of(cohort("pilot", "Pilot", "threeway"),
                cohort("control", "control", "veiligheidshuis")));
        assertEquals(List.of(60L, 60L), c.cohorts().stream().map(CohortComparison.Cohort::cases).toList());
        assertEquals(List.of("Arnhem", "Renkum"), c.cohorts().get(0).municipalities());
        IndicatorComparison lead = indicator(c, "lead_time_days");
        IndicatorComparison.CohortFigure pilot = lead.cohorts().get(0);
        IndicatorComparison.CohortFigure control = lead.cohorts().get(1);
        assertEquals(17.0, pilot.median());
        assertEquals(38.0, control.median());
        assertNull(pilot.difference());
        assertEquals((double) SHIFT, control.difference());
        assertTrue(control.low() <= SHIFT && SHIFT <= control.high(), control.low() + " .. " + control.high());
        assertTrue(control.low() > 0, "the interval excludes no difference: " + control.low());
        assertNull(control.warning());
        // shares: 15/60 against 30/60 placed out of home, +25 points
        IndicatorComparison placed = indicator(c, "out_of_home_placements");
        assertEquals(25.0, placed.cohorts().get(0).share());
        assertEquals(50.0, placed.cohorts().get(1).share());
        assertEquals(25.0, placed.cohorts().get(1).difference());
        assertTrue(placed.cohorts().get(1).low() > 0 && placed.cohorts().get(1).high() < 50);
        assertEquals(1.0, indicator(c, "professionals_per_family").cohorts().get(0).median());
        assertEquals(1.0, indicator(c, "handovers_per_case").cohorts().get(1).difference());
        assertEquals(-1.0, indicator(c, "family_experience").cohorts().get(1).difference());
        assertEquals(6L, indicator(c, "raad_requests").cohorts().get(1).events());
        // deterministic: the same data gives the same interval
        assertEquals(c.indicators(), service.compare(List.of(cohort("pilot", "Pilot", "threeway"),
                cohort("control", "control", "veiligheidshuis"))).indicators());
    }

    @Test
    void aCohortByVariantAloneOrByBindingRevisionSelectsTheSameCases() {
        CohortComparison c = service.compare(List.of(
                new CohortSpec("X", D, D.plusMonths(3), null, null, "threeway", "hash-x", null),
                new CohortSpec("rev 4", D, D.plusMonths(3), null, null, null, null, 4L)));
        assertEquals(List.of(60L, 60L), c.cohorts().stream().map(CohortComparison.Cohort::cases).toList());
        assertEquals((double) SHIFT, indicator(c, "lead_time_days").cohorts().get(1).difference());
    }

    @Test
    void aSmallCohortCarriesAPlainWarningInBothLanguages() {
        CohortComparison c = service.compare(List.of(cohort("pilot", "Pilot", "threeway"),
                new CohortSpec("one week", D, D.plusDays(6), List.of("Ede"), null, null, null, null)));
        CohortComparison.Cohort small = c.cohorts().get(1);
        assertEquals(7, small.cases());
        assertTrue(small.warning().startsWith("Too few to conclude anything (7 cases"), small.warning());
        assertTrue(small.warningNl().startsWith("Te weinig om iets te concluderen (7 gezinnen"), small.warningNl());
        assertNotNull(indicator(c, "lead_time_days").cohorts().get(1).warning());
        CohortComparison empty = service.compare(List.of(cohort("pilot", "Pilot", "threeway"),
                new CohortSpec("nothing", D.minusYears(5), D.minusYears(4), null, null, null, null, null)));
        assertEquals("Nog geen gegevens: er valt niets te vergelijken.", empty.cohorts().get(1).warningNl());
        assertNull(indicator(empty, "lead_time_days").cohorts().get(1).median());
        assertNull(indicator(empty, "lead_time_days").cohorts().get(1).difference());
    }

    @Test
    void badCohortsAreRefusedNamingTheField() {
        assertEquals("cohort", assertThrows(InvalidInputException.class,
                () -> service.compare(List.of(cohort("a", null, null)))).field());
        assertEquals("cohort[1].name", assertThrows(InvalidInputException.class,
                () -> service.compare(List.of(cohort("a", null, null), cohort("A", null, null)))).field());
        assertEquals("cohort[1].group", assertThrows(InvalidInputException.class,
                () -> service.compare(List.of(cohort("a", null, null), cohort("b", "nope", null)))).field());
        assertEquals("cohort[0].to", assertThrows(InvalidInputException.class, () -> service.compare(List.of(
                new CohortSpec("a", D, D.minusDays(1), null, null, null, null, null), cohort("b", null, null)))).field());
        assertEquals("cohort[0].municipality", assertThrows(InvalidInputException.class, () -> service.compare(List.of(
                new CohortSpec("a", null, null, List.of("Atlantis"), null, null, null, null), cohort("b", null, null))))
                .field());
        assertEquals("municipalities", assertThrows(InvalidInputException.class, () -> service.putGroup("c", "g",
                new MunicipalityGroupInput("", List.of("Atlantis")))).field());
        assertThrows(NotFoundException.class, () -> service.deleteGroup("no such group"));
    }

    @Test
    void theShiftMatchesTheHodgesLehmannEstimateAndItsInterval() {
        TreeMap<Integer, Long> a = new TreeMap<>();
        TreeMap<Integer, Long> b = new TreeMap<>();
        for (int v = 1; v <= 30; v++) {
            a.put(v, 1L);
            b.put(v + 7, 1L);
        }
        CohortStatistics.Interval i = CohortStatistics.shift(a, b);
        assertEquals(7.0, i.estimate());
        assertTrue(i.low() < 7 && 7 < i.high(), i.toString());
        // too few pairs for a 95% interval: an estimate without one
        CohortStatistics.Interval tiny = CohortStatistics.shift(new TreeMap<>(Map.of(1, 1L)), new TreeMap<>(Map.of(3, 1L)));
        assertEquals(new CohortStatistics.Interval(2.0, null, null), tiny);
        assertEquals(2.5, CohortStatistics.median(new TreeMap<>(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L))));
    }

    @Test
    void theShareIntervalIsNewcombesHybridScore() {
        // Newcombe (1998), example (a): 56/70 against 48/80, method 10: 0.0524 to 0.3339 for p1 - p2
        CohortStatistics.Interval i = CohortStatistics.shareDifference(48, 80, 56, 70);
        assertEquals(new CohortStatistics.Interval(20.0, 5.2, 33.4), i);
    }

    @Test
    void closingRecordsTheStructuredOutcomeAndFamilyExperience() {
        var k = caseWithTeam();
        var closed = cases.close(ANS, k.id(), k.version(), new nl.proeftuin.core.api.dto.CloseInput("doelen bereikt",
                nl.proeftuin.core.api.dto.ClosingOutcome.GOALS_REACHED));
        var o = service.outcome(closed.id());
        assertEquals("GOALS_REACHED", o.outcome());
        assertEquals("doelen bereikt", o.reasons());
        String member = cases.get(k.id()).members().get(0).person().id();
        var after = service.recordExperience("ans", k.id(), new nl.proeftuin.core.api.monitor.ExperienceInput(member, 4,
                "family", "goed geholpen"));
        assertEquals("FAMILY", after.experiences().get(0).recordedAs());
        assertEquals("score", assertThrows(InvalidInputException.class, () -> service.recordExperience("ans", k.id(),
                new nl.proeftuin.core.api.monitor.ExperienceInput(member, 6, "FAMILY", null))).field());
        assertEquals("personId", assertThrows(InvalidInputException.class, () -> service.recordExperience("ans",
                k.id(), new nl.proeftuin.core.api.monitor.ExperienceInput("someone", 3, "FAMILY", null))).field());
        // a case closed without one says so
        var other = caseWithTeam();
        cases.close(ANS, other.id(), other.version(), new nl.proeftuin.core.api.dto.CloseInput("verhuisd"));
        assertEquals("UNKNOWN", service.outcome(other.id()).outcome());
    }
}
