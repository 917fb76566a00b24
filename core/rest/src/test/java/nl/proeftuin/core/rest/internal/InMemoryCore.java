package nl.proeftuin.core.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.VersionRequiredException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.AssignmentInput;
import nl.proeftuin.core.api.dto.CaseEvent;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.CaseQuery;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.CaseSummary;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.CloseInput;
import nl.proeftuin.core.api.dto.Condition;
import nl.proeftuin.core.api.dto.Consent;
import nl.proeftuin.core.api.dto.ConsentInput;
import nl.proeftuin.core.api.dto.CourtRequest;
import nl.proeftuin.core.api.dto.CourtRequestInput;
import nl.proeftuin.core.api.dto.EndAssignmentInput;
import nl.proeftuin.core.api.dto.Entry;
import nl.proeftuin.core.api.dto.EntryInput;
import nl.proeftuin.core.api.dto.Evaluation;
import nl.proeftuin.core.api.dto.EvaluationInput;
import nl.proeftuin.core.api.dto.FamilySystem;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.FrameworkChangeInput;
import nl.proeftuin.core.api.dto.Handover;
import nl.proeftuin.core.api.dto.HandoverInput;
import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.HouseholdInput;
import nl.proeftuin.core.api.dto.MembershipInput;
import nl.proeftuin.core.api.dto.Page;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.PhaseChangeInput;
import nl.proeftuin.core.api.dto.PlanDiff;
import nl.proeftuin.core.api.dto.PlanInput;
import nl.proeftuin.core.api.dto.PlanVersion;
import nl.proeftuin.core.api.dto.PlanVersionSummary;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.Relationship;
import nl.proeftuin.core.api.dto.RelationshipInput;
import nl.proeftuin.core.api.dto.Review;
import nl.proeftuin.core.api.dto.ReviewInput;
import nl.proeftuin.core.api.dto.Signal;
import nl.proeftuin.core.api.dto.SignalInput;

/**
 * A small, real, in-memory core for driving the API in unit tests: it keeps state, checks versions
 * and raises the API's exceptions the way the contract says. It covers what the handler tests use;
 * the engine's full rules are proven by the engine's own tests and the Pax Exam walkthrough.
 */
final class InMemoryCore {
    final Family family = new Family();
    final Cases cases = new Cases();
    final Plans plans = new Plans();
    private final AtomicInteger ids = new AtomicInteger();

