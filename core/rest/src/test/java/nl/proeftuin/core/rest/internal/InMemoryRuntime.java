package nl.proeftuin.core.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.triage.AssessmentInput;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.api.plugins.Provenance;
import nl.proeftuin.core.api.triage.TriageOutcome;
import nl.proeftuin.core.api.triage.TriageService;

/**
 * A small, real, in-memory plugin runtime and triage service for driving the API in unit tests: it
 * keeps bindings and their history, refuses absent plugins, falls back to manual triage when no
 * triage is bound (with an alert), and raises the API's exceptions the way the contract says. The
 * engine's implementation and its rules are proven by the engine's own tests.
 */
final class InMemoryRuntime implements PluginRuntime, TriageService {
    /** A plugin "triage" answering by the safety concern; {@code joint-triage} waits for two assessments. */
    static final String SIMPLE = "simple-triage";
    static final String JOINT = "joint-triage";

    final List<PluginInfo> present = new ArrayList<>(List.of(
            new PluginInfo(SIMPLE, ExtensionPoint.TRIAGE, "nl.proeftuin.plugins.triage.simple", "1.0.0", 41),
            new PluginInfo(JOINT, ExtensionPoint.TRIAGE, "nl.proeftuin.plugins.triage.joint", "1.2.0", 42,
                    new nl.proeftuin.core.api.plugins.ConfigurationSchema(JOINT, "Joint triage", "Two assessments",
                            List.of(new nl.proeftuin.core.api.plugins.ConfigurationKey("threshold", "Integer", "2",
                                    "Threshold", "Assessments needed", "1", null, List.of()),
                                    new nl.proeftuin.core.api.plugins.ConfigurationKey("onDisagreement", "String",
                                            "escalate", "On disagreement", null, null, null, List.of(
                                                    new nl.proeftuin.core.api.plugins.ConfigurationOption("escalate",
                                                            "Escalate"),
                                                    new nl.proeftuin.core.api.plugins.ConfigurationOption("manual",
                                                            "Manual"))))))));
    /** Cases the triage service knows; others are 404. */
    final Set<String> cases = new java.util.HashSet<>(Set.of("c1", "c2"));
    private final Map<String, Binding> bindings = new TreeMap<>();
    private final List<BindingChange> history = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final Map<String, List<TriageOutcome>> outcomes = new LinkedHashMap<>();
    private final Map<String, List<AssessmentInput>> assessments = new LinkedHashMap<>();
    Actor lastActor;
    ExtensionPoint lastPoint;
    String lastMunicipality;
    Integer lastLimit;

    private static String key(ExtensionPoint point, String municipality) {
        return point + "/" + (municipality == null ? "" : municipality);
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.copyOf(present);
    }

    @Override
    public List<Binding> bindings() {
        return List.copyOf(bindings.values());
    }

    @Override
    public Binding effectiveBinding(ExtensionPoint point, String municipality) {
        lastPoint = point;
        lastMunicipality = municipality;
        Binding own = municipality == null ? null : bindings.get(key(point, municipality));
        return own != null ? own : bindings.get(key(point, null));
    }

    @Override
    public Binding bind(Actor actor, ExtensionPoint point, String municipality, BindingInput input) {
        lastActor = actor;
        if (input.pluginId() == null || input.pluginId().isBlank()) {
            throw new InvalidInputException("pluginId", "is required");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw new InvalidInputException("reason", "is required");
        }
        if (present.stream().noneMatch(p -> p.point() == point && p.pluginId().equals(input.pluginId()))) {
            throw new RuleViolationException("plugin-not-present", input.pluginId() + " does not serve " + point);
        }
        Map<String, String> configuration = input.configuration() == null ? Map.of() : Map.copyOf(input.configuration());
        // as the engine does with a plugin's declared configuration: an unknown key is refused, named
        present.stream().filter(p -> p.pluginId().equals(input.pluginId()) && p.configuration() != null).findFirst()
                .ifPresent(p -> configuration.keySet().stream()
                        .filter(k -> p.configuration().keys().stream().noneMatch(d -> d.key().equals(k))).findFirst()
                        .ifPresent(k -> {
                            throw new InvalidInputException("configuration." + k, "is not a configuration key of plugin '"
                                    + p.pluginId() + "'");
                        }));
        Binding old = bindings.get(key(point, municipality));
        expect(point, municipality, input.expectedRevision());
        Binding binding = new Binding(point, municipality, input.pluginId(), configuration,
                Integer.toHexString(new TreeMap<>(configuration).hashCode()), old == null ? 1 : old.revision() + 1,
                Instant.parse("2026-03-01T10:00:00Z"), actor.id(), input.reason());
        bindings.put(key(point, municipality), binding);
        record(point, municipality, old, binding, actor, input.reason());
        return binding;
    }

