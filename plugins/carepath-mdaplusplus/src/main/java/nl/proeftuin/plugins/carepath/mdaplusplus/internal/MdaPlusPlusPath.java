package nl.proeftuin.plugins.carepath.mdaplusplus.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.spi.CarePath;
import nl.proeftuin.core.spi.CarePathAdvice;
import nl.proeftuin.core.spi.CarePathDefinition;
import nl.proeftuin.core.spi.CarePathPhase;
import nl.proeftuin.core.spi.CarePathRequest;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.TriageFacts;
import org.osgi.service.component.annotations.Component;

/**
 * The MDA++ path (<i>Multidisciplinaire Aanpak ++</i>) for families with severe, recurring violence:
 * a core team of organisations the region names holds <i>casusregie</i> across all life domains and
 * works in three phases, acute safety, risk-driven care ({@link Phase#STABILISATION}) and recovery.
 * It slows down: the joint {@value #ANALYSIS} comes before every intervention, and the core enforces
 * it because the steps are required in the order {@link #definition} lists them. A repeat incident
 * sends the case back (see {@link MdaPlusPlusCriteria} for every key and what it does).
 *
 * <p>Everything follows from the request and the binding's configuration; the reasons name every
 * criterion that held or failed, so a coordinator can always show why a family is, or is not, on the
 * path and why it may or may not move on. Each reason is given twice: as English text ({@code reasons})
 * and as a {@link RationalePart} with the key {@code carepath-mdaplusplus.<name>} ({@code reasonParts},
 * in the same order), which the UI shows in the user's language (core/web's {@code rationale.<key>} texts).
 */
@Component(service = CarePath.class)
@PluginId(MdaPlusPlusPath.ID)
@PluginConfiguration(MdaPlusPlusPath.ID)
public final class MdaPlusPlusPath implements CarePath {

    static final String ID = "carepath-mdaplusplus";
    static final String NAME = "MDA++";

    // Step ids: stable across versions (the core stores completed steps by id).
    static final String SAFETY_ASSESSMENT = "safety-assessment";
    static final String SAFETY_PLAN = "safety-plan";
    static final String ANALYSIS = "analysis";
    static final String RISK_PLAN = "risk-plan";
    static final String RISK_INTERVENTIONS = "risk-interventions";
    static final String TRAUMA_TREATMENT = "trauma-treatment";
    static final String RELAPSE_PREVENTION = "relapse-prevention";

    /** The phases in order; the analysis opens risk-driven care, before any intervention. */
    static final List<Phase> PHASES = List.of(Phase.ACUTE_SAFETY, Phase.STABILISATION, Phase.RECOVERY);

    static List<String> stepsOf(Phase phase) {
        return switch (phase) {
            case ACUTE_SAFETY -> List.of(SAFETY_ASSESSMENT, SAFETY_PLAN);
            case STABILISATION -> List.of(ANALYSIS, RISK_PLAN, RISK_INTERVENTIONS);
            case RECOVERY -> List.of(TRAUMA_TREATMENT, RELAPSE_PREVENTION);
        };
    }

    /** Every required step in the path's order. */
    static final List<String> ALL_STEPS = PHASES.stream().flatMap(p -> stepsOf(p).stream()).toList();