    private String id(String prefix) {
        return prefix + ids.incrementAndGet();
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    final class Family implements FamilyService {
        final Map<String, Person> persons = new LinkedHashMap<>();
        Actor lastActor;

        @Override
        public Person createPerson(Actor actor, PersonInput input) {
            lastActor = actor;
            required("givenName", input.givenName());
            required("familyName", input.familyName());
            if (input.dateOfBirth() == null) {
                throw new InvalidInputException("dateOfBirth", "is required");
            }
            Person person = new Person(id("p"), input.givenName(), input.familyName(), input.dateOfBirth(), 30,
                    null, Instant.now(), actor.id());
            persons.put(person.id(), person);
            return person;
        }

        /** In memory: the person's field changed, nothing else recorded (the engine's is tested there). */
        @Override
        public nl.proeftuin.core.api.dto.PersonRectification rectifyPerson(Actor actor, String personId, String field,
                String newValue, String reason) {
            lastActor = actor;
            Person p = person(personId);
            String old = switch (field) {
                case "givenName" -> p.givenName();
                case "familyName" -> p.familyName();
                case "dateOfBirth" -> String.valueOf(p.dateOfBirth());
                default -> throw new InvalidInputException("field", "must be givenName, familyName or dateOfBirth");
            };
            Person changed = new Person(p.id(), field.equals("givenName") ? newValue : p.givenName(),
                    field.equals("familyName") ? newValue : p.familyName(),
                    field.equals("dateOfBirth") ? LocalDate.parse(newValue) : p.dateOfBirth(), p.age(),
                    p.nationalIdMasked(), p.createdAt(), p.createdBy());
            persons.put(personId, changed);
            return new nl.proeftuin.core.api.dto.PersonRectification(id("r"), personId, field, old, newValue, reason,
                    Instant.now(), actor.id());
        }

        @Override
        public Person person(String personId) {
            Person person = persons.get(personId);
            if (person == null) {
                throw new NotFoundException("person " + personId);
            }
            return person;
        }

        @Override
        public List<Person> findPersons(String name) {
            return persons.values().stream()
                    .filter(p -> (p.givenName() + " " + p.familyName()).toLowerCase().contains(name.toLowerCase()))
                    .toList();
        }

        @Override
        public Relationship relate(Actor actor, RelationshipInput input) {
            person(input.fromPersonId());
            person(input.toPersonId());
            return new Relationship(id("r"), input.fromPersonId(), input.toPersonId(), input.type(), input.since(),
                    input.until(), input.note());
        }

        @Override
        public List<Relationship> relationships(String personId) {
            person(personId);
            return List.of();
        }

        @Override
        public Household createHousehold(Actor actor, HouseholdInput input) {
            return new Household(id("h"), required("address", input.address()), input.postalCode(),
                    required("municipality", input.municipality()), List.of());
        }

        /** Households a test puts here (the in-memory core keeps none of its own). */
        final Map<String, Household> households = new LinkedHashMap<>();

        @Override
        public Household household(String householdId) {
            Household h = households.get(householdId);
            if (h == null) {
                throw new NotFoundException("household " + householdId);
            }
            return h;
        }

        @Override
        public Household addMember(Actor actor, String householdId, MembershipInput input) {
            throw new NotFoundException("household " + householdId);
        }
    }

    final class Cases implements CaseService {
        final Map<String, CaseView> views = new LinkedHashMap<>();
        final List<Review> reviews = new ArrayList<>();
        CaseQuery lastQuery;
        Long lastExpectedVersion;

        @Override
        public CaseView open(Actor actor, SignalInput input, String separateCaseReason) {
            return open(actor, input); // one family, one case is the engine's (OneFamilyOneCaseTest, LivingCaseIT)
        }

        @Override
        public CaseView open(Actor actor, SignalInput input) {
            required("municipality", input.municipality());
            if (input.members() == null || input.members().isEmpty()) {
                throw new InvalidInputException("members", "needs at least one person");
            }
            List<CaseMember> members = input.members().stream()
                    .map(m -> new CaseMember(family.person(m.personId()), m.roles())).toList();
            CaseView view = new CaseView(id("c"), 1, input.municipality(), CaseStatus.OPEN, null,
                    new Signal(input.kind(), input.source(), input.description(), input.receivedOn()),
                    Phase.ACUTE_SAFETY, Framework.VOLUNTARY, null, members, List.of(), 0, 0, Instant.now(), actor.id());
            views.put(view.id(), view);
            return view;
        }

        @Override
        public CaseView get(String caseId) {
            CaseView view = views.get(caseId);
            if (view == null) {
                throw new NotFoundException("case " + caseId);
            }
            return view;
        }

        @Override
        public Page<CaseSummary> search(CaseQuery query) {
            lastQuery = query;
            // need to know as the store's query applies it: assigned, or the opener while there is no team
            List<CaseSummary> all = views.values().stream()
                    .filter(v -> query.municipality() == null || v.municipality().equals(query.municipality()))
                    .filter(v -> query.municipalities() == null || query.municipalities().isEmpty()
                            || query.municipalities().stream().anyMatch(m -> m.equalsIgnoreCase(v.municipality())))
                    .filter(v -> query.visibleTo() == null
                            || v.team().stream().anyMatch(a -> a.active() && a.professionalId().equals(query.visibleTo()))
                            || v.team().stream().noneMatch(a -> a.active()) && query.visibleTo().equals(v.openedBy()))
                    .map(v -> new CaseSummary(v.id(), v.municipality(), v.status(), v.phase(), v.framework(),
                            v.members().stream().map(m -> m.person().givenName()).toList(), v.activeProfessionals(),
                            v.openedAt()))
                    .toList();
            int from = (int) Math.min((long) query.page() * query.size(), all.size());
            return new Page<>(all.subList(from, Math.min(from + query.size(), all.size())), query.page(), query.size(),
                    all.size());
        }

        /** Checks the expected version and the open state, then stores the changed case with version + 1. */
        private CaseView change(String caseId, Long expectedVersion, java.util.function.UnaryOperator<CaseView> change) {
            lastExpectedVersion = expectedVersion;
            CaseView current = get(caseId);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new StaleVersionException("case " + caseId, expectedVersion, current.version());
            }
            if (current.status() == CaseStatus.CLOSED) {
                throw new RuleViolationException("case-closed", "case " + caseId + " is closed");
            }
            CaseView c = change.apply(current);
            CaseView next = new CaseView(c.id(), current.version() + 1, c.municipality(), c.status(), c.closedReason(),
                    c.signal(), c.phase(), c.framework(), c.measure(), c.members(), c.team(), c.team().size(),
                    c.planVersion(), c.openedAt(), c.openedBy());
            views.put(caseId, next);
            return next;
        }

        @Override
        public CaseView changePhase(Actor actor, String caseId, Long expectedVersion, PhaseChangeInput input) {
            required("reason", input.reason());
            return change(caseId, expectedVersion, c -> new CaseView(c.id(), c.version(), c.municipality(), c.status(),
                    c.closedReason(), c.signal(), input.phase(), c.framework(), c.measure(), c.members(), c.team(),
                    c.activeProfessionals(), c.planVersion(), c.openedAt(), c.openedBy()));
        }

        @Override
        public CaseView changeFramework(Actor actor, String caseId, Long expectedVersion, FrameworkChangeInput input) {
            if (input.framework() == Framework.COMPULSORY && input.measure() == null) {
                throw new InvalidInputException("measure", "is required for COMPULSORY");
            }
            return change(caseId, expectedVersion, c -> new CaseView(c.id(), c.version(), c.municipality(), c.status(),
                    c.closedReason(), c.signal(), c.phase(), input.framework(), input.measure(), c.members(), c.team(),
                    c.activeProfessionals(), c.planVersion(), c.openedAt(), c.openedBy()));
        }

        @Override
        public CaseView close(Actor actor, String caseId, Long expectedVersion, CloseInput input) {
            required("reason", input.reason());
            return change(caseId, expectedVersion, c -> new CaseView(c.id(), c.version(), c.municipality(),
                    CaseStatus.CLOSED, input.reason(), c.signal(), c.phase(), c.framework(), c.measure(), c.members(),
                    c.team(), c.activeProfessionals(), c.planVersion(), c.openedAt(), c.openedBy()));
        }

        @Override
        public CaseView assign(Actor actor, String caseId, Long expectedVersion, AssignmentInput input) {
            return change(caseId, expectedVersion, c -> {
                if (input.role() == ProfessionalRole.FIXED_PROFESSIONAL
                        && c.team().stream().anyMatch(a -> a.role() == ProfessionalRole.FIXED_PROFESSIONAL)) {
                    throw new RuleViolationException("one-fixed-professional", "the case has a fixed professional: hand over");
                }
                List<Assignment> team = new ArrayList<>(c.team());
                team.add(new Assignment(id("a"), input.professionalId(), input.name(), input.organisation(),
                        input.role(), input.casusregie(), input.since() == null ? LocalDate.now() : input.since(), null, null));
                return new CaseView(c.id(), c.version(), c.municipality(), c.status(), c.closedReason(), c.signal(),
                        c.phase(), c.framework(), c.measure(), c.members(), team, team.size(), c.planVersion(),
                        c.openedAt(), c.openedBy());
            });
        }

        @Override
        public CaseView handover(Actor actor, String caseId, Long expectedVersion, HandoverInput input) {
            throw new UnsupportedOperationException("not used by the REST unit tests");
        }

        @Override
        public CaseView endAssignment(Actor actor, String caseId, Long expectedVersion, String assignmentId,
                EndAssignmentInput input) {
            throw new RuleViolationException("team-invariant", "ending " + assignmentId + " leaves no fixed professional");
        }

        @Override
        public List<Handover> handovers(String caseId) {
            get(caseId);
            return List.of();
        }

        @Override
        public FamilySystem familySystem(String caseId) {
            return new FamilySystem(get(caseId).members(), List.of(), List.of());
        }

        @Override
        public List<CaseEvent> history(String caseId) {
            CaseView view = get(caseId);
            return List.of(new CaseEvent("OPENED", "opened", null, view.openedAt(), view.openedBy()));
        }

        @Override
        public Entry addEntry(Actor actor, String caseId, EntryInput input) {
            get(caseId);
            return new Entry(id("e"), input.kind(), required("text", input.text()), input.source(),
                    input.aboutPersonIds(), actor.id(), actor.name(), null, Instant.now());
        }

        @Override
        public List<Entry> entries(String caseId) {
            get(caseId);
            return List.of();
        }

        @Override
        public Review addReview(Actor actor, String caseId, ReviewInput input) {
            Review review = new Review(id("rv"), input.reviewerId(), input.reviewerName(), input.organisation(),
                    input.conclusion(), input.supportsCourtRequest(), get(caseId).planVersion(), Instant.now(), actor.id());
            reviews.add(review);
            return review;
        }

        @Override
        public List<Review> reviews(String caseId) {
            get(caseId);
            return List.copyOf(reviews);
        }

        @Override
        public Consent addConsent(Actor actor, String caseId, ConsentInput input) {
            throw new UnsupportedOperationException("not used by the REST unit tests");
        }

        @Override
        public List<Consent> consents(String caseId) {
            get(caseId);
            return List.of();
        }

        @Override
        public Evaluation addEvaluation(Actor actor, String caseId, EvaluationInput input) {
            throw new UnsupportedOperationException("not used by the REST unit tests");
        }

        @Override
        public List<Evaluation> evaluations(String caseId) {
            get(caseId);
            return List.of();
        }

        @Override
        public CourtRequest requestCourt(Actor actor, String caseId, CourtRequestInput input) {
            get(caseId);
            Review review = reviews.stream().filter(Review::supportsCourtRequest).reduce((a, b) -> b)
                    .orElseThrow(() -> new RuleViolationException("independent-review-required",
                            "record an independent review that supports the request first"));
            return new CourtRequest(id("cr"), input.measure(), input.grounds(), review.id(), 0, Instant.now(), actor.id());
        }

        @Override
        public List<CourtRequest> courtRequests(String caseId) {
            get(caseId);
            return List.of();
        }
    }

