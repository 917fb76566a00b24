package nl.proeftuin.core.engine.internal;

import nl.proeftuin.core.store.cohorts.CohortStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.spi.CarePath;
import nl.proeftuin.core.spi.CarePathAdvice;
import nl.proeftuin.core.spi.CarePathDefinition;
import nl.proeftuin.core.spi.CarePathPhase;
import nl.proeftuin.core.spi.CarePathRequest;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.care.CarePathService;
import nl.proeftuin.core.api.care.CarePathStatus;
import nl.proeftuin.core.api.care.CompletedStep;
import nl.proeftuin.core.api.care.Incident;
import nl.proeftuin.core.api.care.IncidentInput;
import nl.proeftuin.core.api.care.StepInput;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.plugins.AlertStore;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.care.CarePathStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import nl.proeftuin.core.store.care.StoredIncident;
import nl.proeftuin.core.store.care.StoredStep;
import nl.proeftuin.core.store.triage.TriageStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A case on the care path bound for its municipality. As with triage, a request reads what it needs
 * and resolves the binding in one short transaction, calls the plugin outside any transaction, and
 * writes in a second one under the case's row lock, where the order of the steps is checked again
 * (another professional may have recorded a step meanwhile).
 *
 * <p>The core, not the plugin, enforces the order: the path's required steps, phase by phase, form
 * one sequence, and a step is refused ({@code step-order}) while an earlier one is open. That is how
 * MDA++'s "slow down" holds: the analysis comes before the interventions, whatever the client does.
 */
@Component(service = CarePathService.class)
public class BoundCarePathService implements CarePathService {

    private final Domain domain;
    private final TriageStore triages;
    private final CarePathStore paths;
    private final AlertStore alerts;
    private final BindingStore bindings;
    private final BoundCall plugins;

