package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.triage.ReplayCell;
import nl.proeftuin.core.api.triage.ReplayInput;
import nl.proeftuin.core.api.triage.ReplayResult;
import nl.proeftuin.core.spi.ConfigurationCheck;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Replaying a candidate triage over a cohort's stored triage facts (switches, issue 15 part 4): exactly
 * the decisions that differ, no side effects, on H2 and PostgreSQL.
 */
class TriageReplayTest {

    /**
     * A candidate: the regional safety team from {@code domains} problem domains (configured), acute danger
     * to the Veiligheidshuis table, the rest local; the case whose facts name {@code THROWS} as parental
     * problem makes it throw.
     */
    static final class ThresholdTriage implements Triage, ConfigurationCheck {
        @Override
        public TriageDecision triage(TriageRequest r) {
            TriageFacts f = r.facts();
            if (f.parentalProblems().contains("THROWS")) {
                throw new IllegalStateException("candidate bug");
            }
            int threshold = Integer.parseInt(r.configuration().getOrDefault("domains", "3"));
            if (f.safetyConcern() == SafetyConcern.ACUTE) {
                return new TriageDecision("ACUUT", Route.VEILIGHEIDSHUIS_TABLE, "acute", List.of(), false);
            }
            if (f.problemDomains().size() >= threshold) {
                return new TriageDecision("COMPLEX", Route.REGIONAL_SAFETY_TEAM, ">= " + threshold, List.of(), false);
            }
            return new TriageDecision("ENKELVOUDIG", Route.LOCAL_TEAM, "< " + threshold, List.of(), false);
        }

        @Override
        public void checkConfiguration(ExtensionPoint point, String municipality, Map<String, String> configuration) {
            String d = configuration.getOrDefault("domains", "3");
            if (!d.matches("[1-9]")) {
                throw new InvalidInputException("configuration.domains", "must be 1 to 9");
            }
        }
    }

    abstract static class Contract extends PluginTestBase {

        TriageReplayer replayer() {
            return new TriageReplayer(new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(),
                    new JdbcPlanStore(), clock), triageStore, municipalityStore, registry, calls);
        }

        static TriageFacts facts(SafetyConcern concern, String parental, LifeDomain... domains) {
            return new TriageFacts(java.util.Set.of(domains), concern, false, false, java.util.Set.of(parental));
        }

        long rows(String table) throws Exception {
            return database.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }

