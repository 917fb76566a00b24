package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.waits.WaitEndInput;
import nl.proeftuin.core.api.waits.WaitFigures;
import nl.proeftuin.core.api.waits.WaitFor;
import nl.proeftuin.core.api.waits.WaitInput;
import nl.proeftuin.core.api.waits.WaitListItem;
import nl.proeftuin.core.api.waits.WaitService;
import nl.proeftuin.core.api.waits.WaitView;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.care.ProcurementStore;
import nl.proeftuin.core.store.care.StoredCareRequest;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.waits.StoredWait;
import nl.proeftuin.core.store.waits.WaitStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Waiting is explicit (issue 14 part 5, decision 0033): what a case waits for, on whom, since when,
 * expected when, and the active team member responsible meanwhile ({@code no-interim-responsible}
 * otherwise). A care request that could not be sent (no usable connector), or that the connector
 * refused, is not waited on ({@code care-request-not-sent}): nobody has it.
 */
@Component(service = WaitService.class)
public class CaseWaits implements WaitService {

    /** The care-request states that mean someone has it: sent, or allocated and not begun. */
    static final List<String> SENT = List.of("SUBMITTED", "ALLOCATED");
    static final int MAX_LIST = 1000;

    private final Domain domain;
    private final WaitStore waits;
    private final ProcurementStore procurement;