    /**
     * @param database the platform database
     * @param family   persons
     * @param cases    cases
     * @param plans    plans
     * @param triages  triage outcomes (the facts a path decides from)
     * @param paths    steps and incidents
     * @param alerts   alerts
     * @param bindings bindings
     * @param registry the plugins present
     * @param calls    the time-boxed plugin calls
     */
    @Activate
    public BoundCarePathService(@Reference Database database, @Reference FamilyStore family, @Reference CaseStore cases,
            @Reference PlanStore plans, @Reference TriageStore triages, @Reference CarePathStore paths,
            @Reference AlertStore alerts, @Reference BindingStore bindings, @Reference ServicePluginRegistry registry,
            @Reference TimeBoxedPluginCalls calls, @Reference CohortStore cohorts) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), triages, paths, alerts, bindings,
                new BoundCall(registry, calls, FrameworkUtil.getBundle(BoundCarePathService.class)));
        this.domain.variants = new CaseVariants(bindings, cohorts); // cohorts (V26): the variant of each step
    }

    BoundCarePathService(Domain domain, TriageStore triages, CarePathStore paths, AlertStore alerts,
            BindingStore bindings, BoundCall plugins) {
        this.domain = domain;
        this.triages = triages;
        this.paths = paths;
        this.alerts = alerts;
        this.bindings = bindings;
        this.plugins = plugins;
    }

    @Override
    public CarePathStatus status(String caseId) {
        Prepared p = domain.read(c -> prepare(c, caseId));
        // A read shows the fallback but raises no alert: every page view would add one. Recording a
        // step, which the fallback refuses, does.
        Answered a = ask(p, false);
        return status(p, a);
    }

    @Override
    public CarePathStatus completeStep(Actor actor, String caseId, StepInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String step = Check.text("step", input.step(), Check.ID);
        String note = Check.text("note", input.note(), Check.LONG_TEXT);
        Prepared p = domain.read(c -> prepare(c, caseId));
        Answered a = ask(p, true);
        if (a.answer().fallback()) {
            throw new RuleViolationException("no-care-path", "no step can be recorded: " + a.answer().fallbackReason()
                    + ". The case follows regular case work.");
        }
        List<String> order = order(a.definition());
        if (!order.contains(step)) {
            throw new InvalidInputException("step", "is not a step of " + a.definition().name() + " (its steps: "
                    + String.join(", ", order) + ")");
        }
        domain.write(c -> {
            StoredCase k = domain.lockOpen(c, caseId, null);
            Set<String> done = new LinkedHashSet<>();
            for (StoredStep s : paths.steps(c, caseId)) {
                done.add(s.step());
            }
            if (done.contains(step)) {
                throw new RuleViolationException("step-done", "step '" + step + "' is already recorded for this case");
            }
            List<String> open = new ArrayList<>();
            for (String s : order.subList(0, order.indexOf(step))) {
                if (!done.contains(s)) {
                    open.add(s);
                }
            }
            if (!open.isEmpty()) {
                throw new RuleViolationException("step-order", "step '" + step + "' must wait: first "
                        + String.join(", then ", open) + " (" + a.definition().name() + " keeps this order)");
            }
            paths.insertStep(c, new StoredStep(caseId, step, k.phase().name(), note, a.answer().pluginId(), domain.now(),
                    actor.id()));
            domain.event(c, caseId, actor, new CaseEvents.CarePathStep(a.definition().name(), step),
                    a.definition().name() + " step '" + step + "' done", note);
            if (domain.variants != null) { // cohorts (V26): the care path this decision consulted
                domain.variants.decision(c, caseId, ExtensionPoint.CARE_PATH, a.answer().binding(), domain.now());
            }
            return null;
        });
        return status(caseId);
    }

    @Override
    public CarePathStatus recordIncident(Actor actor, String caseId, IncidentInput input) {
        Check.actor(actor);
        Check.required("body", input);
        LocalDate on = Check.required("occurredOn", input.occurredOn());
        Check.notInFuture("occurredOn", on, domain.today());
        String description = Check.text("description", input.description(), Check.LONG_TEXT);
        domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            paths.insertIncident(c, new StoredIncident(Domain.newId(), caseId, on, description, domain.now(), actor.id()));
            domain.event(c, caseId, actor, new CaseEvents.RepeatIncident(on), "repeat incident on " + on, description);
            return null;
        });
        return status(caseId);
    }

    // --- read, ask, show --------------------------------------------------------------------------

    private record Prepared(CaseView kase, TriageFacts facts, List<StoredStep> steps, List<StoredIncident> incidents,
            Binding binding) {
    }

    private record Answered(BoundCall.Answer<Object[]> answer, CarePathDefinition definition, CarePathAdvice advice,
            String inputDigest) {
    }

    private Prepared prepare(Connection c, String caseId) throws SQLException {
        StoredCase k = domain.existingCase(c, caseId);
        TriageFacts facts = triages.latestOutcome(c, caseId)
                .map(o -> CanonicalJson.read(o.facts(), TriageFacts.class)).orElse(null);
        return new Prepared(domain.view(c, k), facts, paths.steps(c, caseId), paths.incidents(c, caseId),
                Bindings.effective(bindings, c, ExtensionPoint.CARE_PATH, k.municipality(), domain.now()));
    }

    private Answered ask(Prepared p, boolean alert) {
        Map<String, String> configuration = p.binding() == null ? Map.of() : p.binding().configuration();
        CarePathRequest request = new CarePathRequest(p.kase(), p.facts(),
                p.steps().stream().map(StoredStep::step).toList(), p.incidents().size(), configuration);
        String inputDigest = CanonicalJson.sha256(CanonicalJson.write(request));
        BoundCall.Answer<Object[]> answer = plugins.call(ExtensionPoint.CARE_PATH, p.binding(), CarePath.class,
                "care path", path -> new Object[] {path.definition(configuration), path.advise(request)},
                pair -> unusable(pair, p.binding() == null ? "" : p.binding().pluginId()));
        if (alert && answer.alarming()) {
            domain.write(c -> {
                alerts.insert(c, new StoredAlert(Domain.newId(), answer.alertKind(), ExtensionPoint.CARE_PATH.name(),
                        p.kase().municipality(), answer.binding() == null ? null : answer.binding().pluginId(),
                        p.kase().id(), "The care path of case " + p.kase().id() + " is not available: "
                                + answer.fallbackReason() + ". The case follows regular case work.", domain.now()));
                return null;
            });
        }
        return answer.fallback() ? new Answered(answer, null, null, inputDigest)
                : new Answered(answer, (CarePathDefinition) answer.value()[0], (CarePathAdvice) answer.value()[1],
                        inputDigest);
    }

    private static String unusable(Object[] pair, String pluginId) {
        CarePathDefinition d = (CarePathDefinition) pair[0];
        CarePathAdvice a = (CarePathAdvice) pair[1];
        if (d == null || a == null) {
            return "no definition or no advice";
        }
        if (d.name() == null || d.name().isBlank() || d.phases() == null || d.phases().isEmpty()) {
            return "a definition without a name or phases";
        }
        Set<String> seen = new LinkedHashSet<>();
        for (CarePathPhase ph : d.phases()) {
            if (ph == null || ph.phase() == null || ph.requiredSteps() == null) {
                return "a phase without its core phase or steps";
            }
            for (String s : ph.requiredSteps()) {
                if (s == null || s.isBlank() || s.length() > Check.ID || !seen.add(s)) {
                    return "an empty, overlong or repeated step id";
                }
            }
        }
        if (a.reasons() == null || a.openSteps() == null) {
            return "advice without reasons or open steps";
        }
        // the reasons as parts for the UI's texts (issue 18): the triage's limits
        return BoundTriageService.unusableParts(a.reasonParts(), "reason", pluginId);
    }

    /** The path's required steps, phase by phase, as one sequence. */
    private static List<String> order(CarePathDefinition d) {
        List<String> all = new ArrayList<>();
        for (CarePathPhase ph : d.phases()) {
            all.addAll(ph.requiredSteps());
        }
        return all;
    }

    private CarePathStatus status(Prepared p, Answered a) {
        List<CompletedStep> steps = p.steps().stream().map(s -> new CompletedStep(s.step(),
                nl.proeftuin.core.api.dto.Phase.valueOf(s.phase()), s.note(), s.pluginId(), s.at(), s.by())).toList();
        List<Incident> incidents = p.incidents().stream()
                .map(i -> new Incident(i.id(), i.occurredOn(), i.description(), i.at(), i.by())).toList();
        String output = a.answer().fallback() ? null
                : CanonicalJson.sha256(CanonicalJson.write(List.of(a.definition(), a.advice())));
        return new CarePathStatus(p.kase().id(), a.definition(), a.advice(), steps, incidents,
                a.answer().provenance(a.inputDigest(), output, domain.now()), a.answer().fallback(),
                a.answer().fallbackReason());
    }
}
