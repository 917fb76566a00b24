package nl.proeftuin.core.engine.internal;

import static nl.proeftuin.core.engine.internal.Check.LONG_TEXT;
import static nl.proeftuin.core.engine.internal.Check.NAME;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.PlanService;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.StaleVersionException;
import nl.proeftuin.core.api.VersionRequiredException;
import nl.proeftuin.core.api.dto.Action;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.Condition;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.dto.Goal;
import nl.proeftuin.core.api.dto.PlanChange;
import nl.proeftuin.core.api.dto.PlanDiff;
import nl.proeftuin.core.api.dto.PlanInput;
import nl.proeftuin.core.api.dto.PlanVersion;
import nl.proeftuin.core.api.dto.PlanVersionSummary;
import nl.proeftuin.core.api.dto.SafetyAgreement;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.cases.StoredPlanVersion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The family plan as immutable versions, each saved in one transaction under the case's row lock
 * (so a new version and a team change cannot interleave). The content is kept as JSON text
 * ({@link PlanDocument}); a new version also increments the case's version, because the case shows
 * its plan version number.
 */
@Component(service = PlanService.class)
public class TransactionalPlanService implements PlanService {

    /** Most items one plan section may hold: a plan the family can read. */
    static final int MAX_ITEMS = 200;

    private final Domain domain;

    /**
     * @param database the platform database
     * @param family   persons (first names for the family view)
     * @param cases    cases (lock, members, team)
     * @param plans    plan versions
     */
    @Activate
    public TransactionalPlanService(@Reference Database database, @Reference FamilyStore family,
            @Reference CaseStore cases, @Reference PlanStore plans) {
        this(database, family, cases, plans, Clock.systemUTC());
    }

    TransactionalPlanService(Database database, FamilyStore family, CaseStore cases, PlanStore plans, Clock clock) {
        this.domain = new Domain(database, family, cases, plans, clock);
    }