    final class Plans implements PlanService {
        final Map<String, List<PlanVersion>> versions = new LinkedHashMap<>();
        Integer lastExpectedVersion;

        @Override
        public PlanVersion newVersion(Actor actor, String caseId, Integer expectedVersion, PlanInput input) {
            lastExpectedVersion = expectedVersion;
            cases.get(caseId);
            List<PlanVersion> list = versions.computeIfAbsent(caseId, k -> new ArrayList<>());
            if (!list.isEmpty() && expectedVersion == null) {
                throw new VersionRequiredException("send If-Match with the version you edited");
            }
            int latest = list.size();
            if (expectedVersion != null && expectedVersion != latest) {
                throw new StaleVersionException("plan of case " + caseId, expectedVersion, latest);
            }
            List<Condition> conditions = input.conditions() == null ? List.of() : input.conditions();
            for (int i = 0; i < conditions.size(); i++) {
                required("conditions[" + i + "].consequence", conditions.get(i).consequence());
            }
            PlanVersion version = new PlanVersion(caseId, latest + 1, input.goals(), input.actions(),
                    input.agreements(), conditions, input.familyView(), input.note(), Instant.now(), actor.id());
            list.add(version);
            return version;
        }

        @Override
        public PlanVersion latest(String caseId) {
            cases.get(caseId);
            List<PlanVersion> list = versions.getOrDefault(caseId, List.of());
            if (list.isEmpty()) {
                throw new NotFoundException("plan of case " + caseId);
            }
            return list.get(list.size() - 1);
        }

        @Override
        public PlanVersion version(String caseId, int version) {
            List<PlanVersion> list = versions.getOrDefault(caseId, List.of());
            if (version > list.size()) {
                throw new NotFoundException("version " + version + " of the plan of case " + caseId);
            }
            return list.get(version - 1);
        }

        @Override
        public List<PlanVersionSummary> versions(String caseId) {
            cases.get(caseId);
            return versions.getOrDefault(caseId, List.of()).stream()
                    .map(v -> new PlanVersionSummary(v.version(), v.note(), v.createdAt(), v.createdBy())).toList();
        }

        @Override
        public PlanDiff diff(String caseId, int from, int to) {
            version(caseId, from);
            version(caseId, to);
            return new PlanDiff(caseId, from, to, List.of());
        }

        @Override
        public FamilyView familyView(String caseId) {
            PlanVersion plan = latest(caseId);
            return new FamilyView("Ons gezinsplan (versie " + plan.version() + ")", "Dit hebben we samen afgesproken.",
                    List.of(new FamilyView.Section("Voorwaarden",
                            plan.conditions().stream().map(c -> c.description() + " " + c.consequence()).toList()),
                            new FamilyView.Section("Wat wij ervan vinden", List.of(plan.familyView()))));
        }
    }
}
