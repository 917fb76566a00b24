package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.audit.privacy.Reader;
import nl.proeftuin.core.audit.privacy.Rectification;
import nl.proeftuin.core.audit.privacy.RectificationInput;
import nl.proeftuin.core.audit.privacy.internal.GdprRights;
import nl.proeftuin.core.store.internal.JdbcAccessLogStore;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcErasureStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcLocalTeamStore;
import nl.proeftuin.core.store.internal.JdbcPrivacyStore;
import nl.proeftuin.core.store.internal.JdbcRestrictedDataStore;
import nl.proeftuin.core.store.privacy.PrivacyStore;
import nl.proeftuin.core.store.localteam.StoredOutbound;
import nl.proeftuin.testing.HeldDatabase;
import org.junit.jupiter.api.Test;

/**
 * A rectification (GDPR art. 16) goes through the family service like any other change of the family's
 * data: the person changes, the rectification keeps the old value, every case of the person records it
 * in its history and its local team's outbox hears it (art. 19), all in one transaction; and the
 * access log records who did it. The privacy service (core/audit) checks the request and logs it.
 */
class RectificationTest extends EngineTestBase {
    private static final Reader ANS_READER = new Reader("ans", "Ans de Wit", Set.of("PROFESSIONAL"), "Veilig Thuis");

    private AccessLog log;

    private GdprRights privacy(nl.proeftuin.core.api.FamilyService family) {
        log = new HashChainedAccessLog(database, new JdbcAccessLogStore(), clock, "test-node");
        return new GdprRights(database, new JdbcPrivacyStore(), new JdbcRestrictedDataStore(), new JdbcErasureStore(),
                family, log, clock, Map.of("case", 20, "person", 20));
    }

    @Test
    void aRectificationChangesThePersonKeepsTheOldValueAndTellsTheCaseAndItsLocalTeam() throws Exception {
        Person p = person("Sane");
        CaseView k = openCase(p);
        GdprRights privacy = privacy(family);
        privacy.rectify(ANS_READER, p.id(), new RectificationInput("givenName", "Sanne", "typefout"));
        privacy.rectify(ANS_READER, p.id(), new RectificationInput("dateOfBirth", "2016-06-01", "verkeerde maand"));

        Person now = family.person(p.id());
        assertEquals("Sanne", now.givenName());
        assertEquals(LocalDate.of(2016, 6, 1), now.dateOfBirth());
        assertEquals(List.of("Sanne"), family.findPersons("sanne").stream().filter(x -> x.id().equals(p.id()))
                .map(Person::givenName).toList(), "the search columns follow the name");
        assertEquals(List.of("Sane", "2016-05-01"),
                privacy.rectifications(p.id()).stream().map(Rectification::oldValue).toList());

        List<CaseEvent> rectified = cases.history(k.id()).stream().filter(e -> e.type().equals("PERSON_RECTIFIED"))
                .toList();
        assertEquals(2, rectified.size(), "the case's history records each rectification of its member");
        assertEquals(null, rectified.get(0).reason(), "why stays in the rectification record");
        List<StoredOutbound> outbox = database.read(c -> new JdbcLocalTeamStore().list(c, null, k.id(), 100)).stream()
                .filter(o -> o.type().equals("PERSON_RECTIFIED")).toList();
        assertEquals(2, outbox.size(), "the case's local team hears it");
        assertFalse(outbox.stream().anyMatch(o -> o.payload().contains("Sanne")), "the outbox names the change, not the data");
        assertEquals(2, log.query(new AccessLogQuery(null, null, null, p.id(), null, AccessAction.RECTIFICATION, null,
                null, 10)).size());
    }

    /**
     * A closed case takes no change: a rectification does not write into it (which would also restart
     * its retention clock). An open case's version moves, so a client cannot keep the old name from a 304.
     */
    @Test
    void aRectificationMovesAnOpenCasesVersionAndLeavesAClosedCaseAlone() throws Exception {
        Person p = person("Sane");
        CaseView open = openCase(p);
        CaseView closed = openCase(p);
        cases.close(ANS, closed.id(), null, new nl.proeftuin.core.api.dto.CloseInput("verhuisd"));
        long closedVersion = cases.get(closed.id()).version();
        int closedHistory = cases.history(closed.id()).size();
        long openVersion = cases.get(open.id()).version();

        privacy(family).rectify(ANS_READER, p.id(), new RectificationInput("givenName", "Sanne", "typefout"));

        assertEquals(openVersion + 1, cases.get(open.id()).version());
        assertEquals("Sanne", cases.get(open.id()).members().get(0).person().givenName());
        assertEquals(closedVersion, cases.get(closed.id()).version());
        assertEquals(closedHistory, cases.history(closed.id()).size(), "nothing written into the closed case");
        assertEquals(0, database.read(c -> new JdbcLocalTeamStore().list(c, null, closed.id(), 100)).stream()
                .filter(o -> o.type().equals("PERSON_RECTIFIED")).count());
    }

