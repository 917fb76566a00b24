package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.proeftuin.core.security.CaseAccess;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.testing.TestClock;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Need to know on the real schema (H2): cases, persons and households, as every request asks it. */
class JdbcNeedToKnowTest {
    private static final Principal ANNA = new Principal("anna", "Anna", Set.of(Role.PROFESSIONAL), Set.of("*"), "Wijkteam");
    private static final Principal BRAM = new Principal("bram", "Bram", Set.of(Role.PROFESSIONAL), Set.of("*"), "RVT");
    private static final Principal NINA = new Principal("nina", "Nina", Set.of(Role.PROFESSIONAL), Set.of("Nijmegen"),
            "Wijkteam Nijmegen");
    private static final Principal CARLA = new Principal("carla", "Carla", Set.of(Role.COORDINATOR), Set.of("*"), "Regio");
    private static final Principal EDE = new Principal("erik", "Erik", Set.of(Role.PROFESSIONAL), Set.of("EDE"),
            "Wijkteam Ede");
    private static final Principal NO_SCOPE = new Principal("olga", "Olga", Set.of(Role.PROFESSIONAL), Set.of(),
            "Wijkteam");

    @TempDir
    Path dir;
    private Database database;
    private final TestClock clock = new TestClock();
    private JdbcNeedToKnow ntk;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabases.h2(dir);
        ntk = new JdbcNeedToKnow(database, new nl.proeftuin.core.store.internal.JdbcVisibilityStore(), clock);
    }

    @AfterEach
    void tearDown() {
        TestDatabases.close(database);
    }

    @Test
    void aCaseIsForItsActiveTeamAndItsOpenerUntilThereIsATeam() throws Exception {
        String kase = kase("Arnhem", "anna");
        assertEquals(CaseAccess.ASSIGNED, ntk.toCase(ANNA, kase), "the opener forms the team");
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toCase(BRAM, kase));
        String bram = assign(kase, "bram");
        assertEquals(CaseAccess.ASSIGNED, ntk.toCase(BRAM, kase));
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toCase(ANNA, kase), "once a team exists the opener is no longer in it");
        end(bram);
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toCase(BRAM, kase), "an ended assignment counts at once");
        assertEquals(CaseAccess.NOT_FOUND, ntk.toCase(ANNA, "no-such-case"));
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toCase(CARLA, kase), "a coordinator sees no case content");
    }

    @Test
    void municipalityScopeComesFirstAndBreakGlassIsTimeLimited() throws Exception {
        String arnhem = kase("Arnhem", "anna");
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toCase(NINA, arnhem), "outside her scope, not on the team");
        String nijmegen = kase("nijmegen", "anna");
        assign(nijmegen, "nina");
        assertEquals(CaseAccess.ASSIGNED, ntk.toCase(NINA, nijmegen), "scope compares without case");

        sql("INSERT INTO break_glass (id, user_id, user_name, case_id, reason, granted_at, expires_at)"
                + " VALUES (?, 'bram', 'Bram', ?, 'acute danger, fixed professional unreachable', ?, ?)",
                UUID.randomUUID().toString(), arnhem, now(), now().plusMinutes(60));
        assertEquals(CaseAccess.BREAK_GLASS, ntk.toCase(BRAM, arnhem));
        clock.advance(Duration.ofMinutes(61));
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toCase(BRAM, arnhem), "break-glass ends by itself");
    }

    /** Issue 14 part 3: a family split over two municipalities is worked on by both local teams. */
    @Test
    void anActiveAssignmentIsNeedToKnowAcrossMunicipalitiesUntilItEnds() throws Exception {
        String arnhem = kase("Arnhem", "anna");
        String sanne = person("anna");
        member(arnhem, sanne);
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toCase(NINA, arnhem));
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toPerson(NINA, sanne));
        String nina = assign(arnhem, "nina");
        assertEquals(CaseAccess.TEAM_ACROSS_MUNICIPALITIES, ntk.toCase(NINA, arnhem), "on the team of an Arnhem case");
        assertTrue(ntk.toCase(NINA, arnhem).allowed());
        assertEquals(CaseAccess.TEAM_ACROSS_MUNICIPALITIES, ntk.toPerson(NINA, sanne), "and its members");
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.withinScope(NINA, "case", arnhem), "scope itself is unchanged");
        Principal noScope = new Principal("nina", "Nina", Set.of(Role.PROFESSIONAL), Set.of(), "Wijkteam Nijmegen");
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toCase(noScope, arnhem), "an account without municipalities: none");
        end(nina);
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toCase(NINA, arnhem), "an ended assignment counts at once");
    }

    /** Issue 14 part 8: a reviewer sees a case while the review asked of them is open, never as its team. */
    @Test
    void anIndependentReviewerIsInvitedWhileTheirReviewIsOpen() throws Exception {
        Principal iris = new Principal("iris", "Iris", Set.of(Role.INDEPENDENT_REVIEWER), Set.of("Ede"), "RVT Oost");
        Principal irisWithoutTheRole = new Principal("iris", "Iris", Set.of(Role.PROFESSIONAL), Set.of("*"), "RVT Oost");
        String arnhem = kase("Arnhem", "anna");
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.invited(iris, arnhem));
        sql("INSERT INTO review_request (id, case_id, reviewer_id, question, plan_version, requested_at, requested_by)"
                + " VALUES (?, ?, 'iris', 'Is een OTS nodig?', 1, ?, 'anna')", UUID.randomUUID().toString(), arnhem, now());
        assertEquals(CaseAccess.INVITED, ntk.invited(iris, arnhem), "asked by name, whatever her municipalities");
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.invited(irisWithoutTheRole, arnhem), "only with the reviewer's role");
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toCase(irisWithoutTheRole, arnhem), "never as the team");
        assertEquals(CaseAccess.NOT_FOUND, ntk.invited(iris, "no-such-case"));
        clock.advance(Duration.ofMinutes(1));
        String review = "INSERT INTO review (id, case_id, reviewer_id, reviewer_name, organisation, conclusion,"
                + " supports_court_request, plan_version_no, recorded_at, recorded_by) VALUES (?, ?, 'iris', 'Iris', 'RVT',"
                + " 'eens', TRUE, 1, ?, ?)";
        sql(review, UUID.randomUUID().toString(), arnhem, now(), "anna");
        assertEquals(CaseAccess.INVITED, ntk.invited(iris, arnhem), "a review typed in for her does not answer it");
        sql(review, UUID.randomUUID().toString(), arnhem, now(), "iris");
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.invited(iris, arnhem), "her own review answers it");
    }

    @Test
    void aPersonIsSeenThroughAnyOfTheirCasesHoweverManyTheyHave() throws Exception {
        String sanne = person("bram");
        assertEquals(CaseAccess.ASSIGNED, ntk.toPerson(BRAM, sanne), "in no case yet: the one who recorded her");
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toPerson(ANNA, sanne));
        String last = null;
        for (int i = 0; i < 30; i++) {
            last = kase("Arnhem", "someone");
            assign(last, "carl");
            member(last, sanne);
        }
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toPerson(BRAM, sanne), "in cases now: only through them");
        assign(last, "anna");
        assertEquals(CaseAccess.ASSIGNED, ntk.toPerson(ANNA, sanne), "assigned to one of her thirty cases");
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toPerson(NINA, sanne));
        assertEquals(CaseAccess.NOT_FOUND, ntk.toPerson(ANNA, "no-such-person"));
    }

    @Test
    void aHouseholdIsSeenThroughItsMembers() throws Exception {
        String sanne = person("bram");
        String household = UUID.randomUUID().toString();
        sql("INSERT INTO household (id, address, postal_code, municipality, created_at, created_by)"
                + " VALUES (?, 'Dorpsstraat 1', '6811AA', 'Arnhem', ?, 'bram')", household, now());
        assertEquals(CaseAccess.ASSIGNED, ntk.toHousehold(BRAM, household), "no members yet: its creator");
        sql("INSERT INTO household_membership (id, household_id, person_id, since_date) VALUES (?, ?, ?, ?)",
                UUID.randomUUID().toString(), household, sanne, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate());
        String kase = kase("Arnhem", "anna");
        member(kase, sanne);
        assertEquals(CaseAccess.ASSIGNED, ntk.toHousehold(ANNA, household));
        assertEquals(CaseAccess.NOT_ASSIGNED, ntk.toHousehold(BRAM, household), "her case has a team without Bram");
    }

    @Test
    void aUserWithoutMunicipalitiesSeesNoneEvenWhereAssigned() throws Exception {
        Principal noScope = new Principal("olga", "Olga", Set.of(Role.PROFESSIONAL), Set.of(), "Wijkteam");
        String kase = kase("Arnhem", "olga");
        String sanne = person("olga");
        member(kase, sanne);
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toCase(noScope, kase), "no municipalities: no case");
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.toPerson(noScope, sanne));
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.withinScope(noScope, "case", kase));
    }

    @Test
    void anAdministratorLimitedToEdeReachesNoPersonCaseOrHouseholdOfArnhem() throws Exception {
        Principal edeAdmin = new Principal("rita", "Rita", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("Ede"), "Regio");
        Principal regionAdmin = new Principal("rob", "Rob", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("*"), "Regio");
        String arnhem = kase("Arnhem", "anna");
        String ede = kase("Ede", "anna");
        String inArnhem = person("anna");
        member(arnhem, inArnhem);
        String inEde = person("anna");
        member(ede, inEde);
        String inBoth = person("anna");
        member(arnhem, inBoth);
        member(ede, inBoth);
        String inNone = person("anna");
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.withinScope(edeAdmin, "person", inArnhem));
        assertEquals(CaseAccess.ASSIGNED, ntk.withinScope(edeAdmin, "person", inEde));
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.withinScope(edeAdmin, "person", inBoth), "all of a person's cases");
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.withinScope(edeAdmin, "person", inNone), "in no case: all only");
        assertEquals(CaseAccess.ASSIGNED, ntk.withinScope(regionAdmin, "person", inNone));
        assertEquals(CaseAccess.ASSIGNED, ntk.withinScope(regionAdmin, "person", inBoth));
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.withinScope(edeAdmin, "case", arnhem));
        assertEquals(CaseAccess.ASSIGNED, ntk.withinScope(edeAdmin, "case", ede));
        assertEquals(CaseAccess.NOT_FOUND, ntk.withinScope(edeAdmin, "person", "no-such-person"));
        String household = UUID.randomUUID().toString();
        sql("INSERT INTO household (id, address, postal_code, municipality, created_at, created_by)"
                + " VALUES (?, 'Dorpsstraat 1', '6811AA', 'Arnhem', ?, 'bram')", household, now());
        assertEquals(CaseAccess.OTHER_MUNICIPALITY, ntk.withinScope(edeAdmin, "household", household));
    }

    /**
     * Issue 13: GET /triage/pending asks the database for the professional's pending triages
     * ({@code TriageStore.pendingVisibleTo}); for every user it gives exactly the pending triages the
     * guard allows one by one ({@link JdbcNeedToKnow#toCase}): team, opener, break-glass (unexpired),
     * municipality scope (without case) and a team across municipalities; none without municipalities.
     */
    @Test
    void thePendingTriagesTheDatabaseSelectsAreThoseTheGuardAllows() throws Exception {
        List<String> cases = world();
        for (String kase : cases) {
            triage(kase, true);
        }
        triage(cases.get(5), false); // decided since: not pending
        sql("UPDATE family_case SET status = 'CLOSED' WHERE id = ?", cases.get(9)); // closed: not pending

        nl.proeftuin.core.store.internal.JdbcTriageStore store = new nl.proeftuin.core.store.internal.JdbcTriageStore();
        List<String> pending = database.read(store::pending).stream().map(o -> o.caseId()).toList();
        assertEquals(cases.size() - 2, pending.size());
        int allowedSomewhere = 0;
        for (Principal p : List.of(ANNA, BRAM, NINA, CARLA, EDE, NO_SCOPE)) {
            List<String> guard = pending.stream().filter(k -> ntk.toCase(p, k).allowed()).toList();
            List<String> selected = database.read(c -> store.pendingVisibleTo(c, p.userId(),
                    p.allMunicipalities() ? null : p.municipalities(), clock.instant())).stream().map(o -> o.caseId())
                    .toList();
            if (p.has(Role.PROFESSIONAL)) {
                assertEquals(guard, selected, p.userId());
                allowedSomewhere += guard.size();
            } else {
                assertEquals(List.of(), guard, "a coordinator sees no case content");
            }
        }
        // Anna opened three cases without a team; Bram is on the Arnhem team and has glass on Arnhem's fourth;
        // Nina on the Arnhem team from Nijmegen and has glass in Nijmegen; Erik on the Arnhem team from Ede and
        // the opener of Ede's case whose team ended (his expired glass counts no more); Olga: no municipalities
        assertEquals(3 + 2 + 2 + 2, allowedSomewhere, "every ground is exercised");
    }

    /**
     * The case list ({@code GET /cases}, {@code CaseStore.search} with the professional and their
     * municipalities, as {@code CaseResource} asks it) lists exactly the cases the guard lets that
     * professional open, a team across municipalities included: a professional of Ede on a team in
     * Arnhem finds that case in their own list (before, the list compared municipalities only).
     */
    @Test
    void theCaseListIsTheCasesTheGuardAllows() throws Exception {
        // the list compares grants with the database's clock: the world is built at the real moment
        clock.advance(Duration.between(clock.instant(), java.time.Instant.now()));
        List<String> cases = world();
        sql("UPDATE family_case SET status = 'CLOSED' WHERE id = ?", cases.get(9)); // closed cases are listed too

        nl.proeftuin.core.store.internal.JdbcCaseStore store = new nl.proeftuin.core.store.internal.JdbcCaseStore();
        int allowedSomewhere = 0;
        for (Principal p : List.of(ANNA, BRAM, NINA, EDE)) {
            Set<String> guard = cases.stream().filter(k -> ntk.toCase(p, k).allowed())
                    .collect(java.util.stream.Collectors.toSet());
            Set<String> listed = database.read(c -> store.search(c, new nl.proeftuin.core.api.dto.CaseQuery(null, null,
                    null, null, 0, 100, p.userId(), p.allMunicipalities() ? Set.of() : p.municipalities())))
                    .items().stream().map(k -> k.id()).collect(java.util.stream.Collectors.toSet());
            assertEquals(guard, listed, p.userId());
            allowedSomewhere += guard.size();
        }
        // Anna: her three cases without a team; Bram: the three teams and his glass in Arnhem; Nina: the three
        // teams (two across municipalities) and her glass in Nijmegen; Erik: the three teams (two across) and
        // Ede's case he opened whose team ended
        assertEquals(3 + 4 + 4 + 4, allowedSomewhere, "every ground is exercised");
        assertTrue(ntk.toCase(EDE, cases.get(1)).allowed() && !ntk.toCase(EDE, cases.get(0)).allowed(),
                "Erik of Ede reaches the Arnhem case he is on the team of, not the one beside it");
    }

    /**
     * Twelve cases, four in each of Arnhem, Ede and Nijmegen: opened by Anna without a team; a team of
     * Bram, Erik, Nina and Olga; a team (Erik, Nina) that ended, opened by Erik; Carl's case. Break glass:
     * Bram on Arnhem's fourth (unexpired), Erik on Ede's fourth (expired), Nina on Nijmegen's fourth.
     */
    private List<String> world() throws Exception {
        List<String> cases = new ArrayList<>();
        for (String municipality : List.of("Arnhem", "Ede", "Nijmegen")) {
            String opened = kase(municipality, "anna"); // opened by Anna, no team
            String teamed = kase(municipality, "anna");
            assign(teamed, "bram");
            assign(teamed, "erik");
            assign(teamed, "nina");
            assign(teamed, "olga");
            String ended = kase(municipality, "erik");
            end(assign(ended, "erik"));
            end(assign(ended, "nina"));
            String glass = kase(municipality, "carl");
            assign(glass, "carl");
            cases.addAll(List.of(opened, teamed, ended, glass));
        }
        sql("INSERT INTO break_glass (id, user_id, user_name, case_id, reason, granted_at, expires_at)"
                + " VALUES (?, 'bram', 'Bram', ?, 'acute danger, fixed professional unreachable', ?, ?)",
                UUID.randomUUID().toString(), cases.get(3), now(), now().plusMinutes(60));
        sql("INSERT INTO break_glass (id, user_id, user_name, case_id, reason, granted_at, expires_at)"
                + " VALUES (?, 'erik', 'Erik', ?, 'acute danger, fixed professional unreachable', ?, ?)",
                UUID.randomUUID().toString(), cases.get(7), now().minusMinutes(90), now().minusMinutes(30));
        sql("INSERT INTO break_glass (id, user_id, user_name, case_id, reason, granted_at, expires_at)"
                + " VALUES (?, 'nina', 'Nina', ?, 'acute danger, fixed professional unreachable', ?, ?)",
                UUID.randomUUID().toString(), cases.get(11), now(), now().plusMinutes(60));
        return cases;
    }

    private void triage(String caseId, boolean pending) throws Exception {
        clock.advance(Duration.ofSeconds(1));
        sql("INSERT INTO triage_outcome (id, case_id, round_id, facts, decision, pending, classification, plugin_id,"
                + " plugin_bundle, plugin_version, configuration_hash, binding_revision, input_digest, output_digest,"
                + " decided_at, fallback, recorded_at, recorded_by) VALUES (?, ?, ?, '{}', '{}', ?, 'x', 'p', 'b',"
                + " '1.0.0', 'h', 1, 'x', 'x', ?, FALSE, ?, 't')", UUID.randomUUID().toString(), caseId, caseId,
                pending, now(), now());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private String kase(String municipality, String openedBy) throws Exception {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source,"
                + " signal_description, signal_received_on, phase, framework, opened_at, opened_by)"
                + " VALUES (?, 1, ?, 'OPEN', 'SIGNAL', 'SCHOOL', 'zorgen', ?, 'ACUTE_SAFETY', 'VOLUNTARY', ?, ?)",
                id, municipality, now().toLocalDate(), now(), openedBy);
        return id;
    }

    private String assign(String caseId, String professional) throws Exception {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO assignment (id, case_id, professional_id, professional_name, organisation, professional_role,"
                + " casusregie, since_date) VALUES (?, ?, ?, ?, 'Wijkteam', 'FIXED_PROFESSIONAL', FALSE, ?)",
                id, caseId, professional, professional, now().toLocalDate());
        return id;
    }

    private void end(String assignmentId) throws Exception {
        sql("UPDATE assignment SET until_date = ?, end_reason = 'handed over' WHERE id = ?", now().toLocalDate(),
                assignmentId);
    }

    private String person(String createdBy) throws Exception {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO person (id, given_name, family_name, given_name_lc, family_name_lc, date_of_birth, created_at,"
                + " created_by) VALUES (?, 'Sanne', 'Jansen', 'sanne', 'jansen', DATE '1990-01-01', ?, ?)",
                id, now(), createdBy);
        return id;
    }

    private void member(String caseId, String personId) throws Exception {
        sql("INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, 0)", caseId, personId);
    }

    private void sql(String statement, Object... params) throws Exception {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

}
