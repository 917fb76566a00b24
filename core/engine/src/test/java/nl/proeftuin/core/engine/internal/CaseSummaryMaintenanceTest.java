package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.ClosingOutcome;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.monitor.CohortComparison;
import nl.proeftuin.core.api.monitor.CohortSpec;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.cohorts.CohortStore.Filter;
import nl.proeftuin.core.store.cohorts.CohortStore.Measure;
import nl.proeftuin.core.store.internal.CaseSummaries;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcCohortStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalityGroupStore;
import nl.proeftuin.core.store.internal.JdbcOutcomeStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 part 6 (decision 0037): the comparison reads the per-case summary rows, so every change made
 * through the normal path (opening, team, plan, triage, Raad request, closing) must show in it at once,
 * with no rebuild; the maintained row equals one recomputed from the case tables; and the variant in
 * force at opening is recorded and usable as a cohort. On H2 and PostgreSQL.
 */
class CaseSummaryMaintenanceTest {

    abstract static class Contract extends PluginTestBase {
        final JdbcCohortStore cohorts = new JdbcCohortStore();

        CohortStore.Counts counts(Filter f) {
            return Domain.transaction(database, c -> cohorts.counts(c, f));
        }

        SortedMap<Integer, Long> histogram(Filter f, Measure m) {
            return Domain.transaction(database, c -> cohorts.histogram(c, f, m));
        }

        List<String> summaryRow(String caseId) {
            return Domain.transaction(database, c -> {
                try (var s = c.prepareStatement("SELECT * FROM case_summary WHERE case_id = ?")) {
                    s.setString(1, caseId);
                    try (ResultSet rs = s.executeQuery()) {
                        List<String> row = new ArrayList<>();
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                row.add(md.getColumnLabel(i).toLowerCase() + "=" + rs.getString(i));
                            }
                        }
                        return row;
                    }
                }
            });
        }

        @Test
        void everyChangeThroughTheNormalPathShowsInTheComparisonWithoutARebuild() {
            installTriage("rule-triage", new RuleTriage());
            String m = registered(unique("Wijchen"));
            Binding bound = runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, m,
                    new BindingInput("rule-triage", Map.of("variant", "x"), "pilot"));
            Filter all = new Filter(null, null, List.of(m), null, null, null);

            CaseView k = openCase(m, person("Sanne"));
            CohortStore.Counts opened = counts(all);
            assertEquals(1, opened.cases());
            assertEquals(1, opened.waitingForFirstHelp());
            assertEquals(Map.of(0, 1L), histogram(all, Measure.PROFESSIONALS));
            assertEquals(Map.of(), histogram(all, Measure.LEAD_TIME_DAYS));

            k = cases.assign(ANS, k.id(), k.version(), pro("fp-" + k.id(), ProfessionalRole.FIXED_PROFESSIONAL, true));
            assertEquals(Map.of(1, 1L), histogram(all, Measure.PROFESSIONALS));

            firstPlan(k); // first help today: lead time 0 days
            assertEquals(Map.of(0, 1L), histogram(all, Measure.LEAD_TIME_DAYS));
            assertEquals(0, counts(all).waitingForFirstHelp());

            triage.triage(ANS, k.id(), facts(SafetyConcern.MODERATE, LifeDomain.SAFETY));
            assertEquals(1, counts(new Filter(null, null, List.of(m), "rule-triage", bound.configurationHash(),
                    bound.revision())).cases());

            k = cases.get(k.id());
            cases.close(ANS, k.id(), k.version(), new CloseInput("doelen bereikt", ClosingOutcome.OUT_OF_HOME_PREVENTED));
            CohortStore.Counts closed = counts(all);
            assertEquals(1, closed.closed());
            assertEquals(1, closed.outcomeKnown());
            assertEquals(1, closed.outOfHomePrevented());
            assertEquals(0, closed.repeatSignals());

            // a new signal for the same child within twelve months: the closed case now counts a repeat signal
            CaseView again = openCase(m, family.person(k.members().get(0).person().id()));
            assertEquals(1, counts(all).repeatSignals());
            assertEquals(2, counts(all).cases());

            // what the transactions left is what a rebuild from the case tables gives
            String first = k.id();
            List<String> maintained = summaryRow(first);
            List<String> maintainedAgain = summaryRow(again.id());
            Domain.transaction(database, c -> {
                CaseSummaries.refresh(c, List.of(first, again.id()));
                return null;
            });
            assertEquals(maintained, summaryRow(first));
            assertEquals(maintainedAgain, summaryRow(again.id()));
            assertTrue(maintained.contains("repeat_signal=1"), maintained.toString());
        }

        @Test
        void theVariantAtOpeningIsRecordedAndIsACohort() {
            installTriage("rule-triage", new RuleTriage());
            String m = registered(unique("Druten"));
            CaseView before = openCase(m, person("Sanne")); // nothing bound: the fallback
            Binding bound = runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, m,
                    new BindingInput("rule-triage", Map.of("variant", "y"), "pilot"));
            CaseView after = openCase(m, person("Daan"));

            List<CohortStore.Variant> recorded = Domain.transaction(database, c -> cohorts.variants(c, after.id()));
            assertEquals(ExtensionPoint.values().length, recorded.size());
            CohortStore.Variant atOpening = recorded.stream().filter(v -> v.point().equals("TRIAGE")).findFirst()
                    .orElseThrow();
            assertEquals("OPENING", atOpening.decision());
            assertEquals("rule-triage", atOpening.pluginId());
            assertEquals(bound.configurationHash(), atOpening.configurationHash());
            assertEquals(bound.revision(), atOpening.bindingRevision());

            JdbcCohortService service = new JdbcCohortService(database, cohorts, new JdbcMunicipalityGroupStore(),
                    municipalityStore, new JdbcOutcomeStore(), new JdbcCaseStore(), clock);
            CohortComparison c = service.compare(List.of(
                    new CohortSpec("unbound", null, null, List.of(m), null, null, null, null, "TRIAGE:none"),
                    new CohortSpec("bound", null, null, List.of(m), null, null, null, null,
                            "triage:rule-triage:" + bound.configurationHash()),
                    new CohortSpec("other", null, null, List.of(m), null, null, null, null, "TRIAGE:rule-triage:abc")));
            assertEquals(List.of(1L, 1L, 0L), c.cohorts().stream().map(CohortComparison.Cohort::cases).toList());
            assertEquals("TRIAGE:rule-triage:" + bound.configurationHash(), c.cohorts().get(1).spec().opening());
            assertEquals(before.id(), Domain.transaction(database, x -> cohorts.rows(x, new Filter(null, null, List.of(m),
                    null, null, null, "TRIAGE", null, null), 10)).get(0).caseId());
            assertInvalid("cohort[0].opening", () -> service.compare(List.of(
                    new CohortSpec("a", null, null, List.of(m), null, null, null, null, "NOPE:x"),
                    new CohortSpec("b", null, null, List.of(m), null, null, null, null, null))));
        }
    }

    @Nested
    class OnH2 extends Contract {
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        boolean onPostgres() {
            return true;
        }
    }
}
