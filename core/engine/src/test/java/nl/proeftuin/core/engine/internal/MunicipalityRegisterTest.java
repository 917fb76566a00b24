package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.region.Municipality;
import nl.proeftuin.core.api.region.MunicipalityInput;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every municipality field against the region's register (the hostile test's findings): a typo, a
 * look-alike or invisible character is refused naming the field; another case is stored in the
 * register's form, so {@code arnhem} gets Arnhem's own binding. On H2 and PostgreSQL.
 */
class MunicipalityRegisterTest {

    abstract static class Contract extends PluginTestBase {

        SignalInput signal(String municipality, Person child) {
            return new SignalInput(SignalKind.SIGNAL, SignalSource.SCHOOL, "Zorgen om Sanne", TODAY, municipality,
                    List.of(new CaseMemberInput(child.id(), Set.of(FamilyRole.CHILD))));
        }

        long casesIn(String municipality) {
            return cases.search(new CaseQuery(null, municipality, null, null, 0, 100)).total();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Arnhem\u200b", "Arnhem\u0000", "Arnh\u0435m", "Arnhm", "Arnhem-Zuid", "GM0202"})
        void aCaseInAMunicipalityOutsideTheRegisterIsRefusedNamingTheFieldAndNothingIsStored(String name) {
            long before = casesIn("Arnhem");
            assertInvalid("municipality", () -> cases.open(ANS, signal(name, person("Sanne"))));
            assertEquals(before, casesIn("Arnhem"));
        }

        @Test
        void aCaseIsStoredInTheRegistersFormAndGetsThatMunicipalitysOwnBinding() {
            installTriage("regio", new RuleTriage());
            installTriage("eigen", new RuleTriage());
            bindRegion("regio", Map.of());
            runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, "Arnhem", new BindingInput("eigen", Map.of(), "Arnhem's own"));
            var k = cases.open(ANS, signal("  arnhem ", person("Sanne")));
            assertEquals("Arnhem", k.municipality());
            assertEquals("eigen", runtime.effectiveBinding(ExtensionPoint.TRIAGE, k.municipality()).pluginId());
            assertEquals("eigen", runtime.effectiveBinding(ExtensionPoint.TRIAGE, "ARNHEM").pluginId());
        }

