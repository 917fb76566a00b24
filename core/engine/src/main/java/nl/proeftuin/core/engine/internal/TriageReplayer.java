package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.triage.ReplayCell;
import nl.proeftuin.core.api.triage.ReplayInput;
import nl.proeftuin.core.api.triage.ReplayResult;
import nl.proeftuin.core.api.triage.TriageReplay;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.spi.TriageAssessment;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageRequest;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.triage.StoredTriageOutcome;
import nl.proeftuin.core.store.triage.TriageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replays a candidate triage over a cohort's stored triage facts (switches, issue 15 part 4,
 * decision 0031): for every case of the cohort, its latest triage outcome decided in the period is
 * asked again of the candidate, with the facts and the round's assessments that outcome was decided
 * from, the case's signal and today's family system, and the candidate's configuration. The plugin is
 * called exactly as live triage calls it ({@link TimeBoxedPluginCalls}: a core thread, the same time
 * budget); a failure, overrun or unusable answer counts as {@code MANUAL_TRIAGE}, as live triage
 * falls back. Nothing is written: one read transaction, then the calls.
 *
 * <p>A decision, for the table, is its route ({@code PENDING} while it waited for assessments). Rule
 * names: {@code plugin-not-present}, {@code cohort-too-large}.
 */
@Component(service = TriageReplay.class)
public class TriageReplayer implements TriageReplay {

    /** Most cases one replay asks. */
    static final int MAX_CASES = 10_000;
    /** The zone the cohort's days are in. */
    static final String PENDING = "PENDING";

    private final Domain domain;
    private final TriageStore triages;
    private final MunicipalityStore municipalities;
    private final ServicePluginRegistry registry;
    private final TimeBoxedPluginCalls calls;

    @Activate
    public TriageReplayer(@Reference Database database, @Reference FamilyStore family, @Reference CaseStore cases,
            @Reference PlanStore plans, @Reference TriageStore triages, @Reference MunicipalityStore municipalities,
            @Reference ServicePluginRegistry registry, @Reference TimeBoxedPluginCalls calls) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), triages, municipalities, registry, calls);
    }

    TriageReplayer(Domain domain, TriageStore triages, MunicipalityStore municipalities, ServicePluginRegistry registry,
            TimeBoxedPluginCalls calls) {
        this.domain = domain;
        this.triages = triages;
        this.municipalities = municipalities;
        this.registry = registry;
        this.calls = calls;
    }

    /** What one stored decision is asked again from. */
    private record Replayed(String oldDecision, TriageRequest request) {
    }

    @Override
    public ReplayResult replay(Actor actor, ReplayInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String pluginId = Bindings.pluginId(input.pluginId());
        Map<String, String> configuration = Bindings.configuration(input.configuration());
        LocalDate from = Check.required("from", input.from());
        LocalDate to = Check.required("to", input.to());
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "lies before from");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException("to", "lies more than ten years after from");
        }
        Bindings.municipality(input.municipality());
        StoredPluginRuntime.present(registry, ExtensionPoint.TRIAGE, pluginId);
        String municipality = domain.read(c -> Municipalities.optional(municipalities, c, "municipality",
                input.municipality()));
        StoredPluginRuntime.checkConfiguration(registry, ExtensionPoint.TRIAGE, municipality, pluginId, configuration);
        ServicePluginRegistry.Plugin<Triage> plugin = registry.lookup(ExtensionPoint.TRIAGE, pluginId, Triage.class)
                .orElseThrow(() -> new RuleViolationException("plugin-not-present", "the triage plugin '" + pluginId
                        + "' went away; install its feature first"));
        Map<String, String> config = java.util.Collections.unmodifiableMap(new TreeMap<>(configuration));

        List<Replayed> cohort = domain.read(c -> {
            List<StoredTriageOutcome> outcomes = triages.cohort(c, from.atStartOfDay(DutchDay.ZONE).toInstant(),
                    to.plusDays(1).atStartOfDay(DutchDay.ZONE).toInstant(), municipality, MAX_CASES + 1);
            if (outcomes.size() > MAX_CASES) {
                throw new RuleViolationException("cohort-too-large", "the cohort has more than " + MAX_CASES
                        + " triaged cases: choose a shorter period or one municipality");
            }
            List<Replayed> out = new ArrayList<>(outcomes.size());
            for (StoredTriageOutcome o : outcomes) {
                StoredCase k = domain.existingCase(c, o.caseId());
                List<CaseMember> members = domain.members(c, o.caseId()).stream()
                        .map(m -> new CaseMember(m.person(), BoundTriageService.sorted(m.roles()))).toList();
                List<TriageAssessment> assessments = triages.assessments(c, o.caseId(), o.roundId()).stream()
                        .filter(a -> !a.at().isAfter(o.decidedAt()))
                        .map(a -> new TriageAssessment(a.assessorId(), a.assessorName(), a.assessorRole(),
                                Route.valueOf(a.recommendation()), a.note(), a.at()))
                        .toList();
                out.add(new Replayed(label(o.pending(), o.route()), new TriageRequest(o.caseId(), k.municipality(),
                        k.signal(), members, BoundTriageService.facts(o.facts()), assessments, config)));
            }
            return out;
        });

        Map<String, Map<String, Integer>> table = new TreeMap<>();
        int differing = 0;
        int failed = 0;
        for (Replayed r : cohort) {
            TimeBoxedPluginCalls.Result<TriageDecision> result = calls.call(ExtensionPoint.TRIAGE, pluginId,
                    () -> plugin.service().triage(r.request()));
            String now;
            if (result instanceof TimeBoxedPluginCalls.Returned<TriageDecision> x
                    && BoundTriageService.unusable(x.value(), pluginId) == null) {
                now = label(x.value().pending(), x.value().route() == null ? null : x.value().route().name());
            } else {
                failed++;
                now = Route.MANUAL_TRIAGE.name();
            }
            if (!now.equals(r.oldDecision())) {
                differing++;
            }
            table.computeIfAbsent(r.oldDecision(), k -> new TreeMap<>()).merge(now, 1, Integer::sum);
        }
        List<ReplayCell> cells = new ArrayList<>();
        table.forEach((old, row) -> row.forEach((now, n) -> cells.add(new ReplayCell(old, now, n))));
        cells.sort(Comparator.comparing(ReplayCell::oldDecision).thenComparing(ReplayCell::newDecision));
        String hash = CanonicalJson.sha256(CanonicalJson.write(new TreeMap<>(configuration)));
        return new ReplayResult(pluginId, plugin.info().bundleVersion(), hash, from, to, municipality, cohort.size(),
                differing, failed, List.copyOf(cells));
    }

    /** A decision for the table: its route, or {@link #PENDING}. */
    static String label(boolean pending, String route) {
        return pending ? PENDING : Optional.ofNullable(route).orElse(Route.MANUAL_TRIAGE.name());
    }
}