    @Override
    public PlanVersion newVersion(Actor actor, String caseId, Integer expectedVersion, PlanInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String note = Check.optionalText("note", input.note(), LONG_TEXT);
        String familyView = Check.optionalText("familyView", input.familyView(), LONG_TEXT);
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, null);
            int latest = domain.plans.latestNumber(c, caseId);
            if (latest > 0 && expectedVersion == null) {
                throw new VersionRequiredException("the plan of case " + caseId + " is at version " + latest
                        + ": say which version this edit is based on");
            }
            if (expectedVersion != null && expectedVersion != latest) {
                throw new StaleVersionException("plan of case " + caseId, expectedVersion, latest);
            }
            Set<String> members = domain.cases.members(c, caseId).keySet();
            PlanDocument content = validContent(input, familyView, members);
            List<Assignment> team = Domain.active(domain.cases.assignments(c, caseId));
            if (Domain.fixedProfessional(team) == null || Domain.casusregie(team) == null) {
                throw new RuleViolationException("team-incomplete", "a plan needs a fixed professional and a"
                        + " casusregie holder in the team; missing: " + (Domain.fixedProfessional(team) == null
                                ? "fixed professional" + (Domain.casusregie(team) == null ? " and casusregie holder" : "")
                                : "casusregie holder"));
            }
            StoredPlanVersion v = new StoredPlanVersion(caseId, latest + 1, content.toJson(), note, domain.now(),
                    actor.id());
            domain.plans.insertVersion(c, v);
            domain.touch(c, k, actor, new CaseEvents.PlanVersionSaved(v.version()),
                    "plan version " + v.version() + " saved", note);
            return toVersion(v, content);
        });
    }

    @Override
    public PlanVersion latest(String caseId) {
        return domain.query(c -> {
            domain.existingCase(c, caseId);
            StoredPlanVersion v = domain.plans.latest(c, caseId)
                    .orElseThrow(() -> new NotFoundException("plan of case " + caseId));
            return toVersion(v, PlanDocument.fromJson(v.content()));
        });
    }

    @Override
    public PlanVersion version(String caseId, int version) {
        return domain.query(c -> {
            StoredPlanVersion v = existingVersion(c, caseId, version);
            return toVersion(v, PlanDocument.fromJson(v.content()));
        });
    }

    @Override
    public List<PlanVersionSummary> versions(String caseId) {
        return domain.query(c -> {
            domain.existingCase(c, caseId);
            return domain.plans.versions(c, caseId).stream()
                    .map(v -> new PlanVersionSummary(v.version(), v.note(), v.createdAt(), v.createdBy())).toList();
        });
    }

    @Override
    public PlanDiff diff(String caseId, int from, int to) {
        return domain.query(c -> {
            PlanDocument a = PlanDocument.fromJson(existingVersion(c, caseId, from).content());
            PlanDocument b = PlanDocument.fromJson(existingVersion(c, caseId, to).content());
            List<PlanChange> changes = new ArrayList<>();
            compare("goals", a.goals(), b.goals(), Goal::id, changes);
            compare("actions", a.actions(), b.actions(), Action::id, changes);
            compare("agreements", a.agreements(), b.agreements(), SafetyAgreement::id, changes);
            compare("conditions", a.conditions(), b.conditions(), Condition::id, changes);
            if (!Objects.equals(a.familyView(), b.familyView())) {
                String change = a.familyView() == null ? "ADDED" : b.familyView() == null ? "REMOVED" : "CHANGED";
                changes.add(new PlanChange("familyView", null, change, a.familyView(), b.familyView()));
            }
            return new PlanDiff(caseId, from, to, List.copyOf(changes));
        });
    }

    @Override
    public FamilyView familyView(String caseId) {
        return domain.query(c -> {
            domain.existingCase(c, caseId);
            StoredPlanVersion v = domain.plans.latest(c, caseId)
                    .orElseThrow(() -> new NotFoundException("plan of case " + caseId));
            PlanDocument plan = PlanDocument.fromJson(v.content());
            Map<String, String> firstNames = new LinkedHashMap<>();
            for (CaseMember m : domain.members(c, caseId)) {
                firstNames.put(m.person().id(), m.person().givenName());
            }
            // a goal for a member who has left since is still theirs: their first name, not "een gezinslid"
            Set<String> named = new java.util.HashSet<>();
            for (Goal g : plan.goals()) {
                if (g.personId() != null && !firstNames.containsKey(g.personId())) {
                    named.add(g.personId());
                }
            }
            domain.family.persons(c, named).values().forEach(p -> firstNames.put(p.id(), p.givenName()));
            // the team of that version, not of today: after a handover or the closing, version N still names
            // who agreed it with the family (an assignment ended on the day it was saved counts)
            LocalDate savedOn = DutchDay.of(v.createdAt());
            List<Assignment> all = domain.cases.assignments(c, caseId);
            List<Assignment> then = all.stream().filter(a -> !a.since().isAfter(savedOn)
                    && (a.until() == null || !a.until().isBefore(savedOn))).toList();
            // their name on the team; someone never on it (break-glass, an opener) is "a professional", never
            // a login id the family cannot read
            String savedBy = all.stream().filter(a -> a.professionalId().equals(v.createdBy())).map(Assignment::name)
                    .findFirst().orElse("een hulpverlener");
            return PlainDutch.familyView(v.version(), savedOn, savedBy, plan, firstNames, then);
        });
    }

    private StoredPlanVersion existingVersion(Connection c, String caseId, int version) throws SQLException {
        domain.existingCase(c, caseId);
        return domain.plans.version(c, caseId, version)
                .orElseThrow(() -> new NotFoundException("version " + version + " of the plan of case " + caseId));
    }

    private static PlanVersion toVersion(StoredPlanVersion v, PlanDocument d) {
        return new PlanVersion(v.caseId(), v.version(), d.goals(), d.actions(), d.agreements(), d.conditions(),
                d.familyView(), v.note(), v.createdAt(), v.createdBy());
    }

    /** By item id: REMOVED in {@code from} order, then ADDED and CHANGED in {@code to} order. */
    private static <T> void compare(String section, List<T> from, List<T> to, Function<T, String> id,
            List<PlanChange> out) {
        Map<String, T> before = new LinkedHashMap<>();
        from.forEach(x -> before.put(id.apply(x), x));
        Map<String, T> after = new LinkedHashMap<>();
        to.forEach(x -> after.put(id.apply(x), x));
        before.forEach((k, x) -> {
            if (!after.containsKey(k)) {
                out.add(new PlanChange(section, k, "REMOVED", x, null));
            }
        });
        after.forEach((k, x) -> {
            T old = before.get(k);
            if (old == null) {
                out.add(new PlanChange(section, k, "ADDED", null, x));
            } else if (!old.equals(x)) {
                out.add(new PlanChange(section, k, "CHANGED", old, x));
            }
        });
    }

    // --- validation of the content -----------------------------------------------------------------

    private static PlanDocument validContent(PlanInput in, String familyView, Set<String> members) {
        List<Goal> goals = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Goal> goalsIn = items("goals", in.goals());
        for (int i = 0; i < goalsIn.size(); i++) {
            String f = "goals[" + i + "]";
            Goal g = Check.required(f, goalsIn.get(i));
            String id = itemId(f, g.id(), ids);
            String personId = Check.optionalText(f + ".personId", g.personId(), Check.ID);
            if (personId != null && !members.contains(personId)) {
                throw new InvalidInputException(f + ".personId", "is not a member of the case");
            }
            Check.required(f + ".domain", g.domain());
            goals.add(new Goal(id, personId, g.domain(), Check.text(f + ".description", g.description(), LONG_TEXT)));
        }
        Set<String> goalIds = Set.copyOf(ids);

        List<Action> actions = new ArrayList<>();
        ids = new HashSet<>();
        List<Action> actionsIn = items("actions", in.actions());
        for (int i = 0; i < actionsIn.size(); i++) {
            String f = "actions[" + i + "]";
            Action a = Check.required(f, actionsIn.get(i));
            String id = itemId(f, a.id(), ids);
            String goalId = Check.optionalText(f + ".goalId", a.goalId(), Check.ID);
            if (goalId != null && !goalIds.contains(goalId)) {
                throw new InvalidInputException(f + ".goalId", "is not the id of a goal in this plan");
            }
            String description = Check.text(f + ".description", a.description(), LONG_TEXT);
            String who = Check.text(f + ".who", a.who(), NAME);
            Check.range(f + ".end", a.start(), a.end());
            actions.add(new Action(id, goalId, description, who, a.start(), a.end()));
        }

        List<SafetyAgreement> agreements = new ArrayList<>();
        ids = new HashSet<>();
        List<SafetyAgreement> agreementsIn = items("agreements", in.agreements());
        for (int i = 0; i < agreementsIn.size(); i++) {
            String f = "agreements[" + i + "]";
            SafetyAgreement s = Check.required(f, agreementsIn.get(i));
            String id = itemId(f, s.id(), ids);
            agreements.add(new SafetyAgreement(id, Check.text(f + ".description", s.description(), LONG_TEXT),
                    Check.text(f + ".who", s.who(), NAME)));
        }

        List<Condition> conditions = new ArrayList<>();
        ids = new HashSet<>();
        List<Condition> conditionsIn = items("conditions", in.conditions());
        for (int i = 0; i < conditionsIn.size(); i++) {
            String f = "conditions[" + i + "]";
            Condition k = Check.required(f, conditionsIn.get(i));
            String id = itemId(f, k.id(), ids);
            String description = Check.text(f + ".description", k.description(), LONG_TEXT);
            if (k.consequence() == null || k.consequence().isBlank()) {
                throw new InvalidInputException(f + ".consequence",
                        "is required: say in plain words what happens if the condition is not met");
            }
            conditions.add(new Condition(id, description, Check.text(f + ".consequence", k.consequence(), LONG_TEXT),
                    k.deadline()));
        }
        return new PlanDocument(List.copyOf(goals), List.copyOf(actions), List.copyOf(agreements),
                List.copyOf(conditions), familyView);
    }

    private static <T> List<T> items(String section, List<T> items) {
        if (items != null && items.size() > MAX_ITEMS) {
            throw new InvalidInputException(section, "has more than " + MAX_ITEMS + " items");
        }
        return items == null ? List.of() : new ArrayList<>(items);
    }

    /** The item's id, or a new one; unique within its section. */
    private static String itemId(String field, String given, Set<String> seen) {
        String id = given == null || given.isBlank() ? Domain.newId() : Check.text(field + ".id", given, Check.ID);
        if (!seen.add(id)) {
            throw new InvalidInputException(field + ".id", "is used twice in this section");
        }
        return id;
    }
}