        @Test
        void householdsBindingsSearchesAndTheMonitorTakeOnlyRegisteredMunicipalities() {
            assertEquals("Arnhem", family.createHousehold(ANS, new HouseholdInput("Markt 1", null, "ARNHEM")).municipality());
            assertInvalid("municipality", () -> family.createHousehold(ANS, new HouseholdInput("Markt 1", null, "Arnhm")));
            assertInvalid("municipality", () -> family.createHousehold(ANS, new HouseholdInput("Markt 1", null, "Arnhem\u200b")));

            installTriage("eigen", new RuleTriage());
            assertInvalid("municipality", () -> runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, "Arnhm",
                    new BindingInput("eigen", Map.of(), "typo")));
            assertInvalid("municipality", () -> runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, "\u0410rnhem",
                    new BindingInput("eigen", Map.of(), "Cyrillic A")));
            assertEquals("Ede", runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, "ede",
                    new BindingInput("eigen", Map.of(), "lower case")).municipality());
            assertInvalid("municipality", () -> runtime.effectiveBinding(ExtensionPoint.TRIAGE, "Arnhm"));
            assertFalse(runtime.bindings().stream().anyMatch(b -> "ede".equals(b.municipality())));

            assertInvalid("municipality", () -> cases.search(new CaseQuery(null, "Arnhm", null, null, 0, 10)));
            JdbcOutcomeMonitor monitor = new JdbcOutcomeMonitor(database, municipalityStore, new nl.proeftuin.core.store.internal.JdbcMonitorStore(), clock);
            assertInvalid("municipality", () -> monitor.report("Arnhm"));
            assertInvalid("municipality", () -> monitor.report("Arnhem\u0000"));
            assertEquals("Arnhem", monitor.report("arnhem").municipality());
        }

        @Test
        void theRegisterIsKeptByCodeAndNameAndNeverTwice() {
            MunicipalityRegister register = new RegisteredMunicipalities(database, municipalityStore, clock);
            String name = unique("Renswoude");
            String code = freeCode(name);
            Municipality added = register.add(ANS, new MunicipalityInput(code, name, 5_600));
            assertEquals(new Municipality(code, name, 5_600, clock.instant(), ANS.id()), added);
            assertTrue(register.municipalities().contains(added));
            assertEquals(name, register.canonical("municipality", name.toUpperCase(java.util.Locale.ROOT)));
            assertRule(RegisteredMunicipalities.EXISTS, () -> register.add(ANS, new MunicipalityInput(code, "Elders", 1)));
            assertRule(RegisteredMunicipalities.EXISTS, () -> register.add(ANS, new MunicipalityInput("GM0001",
                    name.toLowerCase(java.util.Locale.ROOT), 1)));
            // a new name would strand the cases, bindings and users that name the old one
            assertRule(RegisteredMunicipalities.RENAME, () -> register.change(ANS, code, new MunicipalityInput(null, "arnhem", 1)));
            assertRule(RegisteredMunicipalities.RENAME, () -> register.change(ANS, code, new MunicipalityInput(null, "Elders", 1)));
            assertInvalid("code", () -> register.add(ANS, new MunicipalityInput("0202", "Nergens", 1)));
            assertInvalid("name", () -> register.add(ANS, new MunicipalityInput("GM0002", "Nerg\u200bens", 1)));
            assertInvalid("inhabitants", () -> register.add(ANS, new MunicipalityInput("GM0002", "Nergens", -1)));
            assertThrows(NotFoundException.class, () -> register.change(ANS, "GM0003", new MunicipalityInput(null, "Nergens", 1)));
            assertEquals(5_700, register.change(ANS, code, new MunicipalityInput(code, name, 5_700)).inhabitants());
        }

        @Test
        void aFeaturesDefaultMunicipalityIsAddedOnceAndNeverOverwritesTheAdministratorsChange() {
            String name = unique("Scherpenzeel");
            String code = freeCode(name);
            assertTrue(new DefaultMunicipality(code, name, 10_000, database, municipalityStore, clock).created);
            MunicipalityRegister register = new RegisteredMunicipalities(database, municipalityStore, clock);
            register.change(ANS, code, new MunicipalityInput(null, name, 10_500));
            assertFalse(new DefaultMunicipality(code, name, 10_000, database, municipalityStore, clock).created);
            assertFalse(new DefaultMunicipality("GM0004", name.toUpperCase(java.util.Locale.ROOT), null, database,
                    municipalityStore, clock).created, "the same name under another code is not added");
            assertEquals(10_500, register.municipalities().stream().filter(m -> m.code().equals(code)).findFirst()
                    .orElseThrow().inhabitants());
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

    /** Without a region feature nothing is registered: a municipality is refused as 409, never let through. */
    @Test
    void anEmptyRegisterRefusesEveryMunicipality() throws Exception {
        Path dir = Files.createTempDirectory("empty-register");
        Database database = TestDatabases.h2(dir);
        try {
            var store = new nl.proeftuin.core.store.internal.JdbcMunicipalityStore();
            MunicipalityRegister register = new RegisteredMunicipalities(database, store);
            EngineTestBase.assertRule(Municipalities.REGISTER_EMPTY, () -> register.canonical("municipality", "Arnhem"));
            var cases = new TransactionalCaseService(database, new nl.proeftuin.core.store.internal.JdbcFamilyStore(),
                    new nl.proeftuin.core.store.internal.JdbcCaseStore(), new nl.proeftuin.core.store.internal.JdbcPlanStore(),
                    store, new nl.proeftuin.core.store.internal.JdbcOutcomeStore(),
                    new nl.proeftuin.core.store.internal.JdbcBindingStore(),
                    new nl.proeftuin.core.store.internal.JdbcCohortStore(),
                    new nl.proeftuin.core.store.internal.JdbcLivingStore());
            var family = new TransactionalFamilyService(database, new nl.proeftuin.core.store.internal.JdbcFamilyStore(),
                    new NationalIdProtection(NationalIdProtectionTest.randomKey()), store,
                    new nl.proeftuin.core.store.internal.JdbcCaseStore(), new nl.proeftuin.core.store.internal.JdbcPrivacyStore());
            Person p = family.createPerson(EngineTestBase.ANS, new nl.proeftuin.core.api.dto.PersonInput("Sanne",
                    "Jansen", java.time.LocalDate.of(2016, 5, 1), null));
            EngineTestBase.assertRule(Municipalities.REGISTER_EMPTY, () -> cases.open(EngineTestBase.ANS,
                    new SignalInput(SignalKind.SIGNAL, SignalSource.SCHOOL, "x", java.time.LocalDate.now(), "Arnhem",
                            List.of(new CaseMemberInput(p.id(), Set.of(FamilyRole.CHILD))))));
        } finally {
            TestDatabases.close(database);
        }
    }
}