    /**
     * @param database    the platform database
     * @param family      persons
     * @param cases       cases, teams and events
     * @param plans       plans
     * @param waits       the waits
     * @param procurement care requests
     */
    @Activate
    public CaseWaits(@Reference Database database, @Reference FamilyStore family, @Reference CaseStore cases,
            @Reference PlanStore plans, @Reference WaitStore waits, @Reference ProcurementStore procurement) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), waits, procurement);
    }

    CaseWaits(Domain domain, WaitStore waits, ProcurementStore procurement) {
        this.domain = domain;
        this.waits = waits;
        this.procurement = procurement;
    }

    @Override
    public WaitView start(Actor actor, String caseId, WaitInput input) {
        Check.actor(actor);
        Check.required("body", input);
        WaitFor waitFor = Check.required("waitFor", input.waitFor());
        String waitingOn = Check.text("waitingOn", input.waitingOn(), Check.NAME);
        String responsibleId = Check.text("responsibleId", input.responsibleId(), Check.ID);
        LocalDate today = domain.today();
        LocalDate since = Check.notInFuture("since", input.since() == null ? today : input.since(), today);
        if (input.expected() != null) {
            Check.range("expected", since, input.expected());
        }
        String note = Check.optionalText("note", input.note(), Check.LONG_TEXT);
        String careRequestId = Check.optionalText("careRequestId", input.careRequestId(), Check.ID);
        if (waitFor == WaitFor.CARE && careRequestId == null) {
            throw new InvalidInputException("careRequestId", "is required when waiting for care: the care request waited on");
        }
        return domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, null);
            if (careRequestId != null) {
                StoredCareRequest r = procurement.lockCareRequest(c, careRequestId)
                        .filter(x -> x.caseId().equals(caseId))
                        .orElseThrow(() -> new NotFoundException("care request " + careRequestId + " of case " + caseId));
                if (!SENT.contains(r.state())) {
                    throw new RuleViolationException("care-request-not-sent", "care request " + careRequestId + " is "
                            + r.state() + ": it was not sent (or was refused), so nobody has it and nothing is waited"
                            + " on; send it again or by hand first");
                }
            }
            Assignment responsible = Domain.active(domain.cases.assignments(c, caseId)).stream()
                    .filter(a -> a.professionalId().equals(responsibleId)).findFirst()
                    .orElseThrow(() -> new RuleViolationException("no-interim-responsible", responsibleId
                            + " is not an active member of the team of case " + caseId
                            + ": who is responsible while the family waits must be on the team"));
            StoredWait w = new StoredWait(Domain.newId(), caseId, careRequestId, waitFor.name(), waitingOn,
                    k.municipality(), responsible.professionalId(), responsible.name(), responsible.organisation(), since,
                    input.expected(), note, domain.now(), actor.id(), null, null, null, null);
            waits.insert(c, w);
            domain.event(c, caseId, actor, new CaseEvents.WaitStarted(w.id(), waitFor.name(), waitingOn,
                    responsible.professionalId(), since, input.expected()), "waiting for " + waitFor.name() + " ("
                    + waitingOn + ") since " + since + "; responsible meanwhile: " + responsible.name(), note);
            return view(w, Set.of(responsible.professionalId()));
        });
    }

    @Override
    public WaitView end(Actor actor, String caseId, String waitId, WaitEndInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        LocalDate today = domain.today();
        LocalDate on = Check.notInFuture("on", input.on() == null ? today : input.on(), today);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            StoredWait w = waits.lock(c, Check.text("waitId", waitId, Check.ID)).filter(x -> x.caseId().equals(caseId))
                    .orElseThrow(() -> new NotFoundException("wait " + waitId + " of case " + caseId));
            if (w.endedOn() != null) {
                throw new RuleViolationException("wait-ended", "wait " + waitId + " ended on " + w.endedOn());
            }
            Check.range("on", w.since(), on);
            waits.end(c, w.id(), on, reason, domain.now(), actor.id());
            domain.event(c, caseId, actor, new CaseEvents.WaitEnded(w.id(), w.waitFor(), on),
                    "no longer waiting for " + w.waitFor() + " (" + w.waitingOn() + ") from " + on, reason);
            return view(waits.lock(c, w.id()).orElseThrow(), Set.copyOf(waits.activeTeam(c, caseId)));
        });
    }

    @Override
    public List<WaitView> ofCase(String caseId) {
        return domain.read(c -> {
            domain.existingCase(c, caseId);
            Set<String> team = Set.copyOf(waits.activeTeam(c, caseId));
            return waits.ofCase(c, caseId).stream().map(w -> view(w, team)).toList();
        });
    }

    @Override
    public List<WaitListItem> waitingList(Set<String> municipalities, String waitingOn) {
        String on = Check.optionalText("waitingOn", waitingOn, Check.NAME);
        LocalDate today = domain.today();
        return domain.read(c -> waits.open(c, municipalities, on, MAX_LIST).stream()
                .map(w -> new WaitListItem(w.id(), w.caseId(), w.municipality(), WaitFor.valueOf(w.waitFor()),
                        w.waitingOn(), w.since(), ChronoUnit.DAYS.between(w.since(), today), w.expected(),
                        w.expected() != null && w.expected().isBefore(today), w.responsibleName(), w.responsibleOrg()))
                .toList());
    }

    @Override
    public List<WaitFigures> figures() {
        return domain.read(c -> waits.ages(c, domain.today()).stream()
                .map(r -> new WaitFigures(r.municipality(), WaitFor.valueOf(r.waitFor()), r.open(),
                        r.open() == 0 ? 0 : Math.round(r.totalDays() * 10.0 / r.open()) / 10.0, r.oldestDays(),
                        r.pastExpected()))
                .toList());
    }

    private WaitView view(StoredWait w, Set<String> activeTeam) {
        LocalDate today = domain.today();
        LocalDate to = w.endedOn() == null ? today : w.endedOn();
        return new WaitView(w.id(), w.caseId(), w.careRequestId(), WaitFor.valueOf(w.waitFor()), w.waitingOn(),
                w.municipality(), w.responsibleId(), w.responsibleName(), w.responsibleOrg(),
                activeTeam.contains(w.responsibleId()), w.since(), w.expected(), ChronoUnit.DAYS.between(w.since(), to),
                w.endedOn() == null && w.expected() != null && w.expected().isBefore(today), w.note(), w.recordedAt(),
                w.recordedBy(), w.endedOn(), w.endReason());
    }
}
