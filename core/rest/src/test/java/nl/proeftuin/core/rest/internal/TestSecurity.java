package nl.proeftuin.core.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.security.AuthenticationException;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.CaseAccess;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.Session;

/**
 * Hand-written security doubles for the REST tests: fixed users with a bearer token each
 * ({@link Http} sends {@link #token(String)} of Anna by default), a need-to-know table with the
 * platform's rules (assigned, or the opener of a case without a team; municipality scope), and an
 * access log that records every event so a test can see the decision was logged.
 */
final class TestSecurity {
    static final String PASSWORD = "a long enough test passphrase";

    /** A professional in every municipality; opens the test cases, so assigned to them until a team exists. */
    static final Principal ANNA = new Principal("anna.local", "Anna de Vries", Set.of(Role.PROFESSIONAL), Set.of("*"),
            "Wijkteam Arnhem");
    /** A professional in every municipality, assigned to nothing until a test assigns her. */
    static final Principal FATIMA = new Principal("fatima.local", "Fatima El Amrani \u00e9", Set.of(Role.PROFESSIONAL),
            Set.of("*"), "Veilig Thuis");
    /** A professional scoped to Nijmegen. */
    static final Principal NINA = new Principal("nina.nijmegen", "Nina Nijmegen", Set.of(Role.PROFESSIONAL),
            Set.of("Nijmegen"), "Wijkteam Nijmegen");
    static final Principal CARLA = new Principal("carla.coord", "Carla Coordinator", Set.of(Role.COORDINATOR), Set.of("*"),
            "Regio");
    static final Principal AUDREY = new Principal("audrey.audit", "Audrey Auditor", Set.of(Role.AUDITOR), Set.of("*"),
            "Regio");
    static final Principal RIK = new Principal("rik.admin", "Rik Admin", Set.of(Role.REGIONAL_ADMINISTRATOR), Set.of("*"),
            "Regio");
    /** A professional of Arnhem only. */
    static final Principal ARNO = new Principal("arno.arnhem", "Arno Arnhem", Set.of(Role.PROFESSIONAL), Set.of("Arnhem"),
            "Wijkteam Arnhem");
    /** A regional administrator (privacy officer) limited to Ede. */
    static final Principal EDDA = new Principal("edda.admin", "Edda Ede", Set.of(Role.REGIONAL_ADMINISTRATOR),
            Set.of("Ede"), "Gemeente Ede");
    /** An auditor limited to Ede. */
    static final Principal EVERT = new Principal("evert.audit", "Evert Ede", Set.of(Role.AUDITOR), Set.of("Ede"),
            "Gemeente Ede");
    /** A professional nobody gave a municipality: sees none. */
    static final Principal OLGA = new Principal("olga.none", "Olga Nergens", Set.of(Role.PROFESSIONAL), Set.of(),
            "Wijkteam");
    /** A coordinator of Arnhem only. */
    static final Principal CORA = new Principal("cora.arnhem", "Cora Arnhem", Set.of(Role.COORDINATOR), Set.of("Arnhem"),
            "Gemeente Arnhem");
    // --- living: the joint triage's assessors and an independent reviewer, invited to cases
    /** The safety director of Arnhem. */
    static final Principal SARA = new Principal("sara.safety", "Sara Veiligheid", Set.of(Role.SAFETY_DIRECTOR),
            Set.of("Arnhem"), "Gemeente Arnhem");
    /** The Veiligheidshuis process director. */
    static final Principal PIM = new Principal("pim.process", "Pim Proces", Set.of(Role.PROCESS_DIRECTOR), Set.of("*"),
            "Zorg- en Veiligheidshuis");
    /** One person holding both director roles (a small municipality). */
    static final Principal BOTH = new Principal("bo.both", "Bo Beide", Set.of(Role.SAFETY_DIRECTOR, Role.PROCESS_DIRECTOR),
            Set.of("*"), "Gemeente Duiven");
    static final List<Principal> USERS = List.of(ANNA, FATIMA, NINA, CARLA, AUDREY, RIK, ARNO, EDDA, EVERT, OLGA, CORA,
            SARA, PIM, BOTH);

    final Tokens authenticator = new Tokens();
    final RecordingLog log = new RecordingLog();
    final Table needToKnow;

    /** @param cases what the need-to-know table knows of a case, by id */
    TestSecurity(Function<String, Optional<CaseFacts>> cases, Function<String, Optional<PersonFacts>> persons) {
        this.needToKnow = new Table(cases, persons);
    }

