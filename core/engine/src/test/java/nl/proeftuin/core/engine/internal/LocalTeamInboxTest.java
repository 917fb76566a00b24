package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.internal.HashChainedAccessLog;
import nl.proeftuin.core.spi.InboxUnavailableException;
import nl.proeftuin.core.spi.InboundPerson;
import nl.proeftuin.core.spi.InboundRequest;
import nl.proeftuin.core.spi.InboundResult;
import nl.proeftuin.core.store.internal.JdbcCaseStore;
import nl.proeftuin.core.store.internal.JdbcFamilyStore;
import nl.proeftuin.core.store.internal.JdbcLocalTeamStore;
import nl.proeftuin.core.store.internal.JdbcPlanStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Requests from a local team: one case with its persons per key, all or nothing, known persons reused. */
class LocalTeamInboxTest {

    /** A random valid BSN (nine digits passing the eleven test). */
    static String randomBsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int[] d = new int[8];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = random.nextInt(10);
                sum += (9 - i) * d[i];
            }
            int last = sum % 11;
            if (last <= 9 && sum - last != 0) {
                return Arrays.stream(d).mapToObj(Integer::toString).collect(Collectors.joining()) + last;
            }
        }
    }

    abstract static class Contract extends EngineTestBase {

        static final String PLUGIN = "localteam-rest";

        InboundLocalTeamRequests inbox;
        HashChainedAccessLog accessLog;

        @BeforeEach
        void inbox() {
            inbox = new InboundLocalTeamRequests(new Domain(database, new JdbcFamilyStore(), new JdbcCaseStore(),
                    new JdbcPlanStore(), clock), new JdbcLocalTeamStore(), nationalIds);
            accessLog = new HashChainedAccessLog(database, new nl.proeftuin.core.store.internal.JdbcAccessLogStore(), clock, "test-node");
            inbox.accessLog = accessLog;
        }

        List<AccessLogEntry> logOf(String userId, String caseId) {
            return accessLog.query(new AccessLogQuery(null, null, userId, null, caseId, null, null, null, 1000));
        }

        @Test
        void everyInboundRequestIsInTheAccessLogWithTheSenderTheCaseAndItsPersons() throws Exception {
            String municipality = unique("Arnhem");
            String key = unique("req");
            InboundRequest request = request(key, municipality, mother(randomBsn()), child());

            InboundResult r = inbox.receive(PLUGIN, request);

            List<AccessLogEntry> entries = logOf(null, r.caseId());
            assertEquals(1, entries.size(), entries.toString());
            AccessLogEntry created = entries.get(0);
            assertEquals(AccessAction.CREATE, created.action());
            assertEquals(AccessEvent.SUCCESS, created.outcome());
            assertEquals("system:" + PLUGIN, created.userId());
            assertEquals("local team " + municipality, created.onBehalfOf(), "the bearer's identity");
            assertEquals("case", created.objectType());
            assertEquals(r.caseId(), created.objectId());
            assertEquals(key, created.requestId());
            Set<String> members = cases.get(r.caseId()).members().stream().map(m -> m.person().id())
                    .collect(Collectors.toSet());
            assertEquals(members, Set.copyOf(created.personIds()), "the persons concerned");

            inbox.receive(PLUGIN, request);
            entries = logOf(null, r.caseId());
            assertEquals(2, entries.size(), "the repeated key is logged too: " + entries);
            assertEquals(AccessAction.READ, entries.get(1).action());
            assertEquals(members, Set.copyOf(entries.get(1).personIds()));

            // refused by the core (a bad field) and refused by the connector (a wrong token): logged as well
            String refusedKey = unique("bad");
            assertInvalid("persons", () -> inbox.receive(PLUGIN, request(refusedKey, municipality)));
            List<AccessLogEntry> mine = logOf("system:" + PLUGIN, null).stream()
                    .filter(e -> ("local team " + municipality).equals(e.onBehalfOf())).toList();
            assertEquals(3, mine.size(), mine.toString());
            assertEquals(AccessEvent.FAILURE, mine.get(2).outcome());
            assertEquals(refusedKey, mine.get(2).requestId());
            assertTrue(mine.get(2).detail().contains("persons"), mine.get(2).detail());

            inbox.refused(PLUGIN, municipality, 401, "the bearer token is not valid");
            mine = logOf("system:" + PLUGIN, null).stream()
                    .filter(e -> ("local team " + municipality).equals(e.onBehalfOf())).toList();
            assertEquals(4, mine.size(), mine.toString());
            assertEquals(AccessEvent.DENIED, mine.get(3).outcome());
            assertTrue(mine.get(3).detail().contains("401"), mine.get(3).detail());
        }

        @Test
        void withoutTheAccessLogNoRequestIsTakenNoLogNoAnswer() throws Exception {
            List<Long> before = counts();
            inbox.accessLog = null;

            assertThrows(InboxUnavailableException.class, () -> inbox.receive(PLUGIN,
                    request(unique("req"), unique("Arnhem"), mother(randomBsn()), child())));
            assertThrows(InboxUnavailableException.class, () -> inbox.refused(PLUGIN, "Arnhem", 401, "wrong token"));

            assertEquals(before, counts(), "no case, person or request without its access-log entry");
        }

        static InboundPerson mother(String bsn) {
            return new InboundPerson(" Fatima ", "El Amrani", LocalDate.of(1988, 2, 14), bsn,
                    Set.of(FamilyRole.PARENT, FamilyRole.VICTIM));
        }

        static InboundPerson child() {
            return new InboundPerson("Yasmin", "El Amrani", LocalDate.of(2017, 9, 1), null,
                    Set.of(FamilyRole.CHILD, FamilyRole.WITNESS));
        }

        static InboundRequest request(String key, String municipality, InboundPerson... persons) {
            return new InboundRequest(key, municipality, "LT-2027-0042",
                    "Moeder vraagt hulp: partnergeweld, kind was erbij", TODAY.minusDays(1), List.of(persons));
        }

        long count(String table) throws Exception {
            return database.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }

        /** Persons, cases, members, inbound requests and outbox rows: what a request may write. */
        List<Long> counts() throws Exception {
            List<Long> out = new ArrayList<>();
            for (String t : List.of("person", "family_case", "case_event", "local_team_inbound", "local_team_outbox")) {
                out.add(count(t));
            }
            return out;
        }

        @Test
        void aValidRequestOpensOneCaseWithItsPersonsAndTheSameKeyAgainOpensNone() throws Exception {
            String municipality = registered(unique("Apeldoorn"));
            String key = unique("req");
            List<Long> before = counts();
            InboundRequest request = request(key, municipality, mother(randomBsn()), child());

            InboundResult r = inbox.receive(PLUGIN, request);

            assertFalse(r.duplicate());
            CaseView k = cases.get(r.caseId());
            assertEquals(municipality, k.municipality());
            assertEquals(CaseStatus.OPEN, k.status());
            assertEquals(SignalKind.REQUEST_FOR_HELP, k.signal().kind());
            assertEquals(SignalSource.LOCAL_TEAM, k.signal().source());
            assertEquals("Moeder vraagt hulp: partnergeweld, kind was erbij", k.signal().description());
            assertEquals(TODAY.minusDays(1), k.signal().receivedOn());
            assertEquals(Phase.ACUTE_SAFETY, k.phase());
            assertEquals(Framework.VOLUNTARY, k.framework());
            assertEquals("system:" + PLUGIN, k.openedBy());
            Map<String, CaseMember> byName = k.members().stream()
                    .collect(Collectors.toMap(m -> m.person().givenName(), Function.identity()));
            assertEquals(Set.of("Fatima", "Yasmin"), byName.keySet(), "names are stored stripped");
            assertEquals(Set.of(FamilyRole.PARENT, FamilyRole.VICTIM), byName.get("Fatima").roles());
            assertEquals(Set.of(FamilyRole.CHILD, FamilyRole.WITNESS), byName.get("Yasmin").roles());
            assertNotNull(byName.get("Fatima").person().nationalIdMasked(), "the BSN is recorded (masked when shown)");
            assertNull(byName.get("Yasmin").person().nationalIdMasked());
            assertEquals(LocalDate.of(2017, 9, 1), byName.get("Yasmin").person().dateOfBirth());
            List<CaseEvent> history = cases.history(k.id());
            assertEquals(List.of("CASE_OPENED"), history.stream().map(CaseEvent::type).toList());
            assertEquals("system:" + PLUGIN, history.get(0).by());
            assertTrue(history.get(0).detail().contains("LT-2027-0042"), history.get(0).detail());
            List<Long> after = counts();
            assertEquals(List.of(before.get(0) + 2, before.get(1) + 1, before.get(2) + 1, before.get(3) + 1,
                    before.get(4) + 1), after, "two persons, one case, one event, one request, one outbox row");

            InboundResult again = inbox.receive(PLUGIN, request);
            assertEquals(new InboundResult(k.id(), true), again);
            assertEquals(after, counts(), "the same request again records nothing");
            assertEquals(k, cases.get(k.id()));

            // the key is the sender's within its municipality: another municipality's same key is another request
            InboundResult elsewhere = inbox.receive(PLUGIN, request(key, registered(unique("Epe")), child()));
            assertFalse(elsewhere.duplicate());
            assertFalse(elsewhere.caseId().equals(k.id()));
        }

        @Test
        void anInvalidRequestNamesTheFieldAndStoresNothing() throws Exception {
            String m = registered(unique("Apeldoorn"));
            List<Long> before = counts();
            InboundPerson ok = mother(null);

            assertInvalid("persons[1].nationalId", () -> inbox.receive(PLUGIN, request(unique("k"), m, ok,
                    new InboundPerson("Yasmin", "El Amrani", LocalDate.of(2017, 9, 1), "123456789",
                            Set.of(FamilyRole.CHILD)))));
            assertInvalid("persons[1].nationalId", () -> inbox.receive(PLUGIN, request(unique("k"), m, ok,
                    new InboundPerson("Yasmin", "El Amrani", LocalDate.of(2017, 9, 1), "12345", Set.of(FamilyRole.CHILD)))));
            assertInvalid("persons[1].dateOfBirth", () -> inbox.receive(PLUGIN, request(unique("k"), m, ok,
                    new InboundPerson("Yasmin", "El Amrani", TODAY.plusDays(1), null, Set.of(FamilyRole.CHILD)))));
            assertInvalid("persons[1].dateOfBirth", () -> inbox.receive(PLUGIN, request(unique("k"), m, ok,
                    new InboundPerson("Yasmin", "El Amrani", LocalDate.of(1890, 1, 1), null, Set.of(FamilyRole.CHILD)))));
            assertInvalid("persons[1].dateOfBirth", () -> inbox.receive(PLUGIN, request(unique("k"), m, ok,
                    new InboundPerson("Yasmin", "El Amrani", null, null, Set.of(FamilyRole.CHILD)))));
            assertInvalid("persons[0].roles", () -> inbox.receive(PLUGIN, request(unique("k"), m,
                    new InboundPerson("Fatima", "El Amrani", LocalDate.of(1988, 2, 14), null, Set.of()), child())));
            assertInvalid("persons[0].roles", () -> inbox.receive(PLUGIN, request(unique("k"), m,
                    new InboundPerson("Fatima", "El Amrani", LocalDate.of(1988, 2, 14), null, null), child())));
            assertInvalid("persons[1].givenName", () -> inbox.receive(PLUGIN, request(unique("k"), m, ok,
                    new InboundPerson(" ", "El Amrani", LocalDate.of(2017, 9, 1), null, Set.of(FamilyRole.CHILD)))));
            String bsn = randomBsn();
            assertInvalid("persons[1].nationalId", () -> inbox.receive(PLUGIN, request(unique("k"), m, mother(bsn),
                    new InboundPerson("Fatima", "El Amrani", LocalDate.of(1988, 2, 14), bsn, Set.of(FamilyRole.PARENT)))));
            assertInvalid("persons", () -> inbox.receive(PLUGIN, request(unique("k"), m)));
            assertInvalid("persons", () -> inbox.receive(PLUGIN, new InboundRequest(unique("k"), m, null, "hulp",
                    TODAY, null)));
            assertInvalid("description", () -> inbox.receive(PLUGIN, new InboundRequest(unique("k"), m, null, " ",
                    TODAY, List.of(child()))));
            assertInvalid("receivedOn", () -> inbox.receive(PLUGIN, new InboundRequest(unique("k"), m, null, "hulp",
                    TODAY.plusDays(1), List.of(child()))));
            assertInvalid("idempotencyKey", () -> inbox.receive(PLUGIN, request(" ", m, child())));
            assertInvalid("municipality", () -> inbox.receive(PLUGIN, request(unique("k"), null, child())));
            assertInvalid("pluginId", () -> inbox.receive("Local Team", request(unique("k"), m, child())));
            assertInvalid("request", () -> inbox.receive(PLUGIN, null));

            assertEquals(before, counts(), "no person, case, event, request or outbox row of a refused request");
        }

        @Test
        void aPersonWithAKnownBsnIsThatPersonNotASecondRecord() throws Exception {
            String bsn = randomBsn();
            Person known = family.createPerson(ANS, new PersonInput("Fatima", "El Amrani", LocalDate.of(1988, 2, 14),
                    bsn));
            long persons = count("person");

            InboundResult r = inbox.receive(PLUGIN, request(unique("req"), registered(unique("Apeldoorn")), mother(bsn), child()));

            assertEquals(persons + 1, count("person"), "only the child is new");
            CaseMember member = cases.get(r.caseId()).members().stream()
                    .filter(x -> x.roles().contains(FamilyRole.PARENT)).findFirst().orElseThrow();
            assertEquals(known.id(), member.person().id());
            assertEquals(Set.of(FamilyRole.PARENT, FamilyRole.VICTIM), member.roles());

            // a second request naming her again links the same person again
            InboundResult second = inbox.receive(PLUGIN, request(unique("req"), registered(unique("Apeldoorn")), mother(" " + bsn)));
            assertEquals(persons + 1, count("person"));
            assertEquals(known.id(), cases.get(second.caseId()).members().get(0).person().id());
        }

        @Test
        void theSameRequestSentTwiceAtOnceOpensOneCase() throws Exception {
            String municipality = registered(unique("Apeldoorn"));
            InboundRequest request = request(unique("req"), municipality, mother(randomBsn()), child());
            long before = count("family_case");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<InboundResult>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return inbox.receive(PLUGIN, request);
                    }));
                }
                InboundResult a = results.get(0).get(60, TimeUnit.SECONDS);
                InboundResult b = results.get(1).get(60, TimeUnit.SECONDS);
                assertEquals(a.caseId(), b.caseId());
                assertEquals(1, (a.duplicate() ? 1 : 0) + (b.duplicate() ? 1 : 0), a + " / " + b);
                assertEquals(before + 1, count("family_case"));
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * An erasure decided while a local team's request names the person by BSN: the request either puts
         * the person in its case before the erasure looks (which then refuses) or, once the person is erased,
         * records the request's own person. It used to find the person without their lock and make the
         * erased row ("[gewist] [gewist]") a member of a new open case, the erasure saying ERASED.
         */
        @Test
        void anErasureDecidedWhileARequestNamesThePersonNeverLeavesAnErasedMember() throws Exception {
            String bsn = randomBsn();
            Person mother = family.createPerson(ANS, new PersonInput("Fatima", "El Amrani", LocalDate.of(1988, 2, 14), bsn));
            nl.proeftuin.core.audit.privacy.Reader asker = new nl.proeftuin.core.audit.privacy.Reader("ans", "Ans",
                    Set.of("REGIONAL_ADMINISTRATOR"), "Regio");
            nl.proeftuin.core.audit.privacy.Reader decider = new nl.proeftuin.core.audit.privacy.Reader("bert", "Bert",
                    Set.of("REGIONAL_ADMINISTRATOR"), "Regio");
            var request = rights(database).requestErasure(asker, mother.id(),
                    new nl.proeftuin.core.audit.privacy.ErasureRequestInput("niet meer nodig"));
            nl.proeftuin.testing.HeldDatabase held = new nl.proeftuin.testing.HeldDatabase(database);
            java.util.concurrent.CompletableFuture<nl.proeftuin.core.audit.privacy.ErasureRequest> approving =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> rights(held).approveErasure(decider,
                            request.id(), new nl.proeftuin.core.audit.privacy.ErasureDecisionInput("akkoord")));
            held.awaitWorkDone();
            String town = registered(unique("Arnhem"));
            java.util.concurrent.CompletableFuture<InboundResult> receiving = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> inbox.receive(PLUGIN, request(unique("req"), town, mother(bsn))));
            assertTrue(held.releaseOnceAnotherWaits(receiving), "the request waited for the erasure's lock");
            var decided = approving.get(60, TimeUnit.SECONDS);
            CaseView k = cases.get(receiving.get(60, TimeUnit.SECONDS).caseId());
            Person member = k.members().get(0).person();
            assertEquals(nl.proeftuin.core.audit.privacy.ErasureStatus.ERASED, decided.status());
            assertFalse(member.id().equals(mother.id()), "the erased person is no member of the new case");
            assertEquals("Fatima", member.givenName(), "the request's own person");
        }

        private nl.proeftuin.core.audit.privacy.internal.GdprRights rights(nl.proeftuin.core.store.Database db) {
            return new nl.proeftuin.core.audit.privacy.internal.GdprRights(db,
                    new nl.proeftuin.core.store.internal.JdbcPrivacyStore(),
                    new nl.proeftuin.core.store.internal.JdbcRestrictedDataStore(),
                    new nl.proeftuin.core.store.internal.JdbcErasureStore(), family, accessLog, clock,
                    Map.of("case", 20, "person", 20));
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
