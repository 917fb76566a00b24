package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.Condition;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Goal;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.PlanInput;
import nl.proeftuin.core.api.dto.PlanVersion;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.SafetyAgreement;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcMunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import nl.proeftuin.testing.TestClock;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The three services over the real stores on a real H2 file database (one per test class; tests
 * isolate themselves by making their own persons and cases), with a clock the test controls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineTestBase {

    static final Instant START = Instant.parse("2027-03-12T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2027, 3, 12);
    static final Actor ANS = new Actor("ans", "Ans de Wit");

    Path dir;
    Database database;
    TestClock clock;
    FamilyService family;
    CaseService cases;
    PlanService plans;
    /** One key per test class, as one installation has one key. */
    final NationalIdProtection nationalIds = new NationalIdProtection(NationalIdProtectionTest.randomKey());

    EmbeddedPostgres postgres;
    /** The region's register, seeded with the municipalities the tests name (see {@link #registered}). */
    final JdbcMunicipalityStore municipalityStore = new JdbcMunicipalityStore();

    /** Whether this class runs on an embedded PostgreSQL instead of H2 (the OnPostgreSql classes). */
    boolean onPostgres() {
        return false;
    }

    /** The database for this class: H2, or a fresh embedded PostgreSQL when {@link #onPostgres()}. */
    Database openDatabase() throws Exception {
        if (onPostgres()) {
            postgres = EmbeddedPostgres.builder().start();
            return TestDatabases.postgres(postgres);
        }
        dir = Files.createTempDirectory("engine-h2");
        return TestDatabases.h2(dir);
    }

    void closeDatabase() throws Exception {
        TestDatabases.close(database);
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @BeforeAll
    void startDatabase() throws Exception {
        database = openDatabase();
        for (String name : List.of("Arnhem", "Ede", "Zevenaar", "Nijmegen", "Wageningen")) {
            registered(name);
        }
    }

    /**
     * Adds a municipality to the register (with a free CBS code) unless it is there: the tests open
     * cases in municipalities of their own to stay apart, and every one must be registered.
     */
    String registered(String name) {
        try {
            return database.inTransaction(c -> {
                var known = municipalityStore.byKey(c, nl.proeftuin.core.store.region.MunicipalityNames.key(name));
                if (known.isPresent()) {
                    return known.get().name();
                }
                municipalityStore.insert(c, new StoredMunicipality(freeCode(c, name), name, null, START, "test"));
                return name;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CBS code no municipality in this class's database has yet, found from the name's hash: a code
     * taken from the hash alone collides now and then with one {@link #registered} gave another name.
     */
    String freeCode(String name) {
        try {
            return database.inTransaction(c -> freeCode(c, name));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String freeCode(java.sql.Connection c, String name) throws java.sql.SQLException {
        for (int n = Math.floorMod(name.hashCode(), 9000) + 1000; ; n = n == 9999 ? 1000 : n + 1) {
            if (municipalityStore.byCode(c, "GM" + n).isEmpty()) {
                return "GM" + n;
            }
        }
    }

    @AfterAll
    void stopDatabase() throws Exception {
        closeDatabase();
    }

    @BeforeEach
    void services() {
        clock = new TestClock(START);
        JdbcFamilyStore familyStore = new JdbcFamilyStore();
        JdbcCaseStore caseStore = new JdbcCaseStore();
        JdbcPlanStore planStore = new JdbcPlanStore();
        family = new TransactionalFamilyService(database, familyStore, nationalIds, municipalityStore, caseStore,
                new nl.proeftuin.core.store.internal.JdbcPrivacyStore(), clock);
        cases = new TransactionalCaseService(database, familyStore, caseStore, planStore, municipalityStore,
                new nl.proeftuin.core.store.internal.JdbcOutcomeStore(),
                new nl.proeftuin.core.store.internal.JdbcBindingStore(),
                new nl.proeftuin.core.store.internal.JdbcCohortStore(), // cohorts (V26): the variant at opening
                new nl.proeftuin.core.store.internal.JdbcLivingStore(), clock); // one family, one case
        plans = new TransactionalPlanService(database, familyStore, caseStore, planStore, clock);
    }

    /** A name of its own: the prefix and eight random letters (valid as a municipality name too). */
    static String unique(String prefix) {
        StringBuilder suffix = new StringBuilder();
        UUID.randomUUID().toString().replace("-", "").chars().limit(8)
                .forEach(ch -> suffix.append((char) ('a' + Character.digit(ch, 16))));
        return prefix + "-" + suffix;
    }

    Person person(String given) {
        return family.createPerson(ANS, new PersonInput(given, "Jansen", LocalDate.of(2016, 5, 1), null));
    }

    CaseView openCase(Person... members) {
        return openCase(unique("Arnhem"), members);
    }

    CaseView openCase(String municipality, Person... members) {
        return cases.open(ANS, signal(municipality, members));
    }

    /** A school's signal about these persons (as children) in a municipality, registered if new. */
    SignalInput signal(String municipality, Person... members) {
        registered(municipality);
        List<CaseMemberInput> in = Stream.of(members)
                .map(p -> new CaseMemberInput(p.id(), Set.of(FamilyRole.CHILD))).toList();
        return new SignalInput(SignalKind.SIGNAL, SignalSource.SCHOOL, "Sanne komt vaak met blauwe plekken", TODAY,
                municipality, in);
    }

    static AssignmentInput pro(String id, ProfessionalRole role, boolean casusregie) {
        return new AssignmentInput(id, "Pro " + id, "Wijkteam Arnhem", role, casusregie, null);
    }

    /** A case with one child, a fixed professional with casusregie ("fp") and an RVT colleague ("rvt"). */
    CaseView caseWithTeam() {
        CaseView k = openCase(person("Sanne"));
        k = cases.assign(ANS, k.id(), k.version(), pro("fp-" + k.id(), ProfessionalRole.FIXED_PROFESSIONAL, true));
        return cases.assign(ANS, k.id(), k.version(), pro("rvt-" + k.id(), ProfessionalRole.RVT_PROFESSIONAL, false));
    }

    static PlanInput plan(String goalPersonId) {
        return new PlanInput(
                List.of(new Goal("g1", goalPersonId, LifeDomain.SAFETY, "Sanne voelt zich thuis veilig")),
                List.of(),
                List.of(new SafetyAgreement("a1", "Er wordt thuis niet geslagen", "Vader en moeder")),
                List.of(new Condition("c1", "Vader gaat naar de cursus", "Dan vragen we de rechter om hulp", null)),
                "We willen dat het rustig wordt thuis", "eerste versie");
    }

    PlanVersion firstPlan(CaseView k) {
        return plans.newVersion(ANS, k.id(), null, plan(k.members().get(0).person().id()));
    }

    static void assertRule(String rule, Executable call) {
        assertEquals(rule, assertThrows(RuleViolationException.class, call).rule());
    }

    static void assertInvalid(String field, Executable call) {
        assertEquals(field, assertThrows(InvalidInputException.class, call).field());
    }
}