    /** Need to know over a small in-memory core's cases and persons. */
    static TestSecurity over(InMemoryCore core) {
        return new TestSecurity(id -> Optional.ofNullable(core.cases.views.get(id)).map(CaseFacts::of),
                id -> Optional.ofNullable(core.family.persons.get(id)).map(p -> PersonFacts.of(p, core)));
    }

    /** The token {@link Http#as(String)} sends for a user of {@link #USERS}. */
    static String token(String userId) {
        return "test-token-" + userId;
    }

    /** The services the guard needs, plus any further ones. */
    Services services() {
        return new Services().with(Authenticator.class, () -> authenticator).with(NeedToKnow.class, () -> needToKnow)
                .with(AccessLog.class, () -> log);
    }

    /** A case as need to know sees it. */
    record CaseFacts(String municipality, String openedBy, Set<String> team, Set<String> memberIds) {
        static CaseFacts of(CaseView view) {
            Set<String> team = new HashSet<>();
            for (Assignment a : view.team()) {
                if (a.until() == null) {
                    team.add(a.professionalId());
                }
            }
            Set<String> members = new HashSet<>();
            for (CaseMember m : view.members()) {
                members.add(m.person().id());
            }
            return new CaseFacts(view.municipality(), view.openedBy(), team, members);
        }
    }

    /** A person as need to know sees it: who recorded them and the cases they are in. */
    record PersonFacts(String createdBy, List<String> caseIds) {
        static PersonFacts of(Person person, InMemoryCore core) {
            return new PersonFacts(person.createdBy(), core.cases.views.values().stream()
                    .filter(v -> v.members().stream().anyMatch(m -> m.person().id().equals(person.id())))
                    .map(CaseView::id).toList());
        }
    }

    /** The platform's need-to-know rules (as JdbcNeedToKnow decides them) over in-memory facts. */
    static final class Table implements NeedToKnow {
        private final Function<String, Optional<CaseFacts>> cases;
        private final Function<String, Optional<PersonFacts>> persons;
        final Map<String, Set<String>> breakGlass = new HashMap<>();
        /** living: the cases each user is invited to (a pending assessment, an open review request). */
        final Map<String, Set<String>> invitations = new HashMap<>();
        /** Households (the in-memory core keeps none) by id, with who recorded them. */
        final Map<String, String> householdCreators = new HashMap<>();

        Table(Function<String, Optional<CaseFacts>> cases, Function<String, Optional<PersonFacts>> persons) {
            this.cases = cases;
            this.persons = persons;
        }

        @Override
        public CaseAccess toCase(Principal principal, String caseId) {
            Optional<CaseFacts> found = cases.apply(caseId);
            if (found.isEmpty()) {
                return CaseAccess.NOT_FOUND;
            }
            CaseFacts kase = found.get();
            if (!principal.covers(kase.municipality())) {
                return CaseAccess.OTHER_MUNICIPALITY;
            }
            if (!principal.has(Role.PROFESSIONAL)) {
                return CaseAccess.NOT_ASSIGNED;
            }
            if (kase.team().contains(principal.userId())
                    || kase.team().isEmpty() && principal.userId().equals(kase.openedBy())) {
                return CaseAccess.ASSIGNED;
            }
            return breakGlass.getOrDefault(principal.userId(), Set.of()).contains(caseId) ? CaseAccess.BREAK_GLASS
                    : CaseAccess.NOT_ASSIGNED;
        }

        @Override
        public CaseAccess toPerson(Principal principal, String personId) {
            Optional<PersonFacts> person = persons.apply(personId);
            if (person.isEmpty()) {
                return CaseAccess.NOT_FOUND;
            }
            if (person.get().caseIds().isEmpty()) {
                return principal.has(Role.PROFESSIONAL) && principal.userId().equals(person.get().createdBy())
                        ? CaseAccess.ASSIGNED : CaseAccess.NOT_ASSIGNED;
            }
            CaseAccess best = CaseAccess.NOT_FOUND;
            for (String caseId : person.get().caseIds()) {
                CaseAccess access = toCase(principal, caseId);
                if (access.ordinal() < best.ordinal()) {
                    best = access; // the enum lists the more permissive decisions first
                }
            }
            return best;
        }

