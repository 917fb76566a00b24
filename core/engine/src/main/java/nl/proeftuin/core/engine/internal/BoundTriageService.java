package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.spi.TriageAssessment;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import nl.proeftuin.core.api.triage.AssessmentInput;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.Provenance;
import nl.proeftuin.core.api.triage.TriageOutcome;
import nl.proeftuin.core.api.triage.TriageService;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.cases.CaseStore;
import nl.proeftuin.core.store.cases.FamilyStore;
import nl.proeftuin.core.store.cases.PlanStore;
import nl.proeftuin.core.store.cases.StoredCase;
import nl.proeftuin.core.store.plugins.AlertStore;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import nl.proeftuin.core.store.triage.StoredAssessment;
import nl.proeftuin.core.store.triage.StoredTriageOutcome;
import nl.proeftuin.core.store.triage.TriageStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triage through the plugin bound for the case's municipality, in three steps that never hold a
 * transaction open while a plugin runs:
 * <ol>
 * <li>read, in one short transaction: the case (it must be open), its family system, the round's
 * assessments and the effective binding, resolved once here and kept to the end of the request;</li>
 * <li>call the plugin on a core thread within the time budget ({@link TimeBoxedPluginCalls});</li>
 * <li>write, in one transaction under the case's row lock: the outcome with its provenance, the
 * alert when the fallback decided, and the event in the case's history.</li>
 * </ol>
 * When no plugin is bound, the bound one is absent, throws, returns nothing usable or overruns, the
 * core's fallback decides ({@code UNDECIDED}, {@link Route#MANUAL_TRIAGE}), an alert is raised and
 * the call still succeeds.
 *
 * <p>A triage opens a <i>round</i>; {@link #assess} adds an assessment to the latest round and asks
 * the bound triage again with the round's facts and all its assessments. Rule names:
 * {@code case-closed}, {@code triage-required}, {@code joint-triage-different-assessors} (one user
 * assessed the round in another role already).
 */
@Component(service = TriageService.class)
public class BoundTriageService implements TriageService {

    /** The plugin id provenance names when the core's fallback decided. */
    static final String FALLBACK_ID = "core-fallback";
    /** The fallback's classification. */
    static final String UNDECIDED = "UNDECIDED";

    /** Alert kinds. */
    static final String UNBOUND = "PLUGIN_UNBOUND";
    static final String ABSENT = "PLUGIN_ABSENT";
    static final String FAILED = "PLUGIN_FAILED";
    static final String TIMEOUT = "PLUGIN_TIMEOUT";

    /** How often an assessment's re-triage is redone when another assessment overtook it. */
    static final int ASSESS_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(BoundTriageService.class);

    private final Domain domain;
    private final TriageStore triages;
    private final AlertStore alerts;
    private final BindingStore bindings;
    private final ServicePluginRegistry registry;
    private final TimeBoxedPluginCalls calls;
    private final Clock clock;
    private final String coreBundle;
    private final String coreVersion;

    /**
     * @param database the platform database
     * @param family   persons (the family system given to the plugin)
     * @param cases    cases and their history
     * @param plans    plans (shown with the case)
     * @param triages  triage outcomes and assessments
     * @param alerts   alerts
     * @param bindings bindings
     * @param registry the plugins present
     * @param calls    the time-boxed plugin calls
     */
    @Activate
    public BoundTriageService(@Reference Database database, @Reference FamilyStore family, @Reference CaseStore cases,
            @Reference PlanStore plans, @Reference TriageStore triages, @Reference AlertStore alerts,
            @Reference BindingStore bindings, @Reference ServicePluginRegistry registry,
            @Reference TimeBoxedPluginCalls calls) {
        this(new Domain(database, family, cases, plans, Clock.systemUTC()), triages, alerts, bindings, registry, calls,
                Clock.systemUTC(), FrameworkUtil.getBundle(BoundTriageService.class));
    }

    BoundTriageService(Domain domain, TriageStore triages, AlertStore alerts, BindingStore bindings,
            ServicePluginRegistry registry, TimeBoxedPluginCalls calls, Clock clock, Bundle self) {
        this.domain = domain;
        this.triages = triages;
        this.alerts = alerts;
        this.bindings = bindings;
        this.registry = registry;
        this.calls = calls;
        this.clock = clock;
        // Outside a framework (unit tests) there is no bundle; the name is still the bundle's.
        this.coreBundle = self == null ? "nl.proeftuin.core.engine" : self.getSymbolicName();
        this.coreVersion = self == null ? "0.0.0" : self.getVersion().toString();
    }

    // --- the service --------------------------------------------------------------------------------

    @Override
    public TriageOutcome triage(Actor actor, String caseId, TriageFacts facts) {
        Check.actor(actor);
        TriageFacts f = validFacts(facts);
        Check.required("caseId", caseId);
        String outcomeId = Domain.newId();
        Prepared p = domain.read(c -> prepare(c, caseId, f, outcomeId, List.of()));
        Decided d = decide(p);
        return domain.write(c -> {
            domain.lockOpen(c, caseId, null);
            return store(c, actor, outcomeId, p, d);
        });
    }

    @Override
    public TriageOutcome assess(Actor actor, String caseId, AssessmentInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String role = Check.text("assessorRole", input.assessorRole(), Check.ID);
        Route recommendation = Check.required("recommendation", input.recommendation());
        String note = Check.text("note", input.note(), Check.LONG_TEXT);
        Check.required("caseId", caseId);
        // The assessment and the outcome that answers it are stored in one transaction, after the plugin
        // ran on the round's assessments with this one added: a failure anywhere leaves neither. Another
        // assessment or a new round may be stored while the plugin runs; the write then sees a round that
        // changed and asks again, so that the latest outcome always answers all assessments (a few
        // attempts, then the last answer stands).
        for (int attempt = 1;; attempt++) {
            String outcomeId = Domain.newId();
            StoredAssessment mine = new StoredAssessment(Domain.newId(), caseId, null, actor.id(),
                    Check.actorName(actor), role, recommendation.name(), note, domain.now());
            Prepared p = domain.read(c -> {
                StoredTriageOutcome latest = latestRound(c, caseId, actor, role);
                List<TriageAssessment> all = new ArrayList<>(assessments(c, caseId, latest.roundId()));
                all.add(assessment(mine));
                return prepare(c, caseId, facts(latest.facts()), latest.roundId(), List.copyOf(all));
            });
            Decided d = decide(p);
            boolean last = attempt == ASSESS_ATTEMPTS;
            TriageOutcome stored = domain.write(c -> {
                domain.lockOpen(c, caseId, null);
                StoredTriageOutcome latest = latestRound(c, caseId, actor, role);
                boolean overtaken = !latest.roundId().equals(p.roundId())
                        || assessments(c, caseId, p.roundId()).size() + 1 != p.request().assessments().size();
                if (overtaken && !last) {
                    return null;
                }
                triages.insertAssessment(c, new StoredAssessment(mine.id(), caseId, latest.roundId(), mine.assessorId(),
                        mine.assessorName(), role, mine.recommendation(), note, mine.at()));
                domain.event(c, caseId, actor,
                        new CaseEvents.TriageAssessed(role, recommendation.name()),
                        "assessment as " + role + " by " + Check.actorName(actor)
                        + ", recommends " + recommendation, note);
                return store(c, actor, outcomeId, p, d);
            });
            if (stored != null) {
                return stored;
            }
        }
    }

    /**
     * The latest triage round of a case, checked for an assessment by the actor in the role: there must be
     * one, and a joint triage that needs several roles is completed by different users, one role each (the
     * same user may revise their own assessment in the same role; living, issue 14 part 7).
     */
    private StoredTriageOutcome latestRound(Connection c, String caseId, Actor actor, String role) throws SQLException {
        StoredTriageOutcome latest = triages.latestOutcome(c, caseId).orElseThrow(() -> new RuleViolationException(
                "triage-required", "case " + caseId + " has not been triaged: triage it before adding an assessment"));
        for (StoredAssessment earlier : triages.assessments(c, caseId, latest.roundId())) {
            if (earlier.assessorId().equals(actor.id()) && !earlier.assessorRole().equalsIgnoreCase(role)) {
                throw new RuleViolationException("joint-triage-different-assessors", Check.actorName(actor)
                        + " assessed this triage round as " + earlier.assessorRole() + " already: each role of a"
                        + " joint triage is assessed by a different person");
            }
        }
        return latest;
    }

    @Override
    public List<TriageOutcome> outcomes(String caseId) {
        return domain.query(c -> {
            domain.existingCase(c, caseId);
            return triages.outcomes(c, caseId).stream().map(BoundTriageService::outcome).toList();
        });
    }

    @Override
    public List<TriageOutcome> pending() {
        return domain.query(c -> triages.pending(c).stream().map(BoundTriageService::outcome).toList());
    }

    @Override
    public List<TriageOutcome> pendingVisibleTo(String professionalId, java.util.Set<String> municipalities) {
        Check.text("professionalId", professionalId, Check.ID);
        return domain.query(c -> triages.pendingVisibleTo(c, professionalId, municipalities, domain.now()).stream()
                .map(BoundTriageService::outcome).toList());
    }

    // --- step 1: read ---------------------------------------------------------------------------------

    /** What a request decides from, read in one transaction; the binding is resolved here, once. */
    private record Prepared(String caseId, String municipality, String roundId, TriageFacts facts, Binding binding,
            TriageRequest request, String inputDigest) {
    }

    private Prepared prepare(Connection c, String caseId, TriageFacts facts, String roundId,
            List<TriageAssessment> assessments) throws SQLException {
        StoredCase k = domain.existingCase(c, caseId);
        if (k.status() == CaseStatus.CLOSED) {
            throw new RuleViolationException("case-closed", "case " + caseId + " is closed (" + k.closedReason()
                    + "): it is not triaged any more");
        }
        List<CaseMember> members = domain.members(c, caseId).stream()
                .map(m -> new CaseMember(m.person(), sorted(m.roles()))).toList();
        Binding binding = Bindings.effective(bindings, c, ExtensionPoint.TRIAGE, k.municipality(), now());
        Map<String, String> configuration = binding == null ? Map.of() : binding.configuration();
        TriageRequest request = new TriageRequest(caseId, k.municipality(), k.signal(), members, facts, assessments,
                configuration);
        return new Prepared(caseId, k.municipality(), roundId, facts, binding, request,
                CanonicalJson.sha256(CanonicalJson.write(request)));
    }

    private List<TriageAssessment> assessments(Connection c, String caseId, String roundId) throws SQLException {
        return triages.assessments(c, caseId, roundId).stream().map(BoundTriageService::assessment).toList();
    }

    private static TriageAssessment assessment(StoredAssessment a) {
        return new TriageAssessment(a.assessorId(), a.assessorName(), a.assessorRole(),
                Route.valueOf(a.recommendation()), a.note(), a.at());
    }

    // --- step 2: call ---------------------------------------------------------------------------------

    /** The decision with who made it; {@code alertKind} and {@code fallbackReason} set when the fallback did. */
    private record Decided(TriageDecision decision, String pluginId, String bundle, String bundleVersion,
            Instant at, String alertKind, String fallbackReason) {
    }

    private Decided decide(Prepared p) {
        Decided d = decideOrFallBack(p);
        if (d.alertKind() != null) {
            calls.countFallback(ExtensionPoint.TRIAGE, p.binding() == null ? null : p.binding().pluginId(), d.alertKind());
        }
        return d;
    }

    private Decided decideOrFallBack(Prepared p) {
        Binding b = p.binding();
        if (b == null) {
            return fallback(UNBOUND, "no triage plugin is bound for " + p.municipality() + " or for the region");
        }
        Optional<ServicePluginRegistry.Plugin<Triage>> found = registry.lookup(ExtensionPoint.TRIAGE, b.pluginId(),
                Triage.class);
        if (found.isEmpty()) {
            return fallback(ABSENT, "the bound triage plugin '" + b.pluginId() + "' is not installed");
        }
        ServicePluginRegistry.Plugin<Triage> plugin = found.get();
        TimeBoxedPluginCalls.Result<TriageDecision> result = calls.call(ExtensionPoint.TRIAGE, b.pluginId(),
                () -> plugin.service().triage(p.request()));
        String who = "the triage plugin '" + b.pluginId() + "' (" + plugin.info().bundle() + " "
                + plugin.info().bundleVersion() + ")";
        if (result instanceof TimeBoxedPluginCalls.Overran<TriageDecision> o) {
            return fallback(TIMEOUT, who + " gave no decision: " + o.detail());
        }
        if (result instanceof TimeBoxedPluginCalls.Threw<TriageDecision> t) {
            LOG.warn("{} failed on case {}; manual triage instead", who, p.caseId(), t.error());
            return fallback(FAILED, who + " failed: " + t.error());
        }
        TriageDecision d = ((TimeBoxedPluginCalls.Returned<TriageDecision>) result).value();
        String unusable = unusable(d, b.pluginId());
        if (unusable != null) {
            return fallback(FAILED, who + " returned " + unusable);
        }
        return new Decided(new TriageDecision(d.classification().strip(), d.route(), d.rationale(),
                d.expertise() == null ? List.of() : List.copyOf(d.expertise()), d.pending(), d.rationaleParts()), b.pluginId(),
                plugin.info().bundle(), plugin.info().bundleVersion(), now(), null, null);
    }

    static final int MAX_CLASSIFICATION = 100;
    static final int MAX_RATIONALE = 10_000;
    static final int MAX_EXPERTISE = 50;
    static final int MAX_EXPERTISE_ENTRY = 200;
    static final int MAX_RATIONALE_PARTS = 100;
    static final int MAX_RATIONALE_KEY = 200;

    /** What is wrong with a plugin's decision, or null when it can be stored. */
    static String unusable(TriageDecision d, String pluginId) {
        if (d == null) {
            return "no decision";
        }
        if (d.classification() == null || d.classification().isBlank()) {
            return "a decision without a classification";
        }
        if (d.route() == null && !d.pending()) {
            return "a decision without a route";
        }
        if (d.rationale() == null || d.rationale().isBlank()) {
            return "a decision without a rationale";
        }
        if (d.expertise() != null && d.expertise().stream().anyMatch(Objects::isNull)) {
            return "a decision with an empty expertise entry";
        }
        // What is stored must fit where it is stored (classification column, the case history's
        // reason): an oversized answer is the plugin's fault and gets the fallback, never a 500.
        if (d.classification().strip().length() > MAX_CLASSIFICATION) {
            return "a classification longer than " + MAX_CLASSIFICATION + " characters";
        }
        if (d.rationale().length() > MAX_RATIONALE) {
            return "a rationale longer than " + MAX_RATIONALE + " characters";
        }
        String parts = unusableParts(d.rationaleParts(), "rationale", pluginId);
        if (parts != null) {
            return parts;
        }
        if (d.expertise() != null && (d.expertise().size() > MAX_EXPERTISE
                || d.expertise().stream().anyMatch(e -> e.length() > MAX_EXPERTISE_ENTRY))) {
            return "more than " + MAX_EXPERTISE + " expertise entries or one longer than " + MAX_EXPERTISE_ENTRY
                    + " characters";
        }
        return null;
    }

    /**
     * What is wrong with a plugin's rationale parts (a triage's rationale, a care path's reasons), or null
     * when they can be kept: at most {@value #MAX_RATIONALE_PARTS}, each with a key of at most
     * {@value #MAX_RATIONALE_KEY} characters, their arguments together at most twice {@value #MAX_RATIONALE}.
     *
     * A key must be the plugin's own ({@code <plugin id>.<name>}): a plugin that spoke in the core's words
     * ({@code core.fallback}: "a person triages this case") or another plugin's would show the family and the
     * professional a sentence that is not what happened.
     *
     * @param what     what the parts are of, for the message ("rationale", "reason")
     * @param pluginId the plugin that gave them
     */
    static String unusableParts(List<RationalePart> parts, String what, String pluginId) {
        if (parts.size() > MAX_RATIONALE_PARTS || parts.stream().anyMatch(p -> p == null
                || p.key().isBlank() || p.key().length() > MAX_RATIONALE_KEY)) {
            return "more than " + MAX_RATIONALE_PARTS + " " + what + " parts, or one without a key or with a key longer"
                    + " than " + MAX_RATIONALE_KEY + " characters";
        }
        if (parts.stream().anyMatch(p -> !p.key().startsWith(pluginId + "."))) {
            return what + " parts with a key that is not the plugin's own (" + pluginId + ".<name>)";
        }
        if (parts.stream().mapToLong(p -> p.arguments().entrySet().stream()
                .mapToLong(e -> e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length())).sum())
                .sum() > 2L * MAX_RATIONALE) {
            return what + " parts whose arguments hold more than " + 2 * MAX_RATIONALE + " characters";
        }
        return null;
    }

    private Decided fallback(String kind, String why) {
        String reason = BoundCall.reason(why);
        TriageDecision d = new TriageDecision(UNDECIDED, Route.MANUAL_TRIAGE, "No triage decision was made automatically"
                + " because " + reason + ". A person must triage this case (manual triage).", List.of(), false,
                List.of(new RationalePart("core.fallback", Map.of("reason", reason))));
        return new Decided(d, FALLBACK_ID, coreBundle, coreVersion, now(), kind, reason);
    }

    // --- step 3: write ----------------------------------------------------------------------------------

    private TriageOutcome store(Connection c, Actor actor, String outcomeId, Prepared p, Decided d)
            throws SQLException {
        Binding b = p.binding();
        String decisionJson = CanonicalJson.write(d.decision());
        StoredTriageOutcome o = new StoredTriageOutcome(outcomeId, p.caseId(), p.roundId(),
                CanonicalJson.write(p.facts()), decisionJson, d.decision().pending(), d.decision().classification(),
                Objects.toString(d.decision().route(), null),
                d.pluginId(), d.bundle(), d.bundleVersion(), b == null ? null : b.configurationHash(),
                b == null ? 0 : b.revision(), p.inputDigest(), CanonicalJson.sha256(decisionJson), d.at(),
                d.alertKind() != null, d.fallbackReason(), domain.now(), actor.id());
        triages.insertOutcome(c, o);
        if (d.alertKind() != null) {
            alerts.insert(c, new StoredAlert(Domain.newId(), d.alertKind(), ExtensionPoint.TRIAGE.name(),
                    p.municipality(), b == null ? null : b.pluginId(), p.caseId(),
                    "Triage of case " + p.caseId() + " fell back to manual triage: " + d.fallbackReason() + ".",
                    domain.now()));
        }
        TriageDecision x = d.decision();
        if (d.alertKind() != null) {
            domain.event(c, p.caseId(), actor, new CaseEvents.TriageFallback(d.pluginId()),
                    "manual triage needed: " + d.fallbackReason(), null);
        } else if (x.pending()) {
            domain.event(c, p.caseId(), actor, new CaseEvents.TriagePending(d.pluginId(),
                    d.bundleVersion(), String.valueOf(x.classification())),
                    "triage by " + d.pluginId() + " " + d.bundleVersion()
                    + " waits for more assessments (" + x.classification() + ")", x.rationale());
        } else {
            domain.event(c, p.caseId(), actor, new CaseEvents.Triaged(d.pluginId(), d.bundleVersion(),
                    String.valueOf(x.classification()), String.valueOf(x.route())),
                    "triage by " + d.pluginId() + " " + d.bundleVersion() + ": "
                    + x.classification() + ", route " + x.route(), x.rationale());
        }
        return outcome(o);
    }

    // --- conversions and validation -----------------------------------------------------------------------

    static TriageOutcome outcome(StoredTriageOutcome o) {
        return new TriageOutcome(o.id(), o.caseId(), facts(o.facts()), CanonicalJson.read(o.decision(), TriageDecision.class),
                new Provenance(o.pluginId(), o.bundle(), o.bundleVersion(), o.configurationHash(), o.bindingRevision(),
                        o.inputDigest(), o.outputDigest(), o.decidedAt()),
                o.fallback(), o.fallbackReason(), o.at(), o.by());
    }

    static TriageFacts facts(String json) {
        TriageFacts f = CanonicalJson.read(json, TriageFacts.class);
        return new TriageFacts(sorted(f.problemDomains()), f.safetyConcern(), f.repeatedViolence(),
                f.earlierHelpWithoutResult(), sorted(f.parentalProblems()));
    }

    /**
     * Valid facts with their sets sorted (enums by declaration, strings alphabetically), so that the
     * request's canonical JSON and its digest depend on the facts, not on a set's iteration order.
     */
    static TriageFacts validFacts(TriageFacts facts) {
        Check.required("facts", facts);
        Set<LifeDomain> domains = Check.required("facts.problemDomains", facts.problemDomains());
        if (domains.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("facts.problemDomains", "contains an empty entry");
        }
        Check.required("facts.safetyConcern", facts.safetyConcern());
        TreeSet<String> parental = new TreeSet<>();
        if (facts.parentalProblems() != null) {
            for (String s : facts.parentalProblems()) {
                parental.add(Check.text("facts.parentalProblems", s, Check.ID));
            }
        }
        return new TriageFacts(sorted(domains), facts.safetyConcern(), facts.repeatedViolence(),
                facts.earlierHelpWithoutResult(), Collections.unmodifiableSortedSet(parental));
    }

    static <T extends Comparable<? super T>> SortedSet<T> sorted(Set<T> values) {
        return Collections.unmodifiableSortedSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
