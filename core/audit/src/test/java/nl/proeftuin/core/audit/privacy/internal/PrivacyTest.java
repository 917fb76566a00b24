package nl.proeftuin.core.audit.privacy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.EntryKind;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.internal.AuditFixtures;
import nl.proeftuin.core.audit.privacy.ErasureDecisionInput;
import nl.proeftuin.core.audit.privacy.ErasureRequest;
import nl.proeftuin.core.audit.privacy.ErasureRequestInput;
import nl.proeftuin.core.audit.privacy.ErasureStatus;
import nl.proeftuin.core.audit.privacy.LegalHold;
import nl.proeftuin.core.audit.privacy.LegalHoldInput;
import nl.proeftuin.core.audit.privacy.PersonalDataExport;
import nl.proeftuin.core.audit.privacy.PurgeReport;
import nl.proeftuin.core.audit.privacy.Reader;
import nl.proeftuin.core.audit.privacy.RectificationInput;
import nl.proeftuin.core.audit.privacy.RestrictedEntryInput;
import nl.proeftuin.core.audit.privacy.SafeAddressInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Restricted data, the GDPR rights and retention on a real H2 database, with a clock the test sets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyTest {
    static final Instant NOW = Instant.parse("2047-06-01T10:00:00Z");
    static final Reader ANS = new Reader("ans", "Ans de Wit", Set.of("PROFESSIONAL"), "Wijkteam Arnhem");
    static final Reader BOB = new Reader("bob", "Bob Bakker", Set.of("PROFESSIONAL"), "Veilig Thuis");
    static final Reader AUDITOR = new Reader("aud", "Audrey", Set.of("AUDITOR"), "Regio");

    Path dir;
    Database database;
    nl.proeftuin.core.audit.internal.HashChainedAccessLog log;
    GdprRights privacy;
    LoggedRestrictedData restricted;
    AuditFixtures fx;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("privacy-h2");
        database = TestDatabases.h2(dir);
        fx = new AuditFixtures(database);
        // a restriction names known users only
        for (Reader r : List.of(ANS, BOB)) {
            database.inTransaction(c -> {
                try (var ps = c.prepareStatement("INSERT INTO user_account (user_id, display_name, organisation, disabled, "
                        + "created_at, changed_at) VALUES (?, ?, ?, FALSE, ?, ?)")) {
                    ps.setString(1, r.userId());
                    ps.setString(2, r.name());
                    ps.setString(3, r.organisation());
                    ps.setObject(4, java.time.OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                    ps.setObject(5, java.time.OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                    return ps.executeUpdate();
                }
            });
        }
    }

    @AfterAll
    void stop() {
        TestDatabases.close(database);
    }

    @BeforeEach
    void services() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        log = AuditFixtures.log(database, clock);
        privacy = new GdprRights(database, new nl.proeftuin.core.store.internal.JdbcPrivacyStore(),
                new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcErasureStore(),
                null, // a rectification is the engine's FamilyService's: tested in core/engine (RectificationTest)
                log, clock, Map.of("case", 20, "person", 20));
        restricted = new LoggedRestrictedData(database, new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcPrivacyStore(), log, clock);
    }

    @Test
    void aSafeAddressIsShownOnlyToThoseNamedAndEveryAttemptIsLogged() throws Exception {
        String victim = fx.person("Sanne", LocalDate.of(2040, 1, 1), NOW);
        restricted.setSafeAddress(ANS, victim, new SafeAddressInput("Geheimstraat 1", "1234AB", "Ede",
                List.of("role:AUDITOR", "person:" + victim)));
        assertEquals("Geheimstraat 1", restricted.safeAddress(ANS, victim).address(), "the writer is always named");
        assertEquals("Geheimstraat 1", restricted.safeAddress(AUDITOR, victim).address());
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(BOB, victim));
        List<AccessLogEntry> attempts = log.query(new AccessLogQuery(null, null, null, victim, null, AccessAction.READ,
                null, null, 100));
        assertEquals(List.of("SUCCESS", "SUCCESS", "DENIED"), attempts.stream().map(AccessLogEntry::outcome).toList());
        assertTrue(attempts.stream().allMatch(AccessLogEntry::restricted));
        assertTrue(log.forPerson(victim, null, null, 100).isEmpty(), "never in the person's access view");
        assertThrows(InvalidInputException.class, () -> restricted.setSafeAddress(ANS, victim,
                new SafeAddressInput("x", null, "Ede", List.of("everyone"))));
    }

    @Test
    void restrictedEntriesAreShownOnlyToThoseNamed() throws Exception {
        String child = fx.person("Sanne", LocalDate.of(2040, 1, 1), NOW);
        String father = fx.person("Piet", LocalDate.of(2010, 1, 1), NOW);
        String caseId = fx.openCase(NOW, child, father);
        restricted.addRestrictedEntry(ANS, caseId, new RestrictedEntryInput(EntryKind.FACT, "Moeder en Sanne wonen in de opvang",
                "eigen waarneming", List.of(child), List.of("user:ans")));
        assertEquals(1, restricted.restrictedEntries(ANS, caseId).size());
        assertEquals(0, restricted.restrictedEntries(BOB, caseId).size());
        assertEquals(1, log.query(new AccessLogQuery(null, null, "bob", null, caseId, AccessAction.READ, "DENIED", null, 10)).size());
        // the father's export holds neither the entry nor the child's safe address
        PersonalDataExport export = privacy.export(ANS, father);
        assertTrue(export.entries().isEmpty());
        assertNull(export.safeAddress());
        assertFalse(export.toString().contains("opvang"));
        // the child's own export does not hold it either: it does not name the child
        assertFalse(privacy.export(ANS, child).toString().contains("opvang"));
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndIsLogged() throws Exception {
        String child = fx.person("Sanne", LocalDate.of(2040, 1, 1), NOW);
        String caseId = fx.openCase(NOW, child);
        fx.entry(caseId, child, "Sanne is blij op school");
        restricted.setSafeAddress(ANS, child, new SafeAddressInput("Geheimstraat 1", null, "Ede", List.of("person:" + child)));
        // a rectification as core/engine's FamilyService records it (RectificationTest there makes it end to end)
        database.inTransaction(c -> {
            new nl.proeftuin.core.store.internal.JdbcFamilyStore().rectifyPerson(c, child, "Sanne", "de Vries",
                    LocalDate.of(2040, 1, 1));
            new nl.proeftuin.core.store.internal.JdbcPrivacyStore().insertRectification(c,
                    new nl.proeftuin.core.store.privacy.PrivacyStore.StoredRectification("r1", child, "familyName", "Jansen",
                            "de Vries", "spelfout", NOW, "ans"));
            return null;
        });
        assertNull(privacy.export(BOB, child).safeAddress(), "bob is not named on her safe address: not in his export");
        PersonalDataExport export = privacy.export(ANS, child);
        assertEquals("de Vries", export.person().get("family_name"));
        assertEquals(1, export.cases().size());
        assertEquals(List.of("CHILD"), export.cases().get(0).get("roles"));
        assertEquals(1, export.entries().size());
        assertEquals("Geheimstraat 1", export.safeAddress().address(), "her own safe address names her, and ans is named");
        assertEquals("Jansen", export.rectifications().get(0).oldValue());
        assertFalse(export.person().containsKey("national_id_sealed"));
        assertEquals(1, log.query(new AccessLogQuery(null, null, "bob", child, null, AccessAction.EXPORT, null, null, 10)).size());
        assertEquals(1, log.query(new AccessLogQuery(null, null, "ans", child, null, AccessAction.EXPORT, null, null, 10)).size());
    }

    @Test
    void aRectificationIsCheckedBeforeTheFamilyServiceIsAsked() throws Exception {
        // privacy's own checks answer 400 before the rectification reaches core/engine (whose end-to-end test is
        // RectificationTest there): this GdprRights has no FamilyService, so passing a check would fail otherwise
        String p = fx.person("Sane", LocalDate.of(2040, 1, 1), NOW);
        assertThrows(InvalidInputException.class, () -> privacy.rectify(ANS, p, new RectificationInput("national_id", "1", "x")));
        assertThrows(InvalidInputException.class, () -> privacy.rectify(ANS, p, new RectificationInput("dateOfBirth", "gisteren", "x")));
        assertThrows(InvalidInputException.class, () -> privacy.rectify(ANS, p, new RectificationInput("givenName", " ", "x")));
        assertEquals(List.of(), privacy.rectifications(p));
    }

    /** The retention purge removed the person after the request: the decision must not claim an erasure. */
    @Test
    void approvingAnErasureOfAPersonRemovedSinceSaysNothingWasErased() throws Exception {
        String gone = fx.person("Weg", LocalDate.of(1990, 5, 5), NOW);
        ErasureRequest r = privacy.requestErasure(ANS, gone, new ErasureRequestInput("per ongeluk vastgelegd"));
        database.inTransaction(c -> {
            new nl.proeftuin.core.store.internal.JdbcErasureStore().removePerson(c, gone);
            return null;
        });
        ErasureRequest decided = privacy.approveErasure(BOB, r.id(), new ErasureDecisionInput("ok"));
        assertTrue(decided.outcome().startsWith("nothing to erase"), decided.outcome());
    }

    /** The REST layer looks a request or hold up by id to check its subject's municipalities before a decision. */
    @Test
    void aRequestAndAHoldAreFoundByIdWithTheirSubject() throws Exception {
        String person = fx.person("Opzoek", LocalDate.of(1990, 5, 5), NOW);
        String caseId = fx.openCase(NOW, person);
        ErasureRequest r = privacy.requestErasure(ANS, person, new ErasureRequestInput("wil vergeten worden"));
        assertEquals(person, privacy.erasureRequest(r.id()).orElseThrow().personId());
        assertEquals(ErasureStatus.REQUESTED, privacy.erasureRequest(r.id()).orElseThrow().status());
        LegalHold hold = privacy.placeHold(BOB, new LegalHoldInput("CASE", caseId, "rechtszaak"));
        assertEquals(caseId, privacy.hold(hold.id()).orElseThrow().subjectId());
        assertEquals("CASE", privacy.hold(hold.id()).orElseThrow().subjectType());
        privacy.liftHold(BOB, hold.id(), new ErasureDecisionInput("afgehandeld"));
        assertTrue(privacy.hold(hold.id()).orElseThrow().liftedAt() != null, "a lifted hold is found too");
        assertTrue(privacy.erasureRequest("nope").isEmpty());
        assertTrue(privacy.hold("nope").isEmpty());
        assertTrue(privacy.erasureRequest(null).isEmpty());
    }

    @Test
    void erasureNeedsASecondPersonAndRespectsHoldsAndRetention() throws Exception {
        String mistaken = fx.person("Verkeerd", LocalDate.of(1990, 5, 5), NOW);
        ErasureRequest r = privacy.requestErasure(ANS, mistaken, new ErasureRequestInput("per ongeluk vastgelegd"));
        assertEquals("four-eyes", assertThrows(RuleViolationException.class,
                () -> privacy.approveErasure(ANS, r.id(), new ErasureDecisionInput("ok"))).rule());
        LegalHold hold = privacy.placeHold(BOB, new LegalHoldInput("PERSON", mistaken, "klacht loopt"));
        assertEquals(ErasureStatus.REFUSED, privacy.approveErasure(BOB, r.id(), new ErasureDecisionInput("ok")).status());
        privacy.liftHold(BOB, hold.id(), new ErasureDecisionInput("klacht afgehandeld"));
        ErasureRequest again = privacy.requestErasure(ANS, mistaken, new ErasureRequestInput("nogmaals"));
        assertEquals(ErasureStatus.ERASED, privacy.approveErasure(BOB, again.id(), new ErasureDecisionInput("ok")).status());
        Map<String, Object> person = privacy.export(AUDITOR, mistaken).person();
        assertEquals(GdprRights.ERASED, person.get("given_name"));
        assertEquals("1990-01-01", person.get("date_of_birth"));
        assertEquals("erasure-decided", assertThrows(RuleViolationException.class,
                () -> privacy.rejectErasure(BOB, again.id(), new ErasureDecisionInput("te laat"))).rule());

        String inCase = fx.person("Sanne", LocalDate.of(2040, 1, 1), NOW);
        fx.openCase(NOW, inCase);
        ErasureRequest kept = privacy.requestErasure(ANS, inCase, new ErasureRequestInput("wil vergeten worden"));
        ErasureRequest decided = privacy.approveErasure(BOB, kept.id(), new ErasureDecisionInput("ok"));
        assertEquals(ErasureStatus.REFUSED, decided.status());
        assertTrue(decided.outcome().contains("retention"), decided.outcome());
        assertEquals(6, log.query(new AccessLogQuery(null, null, null, null, null, AccessAction.ERASURE, null, null, 100))
                .stream().filter(e -> e.personIds().contains(mistaken) || e.personIds().contains(inCase)).count());
    }

    /**
     * A father who left the family's case (a house ban): his export holds what the case held until the day
     * he left, not the plans the remaining family made after, nor the team that came after, nor who read
     * the case since; the child, still a member, gets all of it.
     */
    @Test
    void whoLeftACaseGetsWhatItHeldUntilThenNotTheFamilysLaterPlansTeamOrReads() throws Exception {
        String father = fx.person("Vader", LocalDate.of(1980, 1, 1), NOW);
        String child = fx.person("Kind", LocalDate.of(2040, 1, 1), NOW);
        String k = fx.openCase(NOW.minusSeconds(3600L * 24 * 40), father, child);
        String plan = "INSERT INTO plan_version (case_id, version_no, content, note, created_at, created_by)"
                + " VALUES (?, ?, '{}', ?, ?, 'ans')";
        fx.sql(plan, k, 1, "voor", Instant.parse("2047-05-20T21:30:00Z")); // 23:30 in Arnhem: his last day
        fx.sql(plan, k, 2, "na", Instant.parse("2047-05-20T22:30:00Z")); // 00:30 the next day
        String team = "INSERT INTO assignment (id, case_id, professional_id, professional_name, organisation,"
                + " professional_role, casusregie, since_date) VALUES (?, ?, ?, ?, 'Wijkteam', 'FIXED_PROFESSIONAL', TRUE, ?)";
        fx.sql(team, UUID.randomUUID().toString(), k, "ans", "Ans", LocalDate.of(2047, 5, 1));
        fx.sql(team, UUID.randomUUID().toString(), k, "bob", "Bob", LocalDate.of(2047, 5, 25));
        fx.sql("UPDATE case_member SET until_date = ? WHERE case_id = ? AND person_id = ?", LocalDate.of(2047, 5, 20),
                k, father);
        log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "bob", "Bob Bakker", "PROFESSIONAL", null,
                null, List.of(), k, "case", k, null, "GET /cases/{caseId} -> 200", "Veilig Thuis", false));

        PersonalDataExport his = privacy.export(ANS, father);
        assertEquals(List.of(1), his.planVersions().stream().map(v -> ((Number) v.get("version_no")).intValue()).toList());
        assertEquals("2047-05-20", his.cases().get(0).get("member_until"));
        assertEquals(List.of("Ans"), ((List<?>) his.cases().get(0).get("team")).stream()
                .map(a -> ((Map<?, ?>) a).get("professional_name")).toList());
        assertTrue(his.accessLog().stream().noneMatch(e -> "bob".equals(e.userId())), "the reads after he left");

        PersonalDataExport childs = privacy.export(ANS, child);
        assertEquals(2, childs.planVersions().size());
        assertEquals(2, ((List<?>) childs.cases().get(0).get("team")).size());
        assertTrue(childs.accessLog().stream().anyMatch(e -> "bob".equals(e.userId())));
    }

    @Test
    void thePurgeRemovesWhatIsPastRetentionExceptWhatAHoldKeeps() throws Exception {
        Instant longAgo = NOW.minusSeconds(3600L * 24 * 365 * 21);
        String a = fx.person("Oud", LocalDate.of(2000, 1, 1), longAgo);
        String b = fx.person("Vastgehouden", LocalDate.of(2000, 1, 1), longAgo);
        String c = fx.person("Recent", LocalDate.of(2000, 1, 1), longAgo);
        String oldCase = fx.closedCase(longAgo, a);
        String heldCase = fx.closedCase(longAgo, b);
        String recentCase = fx.closedCase(NOW.minusSeconds(3600L * 24 * 365), c);
        fx.entry(oldCase, a, "oud verslag");
        privacy.placeHold(ANS, new LegalHoldInput("CASE", heldCase, "rechtszaak"));

        PurgeReport dry = privacy.purge("test", true);
        assertEquals(List.of(oldCase), dry.casesPurged());
        assertEquals(List.of(a), dry.personsPurged());
        assertEquals(List.of("case " + heldCase), dry.held());
        assertEquals(3, fx.count("SELECT COUNT(*) FROM family_case WHERE id IN (?, ?, ?)", oldCase, heldCase, recentCase),
                "a dry run removes nothing");

        PurgeReport done = privacy.purge("test", false);
        assertEquals(List.of(oldCase), done.casesPurged());
        assertEquals(0, fx.count("SELECT COUNT(*) FROM family_case WHERE id = ?", oldCase));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM case_entry WHERE case_id = ?", oldCase));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM person WHERE id = ?", a));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM family_case WHERE id = ?", heldCase));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM family_case WHERE id = ?", recentCase));
        assertEquals(2, log.query(new AccessLogQuery(null, null, "test", null, null, AccessAction.PURGE, null, null, 10)).size());
        assertTrue(log.verify().intact());
    }

    @Test
    void theMonitorExportHasPseudonymsAndAgeBandsOnly() throws Exception {
        String child = fx.person("Sanne", LocalDate.of(2040, 3, 3), NOW);
        String caseId = fx.openCase(NOW, child);
        String csv = privacy.monitorExport(AUDITOR);
        String line = csv.lines().filter(l -> !l.startsWith("case_pseudonym")).filter(l -> l.contains(",4-11,")).findFirst().orElseThrow();
        assertFalse(csv.contains("Sanne") || csv.contains("Jansen") || csv.contains("2040") || csv.contains(child)
                || csv.contains(caseId), csv);
        assertTrue(line.contains(",CHILD,"), line);
        assertEquals(csv.lines().filter(l -> l.contains(",4-11,")).toList(), privacy.monitorExport(AUDITOR).lines()
                .filter(l -> l.contains(",4-11,")).toList(), "pseudonyms are stable");
        assertEquals("'=cmd", GdprRights.csvCell("=cmd"));
    }

    /**
     * Two first uses of the pseudonyms at the same moment both find no key and both insert one: the loser reads
     * the winner's key (the same pseudonyms), instead of failing with a 500.
     */
    @Test
    void theFirstUsesOfThePseudonymKeyAtTheSameMomentShareOneKey() throws Exception {
        String child = fx.person("Sanne", LocalDate.of(2040, 3, 3), NOW);
        fx.openCase(NOW, child);
        String winner = privacy.monitorExport(AUDITOR); // makes the key
        nl.proeftuin.core.store.privacy.PrivacyStore real = new nl.proeftuin.core.store.internal.JdbcPrivacyStore();
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        nl.proeftuin.core.store.privacy.PrivacyStore late = (nl.proeftuin.core.store.privacy.PrivacyStore)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {nl.proeftuin.core.store.privacy.PrivacyStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("pseudonymKey") && raced.compareAndSet(false, true)) {
                        return java.util.Optional.empty(); // read before the other first use committed its key
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        GdprRights loser = new GdprRights(database, late, new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcErasureStore(), null, log, Clock.fixed(NOW, ZoneOffset.UTC),
                Map.of("case", 20, "person", 20));

        String csv = loser.monitorExport(AUDITOR);

        assertTrue(raced.get());
        assertEquals(winner.lines().sorted().toList(), csv.lines().sorted().toList(), "the winner's key, the same pseudonyms");
    }
}