    @Override
    public CarePathDefinition definition(Map<String, String> configuration) {
        MdaPlusPlusCriteria c = MdaPlusPlusCriteria.from(configuration);
        List<String> entry = new ArrayList<>();
        if (c.requireRepeatedViolence()) {
            entry.add("Severe, recurring violence: violence happened before.");
        }
        if (c.minProblemDomains() > 0) {
            entry.add("Problems in at least " + c.minProblemDomains() + " life domains.");
        }
        if (c.requireEarlierHelp()) {
            entry.add("Earlier help brought no breakthrough.");
        }
        if (c.minSafetyConcern() != null) {
            entry.add("A safety concern that is at least " + word(c.minSafetyConcern()) + ".");
        }
        entry.add("On the path, the core team (" + String.join(", ", c.coreTeam()) + ") holds casusregie across"
                + " all life domains: one holder for the whole family, the same faces throughout.");

        String casusregie = "One member of the team holds casusregie across all life domains.";
        String incidents = c.escalateAfter() == 0 ? null
                : "Fewer than " + c.escalateAfter() + " repeat incident(s) recorded since entry (a repeat incident"
                        + " in a later phase sends the case back to " + phaseName(c.returnTo()) + ").";
        List<CarePathPhase> phases = new ArrayList<>();
        for (Phase p : PHASES) {
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            switch (p) {
                case ACUTE_SAFETY -> {
                    in.add("The case meets the MDA++ entry criteria and the core team has taken it on.");
                    if (c.escalateAfter() > 0 && c.returnTo() == Phase.ACUTE_SAFETY) {
                        in.add("Or: a repeat incident in a later phase.");
                    }
                    out.add("The core team has assessed safety together (" + SAFETY_ASSESSMENT + ") and made"
                            + " safety agreements with the family so that the violence stops now (" + SAFETY_PLAN + ").");
                }
                case STABILISATION -> {
                    in.add("Acute safety is established: the exit criteria of acute safety hold.");
                    if (c.escalateAfter() > 0 && c.returnTo() == Phase.STABILISATION) {
                        in.add("Or: a repeat incident during recovery.");
                    }
                    out.add("Slow down: the core team first analyses the family system together (" + ANALYSIS
                            + ": risk factors across all life domains and patterns across generations), and only"
                            + " then plans (" + RISK_PLAN + ") and starts the risk-reducing interventions ("
                            + RISK_INTERVENTIONS + ").");
                }
                case RECOVERY -> {
                    in.add("The risk factors are reduced: the exit criteria of risk-driven care hold.");
                    out.add("Trauma-focused help for children and parents (" + TRAUMA_TREATMENT + ") and a"
                            + " relapse-prevention plan with the family and its network (" + RELAPSE_PREVENTION
                            + "); then the path ends.");
                }
                default -> throw new IllegalStateException("no MDA++ phase " + p);
            }
            if (c.casusregieRequired()) {
                out.add(casusregie);
            }
            if (incidents != null) {
                out.add(incidents);
            }
            phases.add(new CarePathPhase(p, List.copyOf(in), List.copyOf(out), stepsOf(p)));
        }
        return new CarePathDefinition(NAME, List.copyOf(entry), c.coreTeam(), List.copyOf(phases));
    }

