package nl.proeftuin.plugins.triage.threeway.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.SafetyConcern;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.spi.TriageRequest;
import org.osgi.service.component.annotations.Component;

/**
 * The three-way split suggested in the national consultation on the <i>Toekomstscenario kind- en
 * gezinsbescherming</i>: <i>enkelvoudig</i> (single problem: stays with the local team), <i>complex</i>
 * and <i>meervoudig complex</i> (both go straight to the regional safety team, RVT). The criteria are
 * explicit and set per region through the binding's configuration ({@link ThreeWayCriteria}); the
 * rationale names every criterion that held, so a region can always show why a family went where.
 */
@Component(service = Triage.class)
@PluginId(ThreeWayTriage.ID)
@PluginConfiguration(ThreeWayTriage.ID)
public final class ThreeWayTriage implements Triage {

    static final String ID = "triage-threeway";

    static final String ENKELVOUDIG = "ENKELVOUDIG";
    static final String COMPLEX = "COMPLEX";
    static final String MEERVOUDIG_COMPLEX = "MEERVOUDIG_COMPLEX";
    static final String UNDETERMINED = "UNDETERMINED";

    @Override
    public TriageDecision triage(TriageRequest request) {
        // Read the configuration first: an unusable one must fail every call, not only some.
        ThreeWayCriteria criteria = ThreeWayCriteria.from(request.configuration());
        TriageFacts facts = request.facts();
        if (facts == null) {
            return new TriageDecision(UNDETERMINED, Route.MANUAL_TRIAGE,
                    "No facts were recorded for this signal, so the three-way triage cannot decide: a person triages it.",
                    List.of(), false, List.of(new RationalePart("triage-threeway.noFacts")));
        }
        Set<LifeDomain> domains = facts.problemDomains() == null || facts.problemDomains().isEmpty()
                ? EnumSet.noneOf(LifeDomain.class) : EnumSet.copyOf(facts.problemDomains());
        SafetyConcern safety = facts.safetyConcern() == null ? SafetyConcern.NONE : facts.safetyConcern();
        Set<String> parental = new TreeSet<>();
        if (facts.parentalProblems() != null) {
            facts.parentalProblems().forEach(p -> parental.add(p.trim().toUpperCase(Locale.ROOT)));
        }

        List<String> multi = new ArrayList<>();
        List<String> complex = new ArrayList<>();
        // the same criteria as sentences for the UI, in the user's language (RationalePart)
        List<RationalePart> multiParts = new ArrayList<>();
        List<RationalePart> complexParts = new ArrayList<>();
        Set<String> expertise = new LinkedHashSet<>();

        if (criteria.multiMinDomains() > 0 && domains.size() >= criteria.multiMinDomains()) {
            multi.add("problems in " + domains.size() + " life domains (" + names(domains) + "), at least "
                    + criteria.multiMinDomains());
            multiParts.add(domainsPart(domains, criteria.multiMinDomains()));
        } else if (criteria.complexMinDomains() > 0 && domains.size() >= criteria.complexMinDomains()) {
            complex.add("problems in " + domains.size() + " life domains (" + names(domains) + "), at least "
                    + criteria.complexMinDomains());
            complexParts.add(domainsPart(domains, criteria.complexMinDomains()));
        }
        if (criteria.multiSafety() != null && safety.compareTo(criteria.multiSafety()) >= 0) {
            multi.add("the safety concern is " + word(safety) + " (at least " + word(criteria.multiSafety()) + ")");
            multiParts.add(new RationalePart("triage-threeway.safety",
                    Map.of("level", safety.name(), "min", criteria.multiSafety().name())));
            expertise.add("veiligheidstaxatie");
        } else if (criteria.complexSafety() != null && safety.compareTo(criteria.complexSafety()) >= 0) {
            complex.add("the safety concern is " + word(safety) + " (at least " + word(criteria.complexSafety()) + ")");
            complexParts.add(new RationalePart("triage-threeway.safety",
                    Map.of("level", safety.name(), "min", criteria.complexSafety().name())));
            expertise.add("veiligheidstaxatie");
        }
        if (criteria.multiRepeatedViolence() && facts.repeatedViolence()) {
            multi.add("violence happened before (repeated violence)");
            multiParts.add(new RationalePart("triage-threeway.repeatedViolence"));
            expertise.add("huiselijk geweld en kindermishandeling");
        }
        if (criteria.multiEarlierHelp() && facts.earlierHelpWithoutResult()) {
            multi.add("earlier help brought no breakthrough");
            multiParts.add(new RationalePart("triage-threeway.earlierHelp"));
        }
        Set<String> multiParental = intersection(parental, criteria.multiParental());
        Set<String> complexParental = intersection(parental, criteria.complexParental());
        complexParental.removeAll(multiParental);
        if (!multiParental.isEmpty()) {
            multi.add("a parent has " + problems(multiParental));
            multiParts.add(new RationalePart("triage-threeway.parental", Map.of("problems", String.join(", ", multiParental))));
            multiParental.forEach(p -> expertise.addAll(expertiseFor(p)));
        }
        if (!complexParental.isEmpty()) {
            complex.add("a parent has " + problems(complexParental));
            complexParts.add(new RationalePart("triage-threeway.parental", Map.of("problems", String.join(", ", complexParental))));
            complexParental.forEach(p -> expertise.addAll(expertiseFor(p)));
        }

        if (!multi.isEmpty()) {
            String rationale = "Meervoudig complex because " + String.join("; ", multi)
                    + (complex.isEmpty() ? "" : ". Also complex because " + String.join("; ", complex))
                    + ". The regional safety team (RVT) takes the case on.";
            List<RationalePart> parts = new ArrayList<>();
            parts.add(new RationalePart("triage-threeway.multi"));
            parts.addAll(multiParts);
            if (!complexParts.isEmpty()) {
                parts.add(new RationalePart("triage-threeway.alsoComplex"));
                parts.addAll(complexParts);
            }
            parts.add(new RationalePart("triage-threeway.toRvt"));
            return new TriageDecision(MEERVOUDIG_COMPLEX, Route.REGIONAL_SAFETY_TEAM, rationale,
                    List.copyOf(expertise), false, parts);
        }
        if (!complex.isEmpty()) {
            return new TriageDecision(COMPLEX, Route.REGIONAL_SAFETY_TEAM, "Complex because "
                    + String.join("; ", complex) + ". The regional safety team (RVT) takes the case on.",
                    List.copyOf(expertise), false, concat(new RationalePart("triage-threeway.complex"), complexParts,
                            new RationalePart("triage-threeway.toRvt")));
        }
        return new TriageDecision(ENKELVOUDIG, Route.LOCAL_TEAM, "Enkelvoudig: no criterion for complex or"
                + " meervoudig complex holds (" + domains.size() + " life domain(s) with problems, safety concern "
                + word(safety) + "). The case stays with the local team.", List.of(), false,
                List.of(new RationalePart("triage-threeway.enkelvoudig",
                        Map.of("count", String.valueOf(domains.size()), "level", safety.name()))));
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** Problems in so many life domains (named by their codes, which the UI shows in words), at least min. */
    private static RationalePart domainsPart(Set<LifeDomain> domains, int min) {
        return new RationalePart("triage-threeway.domains", Map.of("count", String.valueOf(domains.size()),
                "domains", domains.stream().map(Enum::name).collect(Collectors.joining(", ")), "min", String.valueOf(min)));
    }

    private static List<RationalePart> concat(RationalePart first, List<RationalePart> middle, RationalePart last) {
        List<RationalePart> all = new ArrayList<>();
        all.add(first);
        all.addAll(middle);
        all.add(last);
        return all;
    }

    private static String names(Set<LifeDomain> domains) {
        return domains.stream().map(d -> d.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static String word(SafetyConcern s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String problems(Set<String> codes) {
        return codes.stream().map(ThreeWayTriage::problem).collect(Collectors.joining(" and "));
    }

    /** Plain words for the problem codes the SPI documents; other codes as they are. */
    private static String problem(String code) {
        return switch (code) {
            case "ADDICTION" -> "an addiction";
            case "PSYCHIATRY" -> "psychiatric problems";
            case "INTELLECTUAL_DISABILITY" -> "an intellectual disability";
            default -> "the problem " + code;
        };
    }

    /** The expertise the RVT brings in for a parental problem, by the names the field uses. */
    private static List<String> expertiseFor(String code) {
        return switch (code) {
            case "ADDICTION" -> List.of("verslavingszorg");
            case "PSYCHIATRY" -> List.of("volwassenen-ggz");
            case "INTELLECTUAL_DISABILITY" -> List.of("lvb-expertise");
            default -> List.of();
        };
    }
}