        @Override
        public CaseAccess withinScope(Principal principal, String objectType, String objectId) {
            switch (objectType) {
                case "case": {
                    Optional<CaseFacts> kase = cases.apply(objectId);
                    return kase.isEmpty() ? CaseAccess.NOT_FOUND
                            : principal.covers(kase.get().municipality()) ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY;
                }
                case "person": {
                    Optional<PersonFacts> person = persons.apply(objectId);
                    if (person.isEmpty()) {
                        return CaseAccess.NOT_FOUND;
                    }
                    boolean within = person.get().caseIds().isEmpty() ? principal.allMunicipalities()
                            : person.get().caseIds().stream().allMatch(id -> cases.apply(id)
                                    .map(k -> principal.covers(k.municipality())).orElse(true));
                    return within ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY;
                }
                default:
                    return householdCreators.containsKey(objectId)
                            ? principal.allMunicipalities() ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY
                            : CaseAccess.NOT_FOUND;
            }
        }

        @Override
        public CaseAccess invited(Principal principal, String caseId) {
            return cases.apply(caseId).isEmpty() ? CaseAccess.NOT_FOUND
                    : invitations.getOrDefault(principal.userId(), Set.of()).contains(caseId) ? CaseAccess.INVITED
                    : CaseAccess.NOT_ASSIGNED;
        }

        @Override
        public CaseAccess toHousehold(Principal principal, String householdId) {
            String creator = householdCreators.get(householdId);
            if (creator == null) {
                return CaseAccess.NOT_FOUND;
            }
            return principal.has(Role.PROFESSIONAL) && principal.userId().equals(creator) ? CaseAccess.ASSIGNED
                    : CaseAccess.NOT_ASSIGNED;
        }
    }

    /** Bearer tokens of the test users; logins with {@link #PASSWORD} open new sessions. */
    static final class Tokens implements Authenticator {
        private final Map<String, Principal> sessions = new HashMap<>();
        private final Set<String> expired = new HashSet<>();

        Tokens() {
            USERS.forEach(u -> sessions.put(token(u.userId()), u));
        }

        /** Lets the session of this token pass its idle timeout. */
        void expire(String token) {
            expired.add(token);
        }

        @Override
        public synchronized Session login(String username, char[] password, String clientAddress) {
            Optional<Principal> user = USERS.stream().filter(u -> u.userId().equals(username)).findFirst();
            boolean right = PASSWORD.equals(new String(password));
            java.util.Arrays.fill(password, '\0');
            if (user.isEmpty() || !right) {
                throw new AuthenticationException(AuthenticationException.Reason.INVALID_CREDENTIALS,
                        "Unknown user or wrong password", null);
            }
            String token = UUID.randomUUID().toString();
            sessions.put(token, user.get());
            return new Session(token, Instant.now().plus(Duration.ofHours(8)), Duration.ofMinutes(30), user.get());
        }

        @Override
        public synchronized Principal authenticate(String token) {
            if (expired.contains(token)) {
                throw new AuthenticationException(AuthenticationException.Reason.EXPIRED, "The session has expired", null);
            }
            Principal principal = sessions.get(token);
            if (principal == null) {
                throw new AuthenticationException(AuthenticationException.Reason.INVALID_TOKEN, "Unknown token", null);
            }
            return principal;
        }

        @Override
        public synchronized void logout(String token) {
            sessions.remove(token);
        }
    }

    /** Keeps every event in order; the chain itself is the audit module's (and its tests'). */
    static final class RecordingLog implements AccessLog {
        final List<AccessEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public AccessLogEntry append(AccessEvent e) {
            events.add(e);
            return new AccessLogEntry(UUID.randomUUID().toString(), events.size(), Instant.now(), "test", e.action(),
                    e.outcome(), e.userId(), e.userName(), e.role(), e.organisation(), e.onBehalfOf(), e.purpose(),
                    e.personIds(), e.caseId(), e.objectType(), e.objectId(), e.requestId(), e.detail(), e.restricted(),
                    null, null);
        }

        @Override
        public List<AccessLogEntry> query(AccessLogQuery query) {
            throw new UnsupportedOperationException("the REST unit tests read events directly");
        }

        @Override
        public List<AccessLogEntry> forPerson(String personId, Instant from, Instant to, int limit) {
            throw new UnsupportedOperationException("the REST unit tests read events directly");
        }

        @Override
        public List<AccessLogEntry> allForPerson(String personId) {
            throw new UnsupportedOperationException("the REST unit tests read events directly");
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException("the REST unit tests read events directly");
        }

        /** The last event. */
        AccessEvent last() {
            return events.get(events.size() - 1);
        }

        List<AccessEvent> outcomes(String outcome) {
            List<AccessEvent> list = new ArrayList<>();
            events.stream().filter(e -> outcome.equals(e.outcome())).forEach(list::add);
            return list;
        }
    }
}