    @Override
    public CarePathAdvice advise(CarePathRequest request) {
        // Read the configuration first: an unusable one must fail every call, not only some.
        MdaPlusPlusCriteria c = MdaPlusPlusCriteria.from(request.configuration());
        CaseView kase = request.kase();
        if (kase == null || kase.phase() == null) {
            throw new IllegalArgumentException(ID + ": the request has no case, or the case has no phase");
        }
        if (request.incidents() < 0) {
            throw new IllegalArgumentException(ID + ": incidents must not be negative, not " + request.incidents());
        }
        List<String> reasons = new ArrayList<>();
        List<RationalePart> parts = new ArrayList<>();

        boolean eligible = eligible(c, request.facts(), reasons, parts);

        Set<String> done = new LinkedHashSet<>(request.completedSteps() == null ? List.of() : request.completedSteps());
        List<String> open = ALL_STEPS.stream().filter(s -> !done.contains(s)).toList();
        List<String> foreign = done.stream().filter(s -> !ALL_STEPS.contains(s)).sorted().toList();
        if (!foreign.isEmpty()) {
            reasons.add("Steps that are not part of MDA++ are ignored: " + String.join(", ", foreign) + ".");
            parts.add(new RationalePart("carepath-mdaplusplus.foreignSteps", Map.of("steps", String.join(", ", foreign))));
        }

        Assignment regie = kase.team() == null ? null
                : kase.team().stream().filter(a -> a.casusregie() && a.active()).findFirst().orElse(null);
        if (regie != null) {
            boolean noOrganisation = regie.organisation() == null || regie.organisation().isBlank();
            reasons.add("Casusregie across all life domains: held by " + regie.name()
                    + (noOrganisation ? "" : " (" + regie.organisation() + ")") + ".");
            String holder = regie.name() == null || regie.name().isBlank() ? "—" : regie.name().strip();
            parts.add(noOrganisation ? new RationalePart("carepath-mdaplusplus.casusregie.held", Map.of("name", holder))
                    : new RationalePart("carepath-mdaplusplus.casusregie.heldWithOrganisation",
                            Map.of("name", holder, "organisation", regie.organisation().strip())));
        } else if (c.casusregieRequired()) {
            reasons.add("Casusregie: nobody holds it yet; the core team appoints one holder for all life domains"
                    + " before the case leaves a phase.");
            parts.add(new RationalePart("carepath-mdaplusplus.casusregie.nobody"));
        } else {
            reasons.add("Casusregie: nobody holds it yet (this binding does not require it to move on).");
            parts.add(new RationalePart("carepath-mdaplusplus.casusregie.nobodyNotRequired"));
        }

        int incidents = request.incidents();
        boolean escalate = c.escalateAfter() > 0 && incidents >= c.escalateAfter();
        // the arguments are written out in every part: RationaleTextsTest checks a text's placeholders against them
        String count = String.valueOf(incidents);
        String threshold = String.valueOf(c.escalateAfter());
        if (c.escalateAfter() == 0) {
            reasons.add("Repeat incidents: " + incidents + " since entry (this binding does not act on them).");
            parts.add(new RationalePart("carepath-mdaplusplus.incidents.ignored", Map.of("count", count)));
        } else if (!escalate) {
            reasons.add("Repeat incidents: " + incidents + " since entry, fewer than " + c.escalateAfter() + ".");
            parts.add(new RationalePart("carepath-mdaplusplus.incidents.below",
                    Map.of("count", count, "threshold", threshold)));
        }

        Phase phase = kase.phase();
        Phase next = null;
        if (!eligible) {
            reasons.add("No phase change is advised while the case does not meet the entry criteria.");
            parts.add(new RationalePart("carepath-mdaplusplus.notEligible.stay"));
        } else if (escalate && PHASES.indexOf(phase) > PHASES.indexOf(c.returnTo())) {
            next = c.returnTo();
            reasons.add("Repeat incidents: " + incidents + " since entry (at least " + c.escalateAfter() + ") during "
                    + phaseName(phase) + ": back to " + phaseName(next) + ", safety first.");
            parts.add(new RationalePart("carepath-mdaplusplus.incidents.back", Map.of("count", count, "threshold",
                    threshold, "phase", phase.name(), "next", next.name())));
        } else if (escalate) {
            reasons.add("Repeat incidents: " + incidents + " since entry (at least " + c.escalateAfter() + "): the case"
                    + " stays in " + phaseName(phase) + "; the core team decides when safety is restored.");
            parts.add(new RationalePart("carepath-mdaplusplus.incidents.stay", Map.of("count", count, "threshold",
                    threshold, "phase", phase.name())));
        } else {
            List<String> openHere = open.stream().filter(s -> PHASES.indexOf(phaseOf(s)) <= PHASES.indexOf(phase))
                    .toList();
            if (!openHere.isEmpty()) {
                reasons.add(capitalised(phaseName(phase)) + " continues: open steps " + String.join(", ", openHere)
                        + ".");
                parts.add(new RationalePart("carepath-mdaplusplus.phase.openSteps", Map.of("phase", phase.name(),
                        "steps", String.join(", ", openHere))));
            } else if (c.casusregieRequired() && regie == null) {
                reasons.add(capitalised(phaseName(phase)) + " continues: its steps are done, but nobody holds"
                        + " casusregie.");
                parts.add(new RationalePart("carepath-mdaplusplus.phase.noCasusregie", Map.of("phase", phase.name())));
            } else if (phase == Phase.RECOVERY) {
                reasons.add("Every step of the path is done: the core team may end the path and hand over.");
                parts.add(new RationalePart("carepath-mdaplusplus.path.done"));
            } else {
                next = PHASES.get(PHASES.indexOf(phase) + 1);
                reasons.add(capitalised(phaseName(phase)) + " is done (its steps are done and its exit criteria"
                        + " hold): on to " + phaseName(next) + ".");
                parts.add(new RationalePart("carepath-mdaplusplus.phase.done", Map.of("phase", phase.name(),
                        "next", next.name())));
            }
        }
        return new CarePathAdvice(eligible, List.copyOf(reasons), next, open, parts);
    }