    @Test
    void aBadOrUnknownRectificationChangesNothing() {
        Person p = person("Sane");
        CaseView k = openCase(p);
        int history = cases.history(k.id()).size();
        GdprRights privacy = privacy(family);
        assertInvalid("field", () -> privacy.rectify(ANS_READER, p.id(), new RectificationInput("national_id", "1", "x")));
        assertInvalid("newValue", () -> privacy.rectify(ANS_READER, p.id(),
                new RectificationInput("dateOfBirth", "gisteren", "x")));
        assertInvalid("newValue", () -> family.rectifyPerson(ANS, p.id(), "dateOfBirth", "2099-01-01", "x"));
        assertThrows(NotFoundException.class, () -> privacy.rectify(ANS_READER, "no-such-person",
                new RectificationInput("givenName", "Sanne", "x")));
        assertEquals("Sane", family.person(p.id()).givenName());
        assertEquals(history, cases.history(k.id()).size());
    }

    /** A rectification whose record cannot be kept leaves the person, the history and the outbox untouched. */
    @Test
    void aRectificationThatFailsPartWayLeavesNothingBehind() {
        Person p = person("Sane");
        CaseView k = openCase(p);
        int history = cases.history(k.id()).size();
        PrivacyStore failing = new JdbcPrivacyStore() {
            @Override
            public void insertRectification(Connection c, StoredRectification r) throws SQLException {
                throw new SQLException("disk full (simulated)");
            }
        };
        TransactionalFamilyService broken = new TransactionalFamilyService(database, new JdbcFamilyStore(), nationalIds,
                municipalityStore, new JdbcCaseStore(), failing, clock);
        assertThrows(DatabaseFailure.class, () -> broken.rectifyPerson(ANS, p.id(), "givenName", "Sanne", "typefout"));
        assertEquals("Sane", family.person(p.id()).givenName());
        assertEquals(history, cases.history(k.id()).size());
    }

    /**
     * A case opened for the person while the rectification runs: the opening holds the person's row (its
     * summary refresh locks the members) when the rectification has locked the person's other cases and
     * waits for the person. Once the opening commits, the rectification finds the new case and starts
     * again, so the new case records the rectification and its summary carries the new name (it used to
     * keep the old one, and its local team never heard of the change).
     */
    @Test
    void aCaseOpenedWhileTheRectificationWaitsForThePersonRecordsItToo() throws Exception {
        Person p = person("Sane");
        openCase(p);
        GdprRights privacy = privacy(family);
        HeldDatabase holding = new HeldDatabase(database);
        JdbcFamilyStore familyStore = new JdbcFamilyStore();
        TransactionalCaseService opening = new TransactionalCaseService(holding, familyStore, new JdbcCaseStore(),
                new nl.proeftuin.core.store.internal.JdbcPlanStore(), municipalityStore,
                new nl.proeftuin.core.store.internal.JdbcOutcomeStore(),
                new nl.proeftuin.core.store.internal.JdbcBindingStore(),
                new nl.proeftuin.core.store.internal.JdbcCohortStore(),
                new nl.proeftuin.core.store.internal.JdbcLivingStore(), clock);
        String municipality = unique("Arnhem");
        registered(municipality);
        CompletableFuture<CaseView> second = CompletableFuture.supplyAsync(() ->
                opening.open(ANS, signal(municipality, p), "andere gemeente, eigen aanpak"));
        holding.awaitWorkDone();
        CompletableFuture<Rectification> rectified = CompletableFuture.supplyAsync(() ->
                privacy.rectify(ANS_READER, p.id(), new RectificationInput("givenName", "Sanne", "typefout")));
        boolean waits = holding.releaseOnceAnotherWaits(rectified);
        CaseView k = second.get(30, TimeUnit.SECONDS);
        rectified.get(30, TimeUnit.SECONDS);
        assertTrue(waits, "the rectification waited for the opening's lock on the person");

        assertEquals(1, cases.history(k.id()).stream().filter(e -> e.type().equals("PERSON_RECTIFIED")).count(),
                "the case opened meanwhile records the rectification");
        assertEquals(1, database.read(c -> new JdbcLocalTeamStore().list(c, null, k.id(), 100)).stream()
                .filter(o -> o.type().equals("PERSON_RECTIFIED")).count(), "and its local team hears it");
    }
}