    @Override
    public void unbind(Actor actor, ExtensionPoint point, String municipality, String reason) {
        unbind(actor, point, municipality, reason, null);
    }

    /** As the engine: an expected revision other than the scope's now is refused (switches). */
    private void expect(ExtensionPoint point, String municipality, Long expected) {
        Binding b = bindings.get(key(point, municipality));
        long current = b == null ? 0 : b.revision();
        if (expected != null && expected != current) {
            throw new nl.proeftuin.core.api.plugins.BindingChangedException(expected, current, point.name());
        }
    }

    // --- planned switches (switches): kept, never applied (the engine's tests cover taking effect)
    final List<nl.proeftuin.core.api.plugins.PlannedSwitch> switches = new ArrayList<>();

    @Override
    public List<nl.proeftuin.core.api.plugins.PlannedSwitch> planSwitch(Actor actor, ExtensionPoint point,
            nl.proeftuin.core.api.plugins.SwitchInput input) {
        lastActor = actor;
        if (input.from() == null) {
            throw new InvalidInputException("from", "is required");
        }
        expect(point, input.municipality(), input.expectedRevision());
        var s = new nl.proeftuin.core.api.plugins.PlannedSwitch(100 + switches.size(), point, input.municipality(),
                input.pluginId(), input.configuration(), "h", input.from(), "PLANNED",
                Instant.parse("2026-03-01T10:00:00Z"), actor.id(), input.reason(), null, null, null);
        switches.add(s);
        return List.of(s);
    }

    @Override
    public List<nl.proeftuin.core.api.plugins.PlannedSwitch> switches(ExtensionPoint point) {
        return switches.stream().filter(s -> point == null || s.point() == point).toList();
    }

    @Override
    public nl.proeftuin.core.api.plugins.PlannedSwitch cancelSwitch(Actor actor, long id, String reason) {
        var s = switches.stream().filter(x -> x.id() == id).findFirst().orElseThrow(() -> new NotFoundException(
                "switch " + id));
        if (!"PLANNED".equals(s.state())) {
            throw new RuleViolationException("switch-not-planned", "switch " + id + " was " + s.state());
        }
        var cancelled = new nl.proeftuin.core.api.plugins.PlannedSwitch(s.id(), s.point(), s.municipality(),
                s.pluginId(), s.configuration(), s.configurationHash(), s.effectiveAt(), "CANCELLED", s.plannedAt(),
                s.plannedBy(), s.reason(), Instant.parse("2026-03-01T11:00:00Z"), actor.id(), reason);
        switches.set(switches.indexOf(s), cancelled);
        return cancelled;
    }

    @Override
    public void unbind(Actor actor, ExtensionPoint point, String municipality, String reason, Long expectedRevision) {
        lastActor = actor;
        expect(point, municipality, expectedRevision);
        Binding old = bindings.get(key(point, municipality));
        if (old == null) {
            throw new NotFoundException("No binding of " + point + " for " + (municipality == null ? "the region" : municipality));
        }
        bindings.remove(key(point, municipality));
        record(point, municipality, old, null, actor, reason);
    }

    private void record(ExtensionPoint point, String municipality, Binding old, Binding now, Actor actor, String reason) {
        history.add(0, new BindingChange(history.size() + 1, point, municipality,
                old == null ? null : old.pluginId(), old == null ? null : old.configuration(),
                now == null ? null : now.pluginId(), now == null ? null : now.configuration(),
                Instant.parse("2026-03-01T10:00:00Z"), actor.id(), reason));
    }

