package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.privacy.ErasureDecisionInput;
import nl.proeftuin.core.audit.privacy.ErasureRequest;
import nl.proeftuin.core.audit.privacy.ErasureStatus;
import nl.proeftuin.core.audit.privacy.LegalHold;
import nl.proeftuin.core.audit.privacy.LegalHoldInput;
import nl.proeftuin.core.audit.privacy.PrivacyService;
import nl.proeftuin.core.audit.privacy.Reader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GDPR administration's routes whose path names no case or person (erasure decisions, legal holds)
 * over HTTP: an administrator or auditor limited to Ede decides, places, lifts and lists only on a person
 * or case within Ede; an Arnhem request, hold or subject is 403 {@code other_municipality}, logged DENIED,
 * with nothing changed. The privacy service is an in-memory double: its own rules are core/audit's tests'.
 */
class MunicipalityScopePrivacyRoutesTest {
    private InMemoryCore core;
    private TestSecurity security;
    private ApiDispatcher api;
    private final Map<String, ErasureRequest> requests = new LinkedHashMap<>();
    private final Map<String, LegalHold> holds = new LinkedHashMap<>();
    /** Every change the service was asked to make, in order. */
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        core = new InMemoryCore();
        security = TestSecurity.over(core);
        PrivacyService privacy = (PrivacyService) java.lang.reflect.Proxy.newProxyInstance(
                PrivacyService.class.getClassLoader(), new Class<?>[] {PrivacyService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "erasureRequest" -> Optional.ofNullable(requests.get((String) args[0]));
                    case "hold" -> Optional.ofNullable(holds.get((String) args[0]));
                    case "approveErasure", "rejectErasure" -> decide((Reader) args[0], (String) args[1],
                            m.getName().startsWith("approve") ? ErasureStatus.ERASED : ErasureStatus.REJECTED);
                    case "placeHold" -> place((Reader) args[0], (LegalHoldInput) args[1]);
                    case "liftHold" -> lift((Reader) args[0], (String) args[1], (ErasureDecisionInput) args[2]);
                    case "holds" -> holds.values().stream().filter(h -> h.subjectId().equals(args[0])).toList();
                    default -> throw new UnsupportedOperationException("privacy." + m.getName());
                });
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null, security.services().with(PrivacyService.class, () -> privacy));
    }

    private ErasureRequest decide(Reader decider, String id, ErasureStatus status) {
        ErasureRequest r = requests.get(id);
        if (r == null) {
            throw new NotFoundException("erasure request " + id);
        }
        changes.add(status + " " + id + " by " + decider.userId());
        ErasureRequest decided = new ErasureRequest(r.id(), r.personId(), status, r.reason(), r.requestedAt(),
                r.requestedBy(), Instant.now(), decider.userId(), status.name().toLowerCase(Locale.ROOT));
        requests.put(id, decided);
        return decided;
    }

    private LegalHold place(Reader writer, LegalHoldInput input) {
        String type = input.subjectType().toUpperCase(Locale.ROOT);
        boolean exists = type.equals("PERSON") ? core.family.persons.containsKey(input.subjectId())
                : core.cases.views.containsKey(input.subjectId());
        if (!exists) {
            throw new NotFoundException(type.toLowerCase(Locale.ROOT) + " " + input.subjectId());
        }
        changes.add("placed on " + input.subjectId() + " by " + writer.userId());
        return hold(type, input.subjectId(), writer.userId());
    }

    private LegalHold hold(String type, String subjectId, String by) {
        LegalHold hold = new LegalHold(UUID.randomUUID().toString(), type, subjectId, "rechtszaak", Instant.now(), by,
                null, null);
        holds.put(hold.id(), hold);
        return hold;
    }

    private LegalHold lift(Reader writer, String id, ErasureDecisionInput input) {
        LegalHold h = holds.get(id);
        if (h == null) {
            throw new NotFoundException("legal hold " + id);
        }
        changes.add("lifted " + id + " by " + writer.userId());
        LegalHold lifted = new LegalHold(h.id(), h.subjectType(), h.subjectId(), h.reason(), h.placedAt(), h.placedBy(),
                Instant.now(), writer.userId());
        holds.put(id, lifted);
        return lifted;
    }

    private String request(String personId) {
        ErasureRequest r = new ErasureRequest(UUID.randomUUID().toString(), personId, ErasureStatus.REQUESTED,
                "wil vergeten worden", Instant.now(), "anna.local", null, null, null);
        requests.put(r.id(), r);
        return r.id();
    }

    private static JsonNode problem(Http http, int status) {
        assertEquals(status, http.status, http.method + " " + http.target + ": " + http.text());
        assertEquals("application/problem+json", http.mediaType());
        return http.body();
    }

    private String person() {
        Http p = Http.post("/persons", "{\"givenName\":\"Noor\",\"familyName\":\"Bakker\",\"dateOfBirth\":\"2014-09-12\"}")
                .on(api);
        assertEquals(201, p.status, p.text());
        return p.body().path("id").asText();
    }

    /** A case of the municipality holding the person, opened by Anna (all municipalities). */
    private String caseIn(String municipality, String personId) {
        Http kase = Http.post("/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"2026-01-02","municipality":"%s",
                 "members":[{"personId":"%s","roles":["CHILD"]}]}""".formatted(municipality, personId)).on(api);
        assertEquals(201, kase.status, kase.text());
        return kase.body().path("id").asText();
    }

    /** A refusal on the scope: 403 other_municipality naming the field, logged DENIED for the user. */
    private void refused(Http http, String user, String field) {
        JsonNode problem = problem(http.as(user).on(api), 403);
        assertEquals("other_municipality", problem.path("reason").asText(), http.target + ": " + problem);
        assertEquals(field, problem.path("field").asText(), http.target);
        AccessEvent logged = security.log.last();
        assertEquals(AccessEvent.DENIED, logged.outcome(), http.target);
        assertEquals(user, logged.userId());
    }

    @Test
    void anAdministratorOfEdeDecidesNoErasureOfAPersonOutsideEde() {
        String arnhem = person();
        caseIn("Arnhem", arnhem);
        String both = person(); // in a case of Ede and one of Arnhem: not all of their cases lie within Ede
        caseIn("Ede", both);
        caseIn("Arnhem", both);
        String nowhere = person(); // in no case: only for users with all municipalities
        String ede = person();
        caseIn("Ede", ede);
        String ok = "{\"note\":\"akkoord\"}";
        for (String personId : List.of(arnhem, both, nowhere)) {
            String id = request(personId);
            refused(Http.post("/erasure-requests/" + id + "/approve", ok), "edda.admin", "requestId");
            assertTrue(security.log.events.stream().anyMatch(e -> AccessEvent.DENIED.equals(e.outcome())
                    && e.personIds().contains(personId)), "the refusal names the person");
            refused(Http.post("/erasure-requests/" + id + "/reject", ok), "edda.admin", "requestId");
            assertEquals(ErasureStatus.REQUESTED, requests.get(id).status(), "nothing decided");
        }
        assertTrue(changes.isEmpty(), changes.toString());

        // within Ede she decides; the region's administrator decides anywhere; an unknown request stays 404
        String own = request(ede);
        assertEquals(200, Http.post("/erasure-requests/" + own + "/approve", ok).as("edda.admin").on(api).status);
        assertEquals(ErasureStatus.ERASED, requests.get(own).status());
        String ownToo = request(ede);
        assertEquals(200, Http.post("/erasure-requests/" + ownToo + "/reject", ok).as("edda.admin").on(api).status);
        String theirs = request(arnhem);
        assertEquals(200, Http.post("/erasure-requests/" + theirs + "/approve", ok).as("rik.admin").on(api).status);
        problem(Http.post("/erasure-requests/nope/approve", ok).as("edda.admin").on(api), 404);
        problem(Http.post("/erasure-requests/nope/reject", ok).as("edda.admin").on(api), 404);
    }

    @Test
    void anAdministratorOfEdePlacesAndLiftsNoHoldOutsideEde() {
        String arnhem = person();
        String arnhemCase = caseIn("Arnhem", arnhem);
        String nowhere = person();
        String ede = person();
        String edeCase = caseIn("Ede", ede);
        String place = "{\"subjectType\":\"%s\",\"subjectId\":\"%s\",\"reason\":\"rechtszaak\"}";
        refused(Http.post("/legal-holds", place.formatted("person", arnhem)), "edda.admin", "subjectId");
        refused(Http.post("/legal-holds", place.formatted("CASE", arnhemCase)), "edda.admin", "subjectId");
        assertEquals(arnhemCase, security.log.last().caseId(), "the refusal names the case");
        refused(Http.post("/legal-holds", place.formatted("person", nowhere)), "edda.admin", "subjectId");
        LegalHold onPerson = hold("PERSON", arnhem, "rik.admin");
        LegalHold onCase = hold("CASE", arnhemCase, "rik.admin");
        for (LegalHold h : List.of(onPerson, onCase)) {
            refused(Http.post("/legal-holds/" + h.id() + "/lift", "{\"note\":\"afgehandeld\"}"), "edda.admin", "holdId");
            assertNull(holds.get(h.id()).liftedAt(), "not lifted");
        }
        assertTrue(changes.isEmpty(), changes.toString());
        assertEquals(2, holds.size(), "no hold placed");

        // within Ede she places and lifts; an unknown subject or hold stays 404; the region's administrator lifts anywhere
        Http placed = Http.post("/legal-holds", place.formatted("person", ede)).as("edda.admin").on(api);
        assertEquals(201, placed.status, placed.text());
        assertEquals(201, Http.post("/legal-holds", place.formatted("case", edeCase)).as("edda.admin").on(api).status);
        assertEquals(200, Http.post("/legal-holds/" + placed.body().path("id").asText() + "/lift",
                "{\"note\":\"afgehandeld\"}").as("edda.admin").on(api).status);
        problem(Http.post("/legal-holds", place.formatted("person", "nobody")).as("edda.admin").on(api), 404);
        problem(Http.post("/legal-holds/nope/lift", "{\"note\":\"x\"}").as("edda.admin").on(api), 404);
        assertEquals(200, Http.post("/legal-holds/" + onCase.id() + "/lift", "{\"note\":\"afgehandeld\"}")
                .as("rik.admin").on(api).status);
    }

    @Test
    void aReviewerOfEdeListsNoHoldsOfAnArnhemPersonOrCase() {
        String arnhem = person();
        String arnhemCase = caseIn("Arnhem", arnhem);
        String ede = person();
        String edeCase = caseIn("Ede", ede);
        for (String subject : List.of(arnhem, arnhemCase, ede, edeCase)) {
            hold(subject.equals(arnhem) || subject.equals(ede) ? "PERSON" : "CASE", subject, "rik.admin");
        }
        for (String user : List.of("edda.admin", "evert.audit")) {
            refused(Http.get("/legal-holds?subjectId=" + arnhem), user, "subjectId");
            refused(Http.get("/legal-holds?subjectId=" + arnhemCase), user, "subjectId");
            // holds outlive their subject: those of an id that names nothing are for users with all municipalities
            refused(Http.get("/legal-holds?subjectId=gone"), user, "subjectId");
            for (String own : List.of(ede, edeCase)) {
                Http list = Http.get("/legal-holds?subjectId=" + own).as(user).on(api);
                assertEquals(200, list.status, list.text());
                assertEquals(1, list.body().size(), user);
            }
        }
        for (String user : List.of("rik.admin", "audrey.audit")) {
            assertEquals(1, Http.get("/legal-holds?subjectId=" + arnhem).as(user).on(api).body().size(), user);
            assertEquals(0, Http.get("/legal-holds?subjectId=gone").as(user).on(api).body().size(), user);
        }
    }
}
