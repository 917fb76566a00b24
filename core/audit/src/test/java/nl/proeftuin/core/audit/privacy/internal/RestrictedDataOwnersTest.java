package nl.proeftuin.core.audit.privacy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.EntryKind;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.internal.AuditFixtures;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.audit.privacy.ErasureDecisionInput;
import nl.proeftuin.core.audit.privacy.ErasureRequest;
import nl.proeftuin.core.audit.privacy.ErasureRequestInput;
import nl.proeftuin.core.audit.privacy.ErasureStatus;
import nl.proeftuin.core.audit.privacy.LegalHold;
import nl.proeftuin.core.audit.privacy.LegalHoldInput;
import nl.proeftuin.core.audit.privacy.PersonalDataExport;
import nl.proeftuin.core.audit.privacy.PurgeReport;
import nl.proeftuin.core.audit.privacy.Reader;
import nl.proeftuin.core.audit.privacy.ReaderInput;
import nl.proeftuin.core.audit.privacy.RestrictedData;
import nl.proeftuin.core.audit.privacy.RestrictedEntry;
import nl.proeftuin.core.audit.privacy.RestrictedEntryInput;
import nl.proeftuin.core.audit.privacy.RestrictedNotice;
import nl.proeftuin.core.audit.privacy.SafeAddress;
import nl.proeftuin.core.audit.privacy.SafeAddressInput;
import nl.proeftuin.core.audit.privacy.SafeAddressVersion;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.testing.HeldDatabase;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Restricted data has owners and history, and restrictions that name case positions follow a
 * handover; nothing restricted reaches someone not named through the export. On a real H2 file
 * database (and on PostgreSQL: {@link RestrictedDataOwnersOnPostgreSqlTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictedDataOwnersTest {
    static final Instant NOW = Instant.parse("2047-06-01T10:00:00Z");
    static final Reader ANS = new Reader("ans", "Ans de Wit", Set.of("PROFESSIONAL"), "Wijkteam Arnhem");
    static final Reader BOB = new Reader("bob", "Bob Bakker", Set.of("PROFESSIONAL"), "Veilig Thuis");
    /** In the mother's team (need to know), never named on her safe address. */
    static final Reader CAROL = new Reader("carol", "Carol Claes", Set.of("PROFESSIONAL"), "GI Gelderland");

    Path dir;
    EmbeddedPostgres postgres;
    Database database;
    HashChainedAccessLog log;
    GdprRights privacy;
    LoggedRestrictedData restricted;
    AuditFixtures fx;

    boolean onPostgres() {
        return false;
    }

    @BeforeAll
    void start() throws Exception {
        if (onPostgres()) {
            postgres = EmbeddedPostgres.builder().start();
            database = TestDatabases.postgres(postgres);
        } else {
            dir = Files.createTempDirectory("restricted-owners-h2");
            database = TestDatabases.h2(dir);
        }
        fx = new AuditFixtures(database);
        for (Reader r : List.of(ANS, BOB, CAROL)) {
            sql("INSERT INTO user_account (user_id, display_name, organisation, disabled, created_at, changed_at) "
                    + "VALUES (?, ?, ?, FALSE, ?, ?)", r.userId(), r.name(), r.organisation(), NOW, NOW);
        }
    }

    @AfterAll
    void stop() throws Exception {
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

    private void sql(String statement, Object... params) throws SQLException {
        database.inTransaction(c -> {
            try (var ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    Object p = params[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : params[i];
                    ps.setObject(i + 1, p);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** An active assignment of a professional to a case. */
    private String assign(String caseId, Reader who, String role, boolean casusregie) throws SQLException {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO assignment (id, case_id, professional_id, professional_name, organisation, professional_role, "
                + "casusregie, since_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caseId, who.userId(), who.name(),
                who.organisation(), role, casusregie, LocalDate.of(2047, 1, 1));
        return id;
    }

    /** A handover as the engine records it: the old assignment ends, a new one takes the position. */
    private void handOver(String caseId, String fromAssignment, Reader to, String role, boolean casusregie)
            throws SQLException {
        sql("UPDATE assignment SET until_date = ?, end_reason = 'overdracht' WHERE id = ?", LocalDate.of(2047, 5, 1),
                fromAssignment);
        assign(caseId, to, role, casusregie);
    }

    private long count(String query, Object... params) throws SQLException {
        return fx.count(query, params);
    }

    @Test
    void aTeamMemberNotNamedCannotChangeTheSafeAddressAndEveryVersionIsKept() throws Exception {
        String mother = fx.person("Mila", LocalDate.of(2015, 1, 1), NOW);
        fx.openCase(NOW, mother);
        restricted.setSafeAddress(ANS, mother, new SafeAddressInput("Opvangstraat 1", "1234AB", "Ede",
                List.of("user:bob")));

        // the repro: a team member not named overwrote it (200, delete and re-insert): now refused, logged
        RuleViolationException refused = assertThrows(RuleViolationException.class, () -> restricted.setSafeAddress(CAROL,
                mother, new SafeAddressInput("Nepstraat 9", null, "Arnhem", List.of("user:carol"))));
        assertEquals(RestrictedData.NOT_NAMED, refused.rule());
        assertEquals("Opvangstraat 1", restricted.safeAddress(ANS, mother).address(), "nothing was changed");
        assertEquals("Opvangstraat 1", restricted.safeAddress(BOB, mother).address(), "the named still see it");
        assertEquals(1, log.query(new AccessLogQuery(null, null, "carol", mother, null, AccessAction.UPDATE, "DENIED",
                null, 10)).size(), "the refused change is logged");

        // a named reader makes the next version; both versions are kept; the others named are notified
        restricted.setSafeAddress(BOB, mother, new SafeAddressInput("Opvangstraat 2", null, "Ede",
                List.of("user:ans")));
        List<SafeAddressVersion> history = restricted.safeAddressHistory(ANS, mother);
        assertEquals(List.of(1, 2), history.stream().map(SafeAddressVersion::versionNo).toList());
        assertEquals(List.of("Opvangstraat 1", "Opvangstraat 2"), history.stream().map(SafeAddressVersion::address).toList());
        assertEquals(List.of("RECORDED", "CHANGED"), history.stream().map(SafeAddressVersion::changeKind).toList());
        assertEquals(2, count("SELECT COUNT(*) FROM safe_address_version WHERE person_id = ?", mother));
        List<RestrictedNotice> notices = restricted.notices(ANS, 50);
        assertEquals(1, notices.stream().filter(n -> mother.equals(n.personId())).count(), "ans was named: notified");
        assertFalse(notices.get(0).message().contains("Opvangstraat"), "a notice never holds the address");
        assertTrue(restricted.notices(CAROL, 50).stream().noneMatch(n -> mother.equals(n.personId())),
                "carol is named on neither version: not notified, nothing tells her");
        assertTrue(restricted.notices(BOB, 50).stream().noneMatch(n -> mother.equals(n.personId())),
                "the writer is not notified of their own change");
        assertThrows(NotFoundException.class, () -> restricted.safeAddressHistory(CAROL, mother));
    }

    @Test
    void aRestrictionThatNamesNothingIsRefusedNamingTheField() throws Exception {
        String mother = fx.person("Mila", LocalDate.of(2015, 1, 1), NOW);
        String caseId = fx.openCase(NOW, mother);
        InvalidInputException gi = assertThrows(InvalidInputException.class, () -> restricted.setSafeAddress(ANS, mother,
                new SafeAddressInput("Opvangstraat 1", null, "Ede", List.of("user:bob", "role:GI"))));
        assertEquals("restrictedTo[1]", gi.field());
        InvalidInputException nobody = assertThrows(InvalidInputException.class, () -> restricted.setSafeAddress(ANS, mother,
                new SafeAddressInput("Opvangstraat 1", null, "Ede", List.of("user:nobody.at.all"))));
        assertEquals("restrictedTo[0]", nobody.field());
        InvalidInputException person = assertThrows(InvalidInputException.class, () -> restricted.addRestrictedEntry(ANS,
                caseId, new RestrictedEntryInput(EntryKind.FACT, "x", "y", List.of(), List.of("person:" + UUID.randomUUID()))));
        assertEquals("restrictedTo[0]", person.field());
        assertEquals(0, count("SELECT COUNT(*) FROM safe_address WHERE person_id = ?", mother), "nothing stored");
        // a case position from a writer who works in none of the person's cases would name nobody
        InvalidInputException position = assertThrows(InvalidInputException.class, () -> restricted.setSafeAddress(ANS,
                mother, new SafeAddressInput("Opvangstraat 1", null, "Ede", List.of("user:bob", "role:FIXED_PROFESSIONAL"))));
        assertEquals("restrictedTo[1]", position.field());
        assertEquals(0, count("SELECT COUNT(*) FROM safe_address WHERE person_id = ?", mother), "nothing stored");
        // the case positions and the platform roles are names
        assign(caseId, ANS, "RVT_PROFESSIONAL", false);
        restricted.setSafeAddress(ANS, mother, new SafeAddressInput("Opvangstraat 1", null, "Ede",
                List.of("role:FIXED_PROFESSIONAL", "role:CASUSREGIE", "role:AUDITOR", "person:" + mother)));
        InvalidInputException reader = assertThrows(InvalidInputException.class,
                () -> restricted.addSafeAddressReader(ANS, mother, new ReaderInput("role:GI")));
        assertEquals("reader", reader.field());
    }

    @Test
    void aRestrictionNamingACasePositionFollowsTheHandover() throws Exception {
        String mother = fx.person("Mila", LocalDate.of(2015, 1, 1), NOW);
        String caseId = fx.openCase(NOW, mother);
        String ansFixed = assign(caseId, ANS, "FIXED_PROFESSIONAL", false);
        String carolRegie = assign(caseId, CAROL, "GI", true);
        restricted.setSafeAddress(CAROL, mother, new SafeAddressInput("Opvangstraat 1", null, "Ede",
                List.of("role:FIXED_PROFESSIONAL")));
        RestrictedEntry entry = restricted.addRestrictedEntry(ANS, caseId, new RestrictedEntryInput(EntryKind.FACT,
                "Moeder verblijft in de opvang", "eigen waarneming", List.of(mother), List.of("role:CASUSREGIE")));
        assertEquals("Opvangstraat 1", restricted.safeAddress(ANS, mother).address(), "the fixed professional");
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(BOB, mother));
        assertEquals(1, restricted.restrictedEntries(CAROL, caseId).size(), "the casusregie holder");

        handOver(caseId, ansFixed, BOB, "FIXED_PROFESSIONAL", false);
        handOver(caseId, carolRegie, BOB, "RVT_PROFESSIONAL", true);
        assertEquals("Opvangstraat 1", restricted.safeAddress(BOB, mother).address(), "the new fixed professional");
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(ANS, mother), "the previous one: no longer");
        assertEquals(List.of(entry.id()), restricted.restrictedEntries(BOB, caseId).stream().map(RestrictedEntry::id).toList());
        assertEquals(0, restricted.restrictedEntries(CAROL, caseId).size(), "the previous casusregie holder: no longer");
        // the writer of the entry stays named by name (ans wrote it)
        assertEquals(1, restricted.restrictedEntries(ANS, caseId).size());
        // a change reaches the current holders
        restricted.setSafeAddress(BOB, mother, new SafeAddressInput("Opvangstraat 3",
                null, "Ede", List.of("role:FIXED_PROFESSIONAL", "user:ans")));
        assertTrue(restricted.notices(ANS, 50).stream().anyMatch(n -> mother.equals(n.personId())));
    }

    @Test
    void aCaseThePersonLeftNamesNobodyOnTheirRestrictions() throws Exception {
        // the mother was in the father's case; she fled and her membership ended (the engine sets until_date)
        String mother = fx.person("Mila", LocalDate.of(1990, 1, 1), NOW);
        String father = fx.person("Frank", LocalDate.of(1988, 1, 1), NOW);
        String fathersCase = fx.openCase(NOW, father, mother);
        assign(fathersCase, ANS, "FIXED_PROFESSIONAL", false);
        assign(fathersCase, CAROL, "GI", true);
        assign(fathersCase, BOB, "VEILIG_THUIS", false);
        restricted.setSafeAddress(BOB, mother, new SafeAddressInput("Opvangstraat 1", null, "Ede",
                List.of("role:FIXED_PROFESSIONAL", "role:CASUSREGIE", "user:bob")));
        assertEquals("Opvangstraat 1", restricted.safeAddress(ANS, mother).address(), "a member still: named");
        sql("UPDATE case_member SET until_date = ?, end_reason = 'gevlucht' WHERE case_id = ? AND person_id = ?",
                LocalDate.of(2047, 5, 1), fathersCase, mother);

        // the positions of the case she left name nobody on her safe address: no read, no change, no notice
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(ANS, mother), "the former case's fixed professional");
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(CAROL, mother), "the former case's casusregie");
        assertEquals(1, log.query(new AccessLogQuery(null, null, "carol", mother, null, AccessAction.READ, "DENIED", null,
                10)).size(), "the refused read is logged");
        RuleViolationException refused = assertThrows(RuleViolationException.class, () -> restricted.setSafeAddress(ANS,
                mother, new SafeAddressInput("Nepstraat 9", null, "Arnhem", List.of("user:ans"))));
        assertEquals(RestrictedData.NOT_NAMED, refused.rule());
        // bob works in no case of hers now: a case position would name nobody, and is refused
        assertEquals("restrictedTo[0]", assertThrows(InvalidInputException.class, () -> restricted.setSafeAddress(BOB,
                mother, new SafeAddressInput("Opvangstraat 2", null, "Ede", List.of("role:FIXED_PROFESSIONAL")))).field());
        assertEquals("restrictedTo[0]", assertThrows(InvalidInputException.class, () -> restricted.setSafeAddress(BOB,
                mother, new SafeAddressInput("Opvangstraat 2", null, "Ede", List.of("role:FIXED_PROFESSIONAL@" + fathersCase))))
                .field(), "nor tied to the case she left");
        restricted.setSafeAddress(BOB, mother, new SafeAddressInput("Opvangstraat 2", null, "Ede", List.of("user:bob")));
        assertTrue(restricted.notices(ANS, 50).stream().noneMatch(n -> mother.equals(n.personId())), "no notice to ans");
        assertTrue(restricted.notices(CAROL, 50).stream().noneMatch(n -> mother.equals(n.personId())), "nor to carol");
        assertNull(privacy.export(ANS, mother).safeAddress());
        // nor is she a member to write a restricted entry about in the case she left (as the engine counts members)
        InvalidInputException about = assertThrows(InvalidInputException.class, () -> restricted.addRestrictedEntry(ANS,
                fathersCase, new RestrictedEntryInput(EntryKind.FACT, "x", "y", List.of(mother), List.of("user:ans"))));
        assertEquals("aboutPersonIds[0]", about.field());

        // her own new case: its fixed professional is named once a named reader adds the position there
        String ownCase = fx.openCase(NOW, mother);
        assign(ownCase, CAROL, "FIXED_PROFESSIONAL", false);
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(CAROL, mother), "not before");
        restricted.addSafeAddressReader(BOB, mother, new ReaderInput("role:FIXED_PROFESSIONAL@" + ownCase));
        assertEquals("Opvangstraat 2", restricted.safeAddress(CAROL, mother).address());
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(ANS, mother));
    }

    /**
     * The child lives with the mother in a shelter and is in two open cases: the father's (where the
     * father's fixed professional works) and the mother's. The shelter address the mother's professional
     * entrusts to "the fixed professional" names the fixed professional of her case only, as the holder
     * changes, never the father's professional through the child's other case: no read, no export, no notice.
     */
    @Test
    void aCasePositionOnASafeAddressNamesItsHolderInTheWritersCaseNotInTheChildsOtherCase() throws Exception {
        String father = fx.person("Frank", LocalDate.of(1988, 1, 1), NOW);
        String mother = fx.person("Mila", LocalDate.of(1990, 1, 1), NOW);
        String child = fx.person("Kees", LocalDate.of(2040, 1, 1), NOW);
        String fathersCase = fx.openCase(NOW, father, child);
        String mothersCase = fx.openCase(NOW, mother, child);
        assign(fathersCase, ANS, "FIXED_PROFESSIONAL", true);
        String carolFixed = assign(mothersCase, CAROL, "FIXED_PROFESSIONAL", true);
        SafeAddress set = restricted.setSafeAddress(CAROL, child, new SafeAddressInput("Opvangstraat 1", null, "Ede",
                List.of("role:FIXED_PROFESSIONAL", "role:CASUSREGIE", "person:" + child)));
        assertEquals(List.of("role:FIXED_PROFESSIONAL@" + mothersCase, "role:CASUSREGIE@" + mothersCase,
                "person:" + child, "user:carol"), set.restrictedTo(), "tied to the case the writer works in");

        assertThrows(NotFoundException.class, () -> restricted.safeAddress(ANS, child), "the father's professional");
        assertNull(privacy.export(ANS, child).safeAddress());
        restricted.setSafeAddress(CAROL, child, new SafeAddressInput("Opvangstraat 2", null, "Ede", set.restrictedTo()));
        assertTrue(restricted.notices(ANS, 50).stream().noneMatch(n -> child.equals(n.personId())), "no notice");

        handOver(mothersCase, carolFixed, BOB, "FIXED_PROFESSIONAL", true);
        assertEquals("Opvangstraat 2", restricted.safeAddress(BOB, child).address(), "the mother's case's new holder");
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(ANS, child));
        assertEquals("restrictedTo[0]", assertThrows(InvalidInputException.class, () -> restricted.setSafeAddress(BOB,
                child, new SafeAddressInput("x", null, "Ede", List.of("role:FIXED_PROFESSIONAL@" + UUID.randomUUID()))))
                .field(), "a case the child is not in");
    }

    @Test
    void aNamedReaderAddsAReaderAndNobodyElseCan() throws Exception {
        String mother = fx.person("Mila", LocalDate.of(2015, 1, 1), NOW);
        String caseId = fx.openCase(NOW, mother);
        restricted.setSafeAddress(ANS, mother, new SafeAddressInput("Opvangstraat 1", null, "Ede", List.of("user:ans")));
        RestrictedEntry entry = restricted.addRestrictedEntry(ANS, caseId, new RestrictedEntryInput(EntryKind.FACT,
                "Moeder verblijft in de opvang", "eigen waarneming", List.of(mother), List.of("user:ans")));

        // not named: refused as if there were nothing (the same answer as a read), and logged
        assertThrows(NotFoundException.class, () -> restricted.addSafeAddressReader(CAROL, mother, new ReaderInput("user:carol")));
        assertThrows(NotFoundException.class,
                () -> restricted.addRestrictedEntryReader(CAROL, caseId, entry.id(), new ReaderInput("user:carol")));
        assertEquals(2, log.query(new AccessLogQuery(null, null, "carol", null, null, AccessAction.UPDATE, "DENIED", null,
                10)).size());
        assertThrows(NotFoundException.class, () -> restricted.safeAddress(CAROL, mother));

        // named: the reader is added, logged, kept as a version, and the new reader is told
        restricted.addSafeAddressReader(ANS, mother, new ReaderInput("user:bob"));
        restricted.addRestrictedEntryReader(ANS, caseId, entry.id(), new ReaderInput("user:bob"));
        assertEquals("Opvangstraat 1", restricted.safeAddress(BOB, mother).address());
        assertEquals(1, restricted.restrictedEntries(BOB, caseId).size());
        assertEquals("READER_ADDED", restricted.safeAddressHistory(BOB, mother).get(1).changeKind());
        List<AccessLogEntry> added = log.query(new AccessLogQuery(null, null, "ans", null, null, AccessAction.UPDATE,
                "SUCCESS", null, 100)).stream().filter(e -> e.detail() != null && e.detail().startsWith("reader added")).toList();
        assertEquals(2, added.size());
        assertTrue(added.stream().allMatch(AccessLogEntry::restricted));
        assertEquals(2, restricted.notices(BOB, 50).stream().filter(n -> mother.equals(n.personId())
                || caseId.equals(n.caseId())).count());
        assertEquals(1, count("SELECT COUNT(*) FROM restricted_reader_added WHERE entry_id = ?", entry.id()));
    }

    @Test
    void anApprovedErasureErasesEveryVersion() throws Exception {
        String person = fx.person("Verkeerd", LocalDate.of(1990, 5, 5), NOW);
        restricted.setSafeAddress(ANS, person, new SafeAddressInput("Opvangstraat 1", null, "Ede", List.of("user:bob")));
        restricted.setSafeAddress(BOB, person, new SafeAddressInput("Opvangstraat 2", null, "Ede", List.of("user:ans")));
        var request = privacy.requestErasure(ANS, person, new nl.proeftuin.core.audit.privacy.ErasureRequestInput("onjuist"));
        privacy.approveErasure(BOB, request.id(), new nl.proeftuin.core.audit.privacy.ErasureDecisionInput("ok"));
        assertEquals(0, count("SELECT COUNT(*) FROM safe_address_version WHERE person_id = ?", person));
        assertEquals(0, count("SELECT COUNT(*) FROM restricted_notice WHERE person_id = ?", person));
        assertEquals(0, count("SELECT COUNT(*) FROM safe_address WHERE person_id = ?", person));
    }

    @Test
    void theExportCarriesNoRestrictedDataNorItsTraceToSomeoneNotNamed() throws Exception {
        String mother = fx.person("Mila", LocalDate.of(2015, 1, 1), NOW);
        String caseId = fx.openCase(NOW, mother);
        restricted.setSafeAddress(ANS, mother, new SafeAddressInput("Opvangstraat 1", null, "Ede",
                List.of("person:" + mother)));
        restricted.addRestrictedEntry(ANS, caseId, new RestrictedEntryInput(EntryKind.FACT, "Moeder verblijft in de opvang",
                "eigen waarneming", List.of(mother), List.of("person:" + mother)));
        // what the API's guard logs for the restricted-data routes (route in the detail, not flagged restricted)
        log.append(new AccessEvent(AccessAction.UPDATE, AccessEvent.SUCCESS, "ans", "Ans de Wit", "PROFESSIONAL", null,
                null, List.of(mother), null, "person", mother, null, "PUT /persons/{personId}/safe-address", "Wijkteam", false));
        log.append(new AccessEvent(AccessAction.CREATE, AccessEvent.SUCCESS, "ans", "Ans de Wit", "PROFESSIONAL", null,
                null, List.of(), caseId, "case", caseId, null, "POST /cases/{caseId}/restricted-entries", "Wijkteam", false));
        log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "ans", "Ans de Wit", "PROFESSIONAL", null,
                null, List.of(), caseId, "case", caseId, null, "GET /cases/{caseId}", "Wijkteam", false));

        PersonalDataExport byCarol = privacy.export(CAROL, mother);
        assertNull(byCarol.safeAddress(), "carol has need to know on the mother, but is not named on her safe address");
        assertFalse(byCarol.toString().contains("Opvangstraat"));
        assertFalse(byCarol.toString().contains("opvang"), "nor the restricted entry");
        assertTrue(byCarol.accessLog().stream().noneMatch(e -> e.detail() != null
                && (e.detail().contains("safe-address") || e.detail().contains("restricted-entries"))),
                "the access list does not show that restricted data exists");
        assertTrue(byCarol.accessLog().stream().anyMatch(e -> "GET /cases/{caseId}".equals(e.detail())),
                "the other entries are there");

        PersonalDataExport byAns = privacy.export(ANS, mother);
        assertEquals("Opvangstraat 1", byAns.safeAddress().address(), "named, and it names the mother");
        assertEquals(1, byAns.entries().size());
        // each restricted item the export carries is logged as read (restricted: only the auditor sees that)
        List<AccessLogEntry> reads = log.query(new AccessLogQuery(null, null, "ans", mother, null, AccessAction.READ,
                "SUCCESS", null, 100)).stream().filter(e -> "in the GDPR export".equals(e.detail())).toList();
        assertEquals(List.of("restricted-entry", "safe-address"), reads.stream().map(AccessLogEntry::objectType).sorted()
                .toList());
        assertTrue(reads.stream().allMatch(AccessLogEntry::restricted));
        assertEquals(Boolean.TRUE, byAns.entries().get(0).get("restricted"), "and it says which entry is restricted");
    }

    @Test
    void theExportHoldsEveryEntryOfTheAccessLogNotTheNewestThousand() throws Exception {
        String person = fx.person("Veel", LocalDate.of(2012, 2, 2), NOW);
        int n = 2 * 1000 + 7; // more than two pages of the log's largest answer
        for (int i = 0; i < n; i++) {
            log.append(new AccessEvent(AccessAction.READ, AccessEvent.SUCCESS, "ans", "Ans de Wit", "PROFESSIONAL", null,
                    null, List.of(person), null, "person", person, null, "read " + i, "Wijkteam", false));
        }
        List<AccessLogEntry> access = privacy.export(ANS, person).accessLog();
        List<AccessLogEntry> reads = access.stream().filter(e -> e.detail() != null && e.detail().startsWith("read ")).toList();
        assertEquals(n, reads.size(), "every entry, none cut off");
        assertEquals(n, reads.stream().map(AccessLogEntry::seqNo).distinct().count(), "none twice");
        assertEquals("read " + (n - 1), reads.get(0).detail(), "newest first");
        assertEquals("read 0", reads.get(n - 1).detail(), "down to the oldest");
    }

    // ---------------------------------------------------------------------------- erasure decisions, races

    @Test
    void theLongestNoteOfAnErasureDecisionIsStoredAndOneCharacterMoreIsRefused() throws Exception {
        String longest = "n".repeat(GdprRights.NOTE_MAX);
        String erased = fx.person("Verkeerd", LocalDate.of(1990, 5, 5), NOW);
        String rejected = fx.person("Blijft", LocalDate.of(1990, 5, 5), NOW);
        String gone = fx.person("Weg", LocalDate.of(1990, 5, 5), NOW);
        ErasureRequest toErase = privacy.requestErasure(ANS, erased, new ErasureRequestInput("onjuist"));
        ErasureRequest toReject = privacy.requestErasure(ANS, rejected, new ErasureRequestInput("onjuist"));
        ErasureRequest ofGone = privacy.requestErasure(ANS, gone, new ErasureRequestInput("onjuist"));
        sql("DELETE FROM person WHERE id = ?", gone); // the retention purge removed the person since the request

        // one character more: a 4xx naming the field and the real maximum, whatever the decision; nothing changed
        for (ErasureRequest r : List.of(toErase, toReject, ofGone)) {
            InvalidInputException approve = assertThrows(InvalidInputException.class,
                    () -> privacy.approveErasure(BOB, r.id(), new ErasureDecisionInput(longest + "n")));
            assertEquals("note", approve.field());
            assertTrue(approve.reason().contains(String.valueOf(GdprRights.NOTE_MAX)), approve.reason());
            InvalidInputException reject = assertThrows(InvalidInputException.class,
                    () -> privacy.rejectErasure(BOB, r.id(), new ErasureDecisionInput(longest + "n")));
            assertEquals("note", reject.field());
            assertEquals(ErasureStatus.REQUESTED, privacy.erasureRequests(r.personId()).get(0).status());
        }
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = ? AND given_name = 'Verkeerd'", erased));

        // the longest note: stored whole with each outcome's prefix
        ErasureRequest done = privacy.approveErasure(BOB, toErase.id(), new ErasureDecisionInput(longest));
        assertEquals(ErasureStatus.ERASED, done.status());
        assertEquals(GdprRights.ERASED_PREFIX + longest, privacy.erasureRequests(erased).get(0).outcome());
        ErasureRequest no = privacy.rejectErasure(BOB, toReject.id(), new ErasureDecisionInput(longest));
        assertEquals(ErasureStatus.REJECTED, no.status());
        assertEquals(GdprRights.REJECTED_PREFIX + longest, privacy.erasureRequests(rejected).get(0).outcome());
        privacy.approveErasure(BOB, ofGone.id(), new ErasureDecisionInput(longest));
        assertEquals(GdprRights.GONE_PREFIX + longest, privacy.erasureRequests(gone).get(0).outcome());
    }

    @Test
    void anErasureWaitsForAMemberBeingAddedAndThenRefuses() throws Exception {
        String person = fx.person("Vader", LocalDate.of(1985, 3, 3), NOW);
        String caseId = fx.openCase(NOW, fx.person("Kind", LocalDate.of(2040, 1, 1), NOW));
        ErasureRequest request = privacy.requestErasure(ANS, person, new ErasureRequestInput("niet meer nodig"));
        // transaction A: the person is added to a case (the engine's person lock on H2; on PostgreSQL the
        // member row's foreign key alone holds the person), held open while the erasure is decided
        Race race = new Race(c -> {
            if (!onPostgres()) {
                exec(c, "SELECT id FROM person WHERE id = ? FOR UPDATE", person);
            }
            exec(c, "INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, 1)", caseId, person);
        });
        CompletableFuture<ErasureRequest> decided = CompletableFuture.supplyAsync(
                () -> privacy.approveErasure(BOB, request.id(), new ErasureDecisionInput("akkoord")));
        race.releaseOnceWaiting(decided);
        ErasureRequest r = decided.get(30, TimeUnit.SECONDS);
        assertEquals(ErasureStatus.REFUSED, r.status(), r.outcome());
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = ? AND given_name = 'Vader'", person),
                "the member of the open case is not erased");
    }

    @Test
    void aHoldPlacedWhileAnErasureDecidesWaitsForIt() throws Exception {
        String person = fx.person("Moeder", LocalDate.of(1985, 3, 3), NOW);
        // transaction A holds the person's row as an erasure deciding on them does
        Race race = new Race(c -> exec(c, "SELECT id FROM person WHERE id = ? FOR UPDATE", person));
        CompletableFuture<LegalHold> hold = CompletableFuture.supplyAsync(
                () -> privacy.placeHold(ANS, new LegalHoldInput("PERSON", person, "lopende rechtszaak")));
        race.releaseOnceWaiting(hold);
        assertEquals(person, hold.get(30, TimeUnit.SECONDS).subjectId());
    }

    @Test
    void theRetentionPurgeWaitsForAMemberBeingAddedAndKeepsThePerson() throws Exception {
        Instant longAgo = NOW.minus(java.time.Duration.ofDays(25 * 366));
        String person = fx.person("Oud", LocalDate.of(1980, 3, 3), longAgo);
        String caseId = fx.openCase(NOW, fx.person("Kind", LocalDate.of(2040, 1, 1), NOW));
        // transaction A: a case opening takes the person (the engine's lock) and makes them a member
        Race race = new Race(c -> {
            exec(c, "SELECT id FROM person WHERE id = ?" + (onPostgres() ? " FOR NO KEY UPDATE" : " FOR UPDATE"), person);
            exec(c, "INSERT INTO case_member (case_id, person_id, seq_no) VALUES (?, ?, 1)", caseId, person);
        });
        CompletableFuture<PurgeReport> purged = CompletableFuture.supplyAsync(() -> privacy.purge("system:test", false));
        race.releaseOnceWaiting(purged);
        PurgeReport report = purged.get(30, TimeUnit.SECONDS);
        assertFalse(report.personsPurged().contains(person), report.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = ?", person));
        assertEquals(1, count("SELECT COUNT(*) FROM case_member WHERE person_id = ?", person));
    }

    /**
     * A hold on a person keeps their cases from the purge (a case is held when a member is): a hold being
     * placed while the purge runs makes the purge wait at the person's case, and the case stays. The hold
     * used to lock the person only, so the purge removed the case before the hold committed.
     */
    @Test
    void aHoldOnAPersonPlacedWhileThePurgeRunsKeepsTheirCase() throws Exception {
        Instant longAgo = NOW.minus(java.time.Duration.ofDays(25 * 366));
        String person = fx.person("Oud", LocalDate.of(1980, 3, 3), longAgo);
        String caseId = fx.closedCase(longAgo, person);
        HeldDatabase holding = new HeldDatabase(database);
        GdprRights placing = new GdprRights(holding, new nl.proeftuin.core.store.internal.JdbcPrivacyStore(),
                new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                new nl.proeftuin.core.store.internal.JdbcErasureStore(), null, log, Clock.fixed(NOW, ZoneOffset.UTC),
                Map.of("case", 20, "person", 20));
        CompletableFuture<LegalHold> hold = CompletableFuture.supplyAsync(
                () -> placing.placeHold(ANS, new LegalHoldInput("PERSON", person, "lopende rechtszaak")));
        holding.awaitWorkDone();
        CompletableFuture<PurgeReport> purged = CompletableFuture.supplyAsync(() -> privacy.purge("system:test", false));
        assertTrue(holding.releaseOnceAnotherWaits(purged), "the purge waited for the hold being placed");
        assertEquals(person, hold.get(30, TimeUnit.SECONDS).subjectId());
        PurgeReport report = purged.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(), report.casesPurged(), report.toString());
        assertTrue(report.held().contains("case " + caseId), report.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM family_case WHERE id = ?", caseId), "the held person's case stays");
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = ?", person));
    }

    /** The work of transaction A. */
    private interface SqlStep {
        void run(java.sql.Connection c) throws SQLException;
    }

    private static void exec(java.sql.Connection c, String statement, Object... params) throws SQLException {
        try (var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    /**
     * Transaction A of a race: its work done on another thread, then held open until the other side (a
     * service call already started) is seen waiting for a lock; then A commits. Deterministic: the other
     * side either waits for A's lock or, without one, finishes first, which the test sees.
     */
    private final class Race {
        final HeldDatabase held = new HeldDatabase(database);
        final CompletableFuture<Void> a;

        Race(SqlStep work) throws InterruptedException {
            a = CompletableFuture.runAsync(() -> {
                try {
                    held.inTransaction(c -> {
                        work.run(c);
                        return null;
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            held.awaitWorkDone();
        }

        void releaseOnceWaiting(CompletableFuture<?> other) throws Exception {
            boolean waits = held.releaseOnceAnotherWaits(other);
            a.get(30, TimeUnit.SECONDS);
            assertTrue(waits, "the other side waited for transaction A's lock (and did not finish before it)");
        }
    }
}