        @Test
        void aReplayReportsExactlyTheDecisionsThatWouldDifferAndWritesNothing() throws Exception {
            installTriage("rule-triage", new RuleTriage()); // live: regional team from three domains
            installTriage("threshold-triage", new ThresholdTriage());
            bindRegion("rule-triage", Map.of());
            String ede = registered(unique("Ede"));
            String arnhem = registered(unique("Arnhem"));

            // before the period: not in the cohort
            CaseView early = openCase(ede, person("Vroeg"));
            triage.triage(ANS, early.id(), facts(SafetyConcern.NONE, "NONE", LifeDomain.SAFETY, LifeDomain.HOUSING));
            clock.advance(Duration.ofDays(2));
            LocalDate day = LocalDate.ofInstant(clock.instant(), nl.proeftuin.core.api.DutchDay.ZONE);

            CaseView one = openCase(ede, person("Een"));
            CaseView two = openCase(ede, person("Twee"));
            CaseView three = openCase(ede, person("Drie"));
            CaseView acute = openCase(ede, person("Acuut"));
            CaseView twoAgain = openCase(ede, person("Weer"));
            CaseView elsewhere = openCase(arnhem, person("Elders"));
            triage.triage(ANS, one.id(), facts(SafetyConcern.NONE, "NONE", LifeDomain.SAFETY));
            // re-triaged: the latest decision in the period counts (first three domains, then two)
            triage.triage(ANS, two.id(), facts(SafetyConcern.NONE, "NONE", LifeDomain.SAFETY, LifeDomain.HOUSING,
                    LifeDomain.INCOME_AND_DEBT));
            triage.triage(ANS, two.id(), facts(SafetyConcern.NONE, "NONE", LifeDomain.SAFETY, LifeDomain.HOUSING));
            triage.triage(ANS, three.id(), facts(SafetyConcern.NONE, "NONE", LifeDomain.SAFETY, LifeDomain.HOUSING,
                    LifeDomain.INCOME_AND_DEBT));
            triage.triage(ANS, acute.id(), facts(SafetyConcern.ACUTE, "NONE", LifeDomain.SAFETY));
            triage.triage(ANS, twoAgain.id(), facts(SafetyConcern.NONE, "NONE", LifeDomain.SAFETY, LifeDomain.DEVELOPMENT_AND_SCHOOL));
            triage.triage(ANS, elsewhere.id(), facts(SafetyConcern.NONE, "NONE", LifeDomain.SAFETY, LifeDomain.HOUSING));

            List<String> tables = List.of("triage_outcome", "case_event", "plugin_alert", "local_team_outbox", "family_case");
            List<Long> before = tables.stream().map(t -> {
                try {
                    return rows(t);
                } catch (Exception e) {
                    throw new IllegalStateException(t, e);
                }
            }).toList();

            // the candidate sends two domains to the regional team: exactly "two" and "twoAgain" differ
            ReplayResult r = replayer().replay(COORDINATOR, new ReplayInput("threshold-triage",
                    Map.of("domains", "2"), day, day, ede));
            assertEquals(5, r.cases());
            assertEquals(2, r.differing());
            assertEquals(0, r.failed());
            assertEquals(List.of(new ReplayCell("LOCAL_TEAM", "LOCAL_TEAM", 1),
                    new ReplayCell("LOCAL_TEAM", "REGIONAL_SAFETY_TEAM", 2),
                    new ReplayCell("REGIONAL_SAFETY_TEAM", "REGIONAL_SAFETY_TEAM", 1),
                    new ReplayCell("VEILIGHEIDSHUIS_TABLE", "VEILIGHEIDSHUIS_TABLE", 1)), r.table());
            assertEquals(ede, r.municipality());
            assertEquals("1.2.0", r.bundleVersion());
            assertEquals(CanonicalJson.sha256(CanonicalJson.write(new java.util.TreeMap<>(Map.of("domains", "2")))),
                    r.configurationHash());

            // the same configuration as live: nothing differs
            ReplayResult same = replayer().replay(COORDINATOR, new ReplayInput("threshold-triage", Map.of(), day, day,
                    ede));
            assertEquals(0, same.differing());
            assertEquals(5, same.cases());
            // every municipality: Arnhem's case too (two domains: differs with the candidate)
            ReplayResult all = replayer().replay(COORDINATOR, new ReplayInput("threshold-triage",
                    Map.of("domains", "2"), day, day, null));
            assertNull(all.municipality());
            org.junit.jupiter.api.Assertions.assertTrue(all.differing() >= 3, "Ede's two and Arnhem's (and other tests' "
                    + "cases of that day): " + all);

            assertEquals(before, tables.stream().map(t -> {
                try {
                    return rows(t);
                } catch (Exception e) {
                    throw new IllegalStateException(t, e);
                }
            }).toList(), "a replay writes nothing");
        }

        @Test
        void aFailingCandidateCountsAsManualTriageAsLiveTriageFallsBack() {
            installTriage("rule-triage", new RuleTriage());
            installTriage("threshold-triage", new ThresholdTriage());
            bindRegion("rule-triage", Map.of());
            String ede = registered(unique("Ede"));
            CaseView k = openCase(ede, person("Fout"));
            triage.triage(ANS, k.id(), facts(SafetyConcern.NONE, "THROWS", LifeDomain.SAFETY));
            LocalDate day = LocalDate.ofInstant(clock.instant(), nl.proeftuin.core.api.DutchDay.ZONE);

            ReplayResult r = replayer().replay(COORDINATOR, new ReplayInput("threshold-triage", Map.of(), day, day, ede));
            assertEquals(1, r.failed());
            assertEquals(List.of(new ReplayCell("LOCAL_TEAM", "MANUAL_TRIAGE", 1)), r.table());
        }

        @Test
        void theCandidateAndItsConfigurationAreCheckedAsABindingsAre() {
            installTriage("threshold-triage", new ThresholdTriage());
            LocalDate day = LocalDate.ofInstant(clock.instant(), nl.proeftuin.core.api.DutchDay.ZONE);
            assertEquals("plugin-not-present", assertThrows(RuleViolationException.class, () -> replayer().replay(
                    COORDINATOR, new ReplayInput("absent-triage", Map.of(), day, day, null))).rule());
            assertEquals("configuration.domains", assertThrows(InvalidInputException.class, () -> replayer().replay(
                    COORDINATOR, new ReplayInput("threshold-triage", Map.of("domains", "x"), day, day, null))).field());
            assertEquals("to", assertThrows(InvalidInputException.class, () -> replayer().replay(COORDINATOR,
                    new ReplayInput("threshold-triage", Map.of(), day, day.minusDays(1), null))).field());
            assertEquals("from", assertThrows(InvalidInputException.class, () -> replayer().replay(COORDINATOR,
                    new ReplayInput("threshold-triage", Map.of(), null, day, null))).field());
            assertEquals("municipality", assertThrows(InvalidInputException.class, () -> replayer().replay(COORDINATOR,
                    new ReplayInput("threshold-triage", Map.of(), day, day, unique("Nergens")))).field());
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