    @Override
    public nl.proeftuin.core.api.plugins.ConfigurationDocument exportConfiguration(Actor actor) {
        lastActor = actor;
        return new nl.proeftuin.core.api.plugins.ConfigurationDocument(1, Instant.parse("2026-03-01T10:00:00Z"),
                actor.id(), bindings.values().stream().map(b -> new nl.proeftuin.core.api.plugins.ConfiguredBinding(
                        b.point().name(), b.municipality(), b.pluginId(), present.stream()
                                .filter(p -> p.pluginId().equals(b.pluginId())).map(PluginInfo::bundleVersion)
                                .findFirst().orElse(null), b.configuration())).toList());
    }

    /** As the engine: every entry checked first (here: the point and the plugin present), all or nothing. */
    @Override
    public nl.proeftuin.core.api.plugins.ConfigurationImport importConfiguration(Actor actor,
            nl.proeftuin.core.api.plugins.ConfigurationDocument document, String reason, boolean dryRun) {
        lastActor = actor;
        if (document.version() != 1) {
            throw new InvalidInputException("version", "document version " + document.version() + " is unknown here");
        }
        if (!dryRun && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "is required");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < document.bindings().size(); i++) {
            var b = document.bindings().get(i);
            if (present.stream().noneMatch(p -> p.point().name().equals(b.point()) && p.pluginId().equals(b.pluginId()))) {
                problems.add("bindings[" + i + "].pluginId: no plugin '" + b.pluginId() + "' is installed for "
                        + b.point() + " here");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() == 1 ? problems.get(0).split(": ")[0] : "bindings",
                    "the document is refused and nothing is applied: " + String.join("; ", problems));
        }
        List<nl.proeftuin.core.api.plugins.ConfigurationDifference> differences = new ArrayList<>();
        Map<String, Binding> left = new LinkedHashMap<>(bindings);
        for (var b : document.bindings()) {
            ExtensionPoint point = ExtensionPoint.valueOf(b.point());
            Binding old = left.remove(key(point, b.municipality()));
            Map<String, String> configuration = b.configuration() == null ? Map.of() : b.configuration();
            if (old == null || !old.pluginId().equals(b.pluginId()) || !old.configuration().equals(configuration)) {
                differences.add(new nl.proeftuin.core.api.plugins.ConfigurationDifference(old == null
                        ? nl.proeftuin.core.api.plugins.ConfigurationDifference.Change.ADDED
                        : nl.proeftuin.core.api.plugins.ConfigurationDifference.Change.CHANGED, point, b.municipality(),
                        old == null ? null : old.pluginId(), old == null ? null : old.configuration(), b.pluginId(),
                        configuration));
            }
        }
        for (Binding old : left.values()) {
            differences.add(new nl.proeftuin.core.api.plugins.ConfigurationDifference(
                    nl.proeftuin.core.api.plugins.ConfigurationDifference.Change.REMOVED, old.point(), old.municipality(),
                    old.pluginId(), old.configuration(), null, null));
        }
        if (!dryRun) {
            for (var d : differences) {
                if (d.newPluginId() == null) {
                    unbind(actor, d.point(), d.municipality(), reason);
                } else {
                    bind(actor, d.point(), d.municipality(), new BindingInput(d.newPluginId(), d.newConfiguration(), reason));
                }
            }
        }
        return new nl.proeftuin.core.api.plugins.ConfigurationImport(dryRun, differences,
                document.bindings().size() - (int) differences.stream().filter(d -> d.newPluginId() != null).count());
    }

    @Override
    public List<BindingChange> history(ExtensionPoint point) {
        lastPoint = point;
        return history.stream().filter(c -> point == null || c.point() == point).toList();
    }

    /** The alerts this runtime answers with (a test adds its own). */
    List<Alert> alerts() {
        return alerts;
    }

    @Override
    public List<Alert> alerts(int limit) {
        return alerts(null, limit);
    }

    @Override
    public List<Alert> alerts(java.util.Set<String> municipalities, int limit) {
        lastLimit = limit;
        return alerts.stream().filter(a -> municipalities == null || a.municipality() == null
                || municipalities.stream().anyMatch(m -> m.equalsIgnoreCase(a.municipality()))).limit(limit).toList();
    }

    @Override
    public TriageOutcome triage(Actor actor, String caseId, TriageFacts facts) {
        lastActor = actor;
        known(caseId);
        if (facts.safetyConcern() == null) {
            throw new InvalidInputException("safetyConcern", "is required");
        }
        assessments.remove(caseId);
        return decide(actor, caseId, facts);
    }

    @Override
    public TriageOutcome assess(Actor actor, String caseId, AssessmentInput input) {
        lastActor = actor;
        known(caseId);
        List<TriageOutcome> earlier = outcomes.get(caseId);
        if (earlier == null) {
            throw new RuleViolationException("triage-required", "Case " + caseId + " was never triaged");
        }
        assessments.computeIfAbsent(caseId, c -> new ArrayList<>()).add(input);
        return decide(actor, caseId, earlier.get(earlier.size() - 1).facts());
    }

    private TriageOutcome decide(Actor actor, String caseId, TriageFacts facts) {
        Binding binding = effectiveBinding(ExtensionPoint.TRIAGE, "Arnhem");
        Instant at = Instant.parse("2026-03-01T10:00:00Z").plusSeconds(outcomes.values().stream().mapToInt(List::size).sum());
        TriageOutcome outcome;
        if (binding == null) {
            alerts.add(0, new Alert("a" + (alerts.size() + 1), "PLUGIN_ABSENT", ExtensionPoint.TRIAGE, "Arnhem", null,
                    caseId, "No triage bound: routed to manual triage", at));
            outcome = new TriageOutcome("t" + at.getEpochSecond(), caseId, facts,
                    new TriageDecision("UNKNOWN", Route.MANUAL_TRIAGE, "No triage bound", List.of(), false),
                    new Provenance("core-fallback", "nl.proeftuin.core.engine", "0.1.0", null, 0, "in", "out", at),
                    true, "absent", at, actor.id());
        } else {
            TriageDecision decision;
            List<AssessmentInput> given = assessments.getOrDefault(caseId, List.of());
            if (JOINT.equals(binding.pluginId()) && given.size() < 2) {
                decision = new TriageDecision("PENDING", null, given.size() + " of 2 assessments", List.of(), true);
            } else if (JOINT.equals(binding.pluginId())) {
                decision = new TriageDecision("MEERVOUDIG_COMPLEX", given.get(1).recommendation(), "joint", List.of(), false);
            } else {
                boolean serious = facts.safetyConcern().compareTo(SafetyConcern.SERIOUS) >= 0;
                decision = new TriageDecision(serious ? "COMPLEX" : "ENKELVOUDIG",
                        serious ? Route.REGIONAL_SAFETY_TEAM : Route.LOCAL_TEAM, "safety concern " + facts.safetyConcern(),
                        List.of(), false);
            }
            PluginInfo plugin = present.stream().filter(p -> p.pluginId().equals(binding.pluginId())).findFirst().orElseThrow();
            outcome = new TriageOutcome("t" + at.getEpochSecond(), caseId, facts, decision,
                    new Provenance(plugin.pluginId(), plugin.bundle(), plugin.bundleVersion(), binding.configurationHash(),
                            binding.revision(), "in", "out", at),
                    false, null, at, actor.id());
        }
        outcomes.computeIfAbsent(caseId, c -> new ArrayList<>()).add(outcome);
        return outcome;
    }

    private void known(String caseId) {
        if (!cases.contains(caseId)) {
            throw new NotFoundException("No case " + caseId);
        }
    }

    @Override
    public List<TriageOutcome> outcomes(String caseId) {
        known(caseId);
        return List.copyOf(outcomes.getOrDefault(caseId, List.of()));
    }

    @Override
    public List<TriageOutcome> pending() {
        return outcomes.values().stream().map(list -> list.get(list.size() - 1))
                .filter(o -> o.decision().pending()).sorted(Comparator.comparing(TriageOutcome::at)).toList();
    }

    /** The in-memory runtime knows no teams: every pending triage, for the guard to decide on. */
    @Override
    public List<TriageOutcome> pendingVisibleTo(String professionalId, java.util.Set<String> municipalities) {
        return pending();
    }

    /** Test helper: no decision without a case. */
    boolean hasOutcomes(String caseId) {
        return !Objects.requireNonNullElse(outcomes.get(caseId), List.of()).isEmpty();
    }
}