    /** Adds a reason (text and part) for every entry criterion that is on; true when all hold. */
    private static boolean eligible(MdaPlusPlusCriteria c, TriageFacts facts, List<String> reasons,
            List<RationalePart> parts) {
        if (facts == null) {
            reasons.add("No triage facts: the MDA++ entry criteria cannot be checked; triage the case first.");
            parts.add(new RationalePart("carepath-mdaplusplus.noFacts"));
            return false;
        }
        boolean eligible = true;
        if (c.requireRepeatedViolence()) {
            eligible &= criterion(reasons, parts, facts.repeatedViolence(),
                    "violence happened before (recurring violence)",
                    "no earlier violence is recorded (MDA++ is for recurring violence)",
                    new RationalePart("carepath-mdaplusplus.entry.repeatedViolence.met"),
                    new RationalePart("carepath-mdaplusplus.entry.repeatedViolence.notMet"));
        }
        if (c.minProblemDomains() > 0) {
            Set<LifeDomain> domains = facts.problemDomains() == null || facts.problemDomains().isEmpty()
                    ? EnumSet.noneOf(LifeDomain.class) : EnumSet.copyOf(facts.problemDomains());
            String which = domains.isEmpty() ? "" : " (" + names(domains) + ")";
            String count = String.valueOf(domains.size());
            String codes = domains.stream().map(LifeDomain::name).collect(Collectors.joining(", "));
            String min = String.valueOf(c.minProblemDomains());
            eligible &= criterion(reasons, parts, domains.size() >= c.minProblemDomains(),
                    "problems in " + domains.size() + " life domains" + which + ", at least " + c.minProblemDomains(),
                    "problems in " + domains.size() + " life domain(s)" + which + ", fewer than "
                            + c.minProblemDomains(),
                    new RationalePart("carepath-mdaplusplus.entry.domains.met",
                            Map.of("count", count, "domains", codes, "min", min)),
                    domains.isEmpty() ? new RationalePart("carepath-mdaplusplus.entry.domains.none", Map.of("min", min))
                            : new RationalePart("carepath-mdaplusplus.entry.domains.notMet",
                                    Map.of("count", count, "domains", codes, "min", min)));
        }
        if (c.requireEarlierHelp()) {
            eligible &= criterion(reasons, parts, facts.earlierHelpWithoutResult(),
                    "earlier help brought no breakthrough", "earlier help without a breakthrough is not recorded",
                    new RationalePart("carepath-mdaplusplus.entry.earlierHelp.met"),
                    new RationalePart("carepath-mdaplusplus.entry.earlierHelp.notMet"));
        }
        if (c.minSafetyConcern() != null) {
            SafetyConcern s = facts.safetyConcern() == null ? SafetyConcern.NONE : facts.safetyConcern();
            boolean holds = s.compareTo(c.minSafetyConcern()) >= 0;
            eligible &= criterion(reasons, parts, holds, "the safety concern is " + word(s) + " (at least "
                    + word(c.minSafetyConcern()) + ")", "the safety concern is " + word(s) + ", milder than "
                    + word(c.minSafetyConcern()),
                    new RationalePart("carepath-mdaplusplus.entry.safety.met",
                            Map.of("level", s.name(), "min", c.minSafetyConcern().name())),
                    new RationalePart("carepath-mdaplusplus.entry.safety.notMet",
                            Map.of("level", s.name(), "min", c.minSafetyConcern().name())));
        }
        reasons.add(eligible ? "Eligible for MDA++: every entry criterion holds."
                : "Not eligible for MDA++: an entry criterion fails.");
        parts.add(new RationalePart(eligible ? "carepath-mdaplusplus.eligible" : "carepath-mdaplusplus.notEligible"));
        return eligible;
    }

    private static boolean criterion(List<String> reasons, List<RationalePart> parts, boolean holds, String held,
            String failed, RationalePart heldPart, RationalePart failedPart) {
        reasons.add(holds ? "Entry criterion met: " + held + "." : "Entry criterion not met: " + failed + ".");
        parts.add(holds ? heldPart : failedPart);
        return holds;
    }

    private static Phase phaseOf(String step) {
        for (Phase p : PHASES) {
            if (stepsOf(p).contains(step)) {
                return p;
            }
        }
        throw new IllegalStateException("no MDA++ step " + step);
    }

    static String phaseName(Phase phase) {
        return switch (phase) {
            case ACUTE_SAFETY -> "acute safety";
            case STABILISATION -> "risk-driven care";
            case RECOVERY -> "recovery";
        };
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String names(Set<LifeDomain> domains) {
        return domains.stream().map(d -> d.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static String word(SafetyConcern s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
