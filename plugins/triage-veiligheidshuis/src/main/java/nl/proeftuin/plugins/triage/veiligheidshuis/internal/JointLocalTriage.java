package nl.proeftuin.plugins.triage.veiligheidshuis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.proeftuin.core.spi.BindingConfiguration;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import nl.proeftuin.core.spi.RationalePart;
import nl.proeftuin.core.spi.Route;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.spi.TriageAssessment;
import nl.proeftuin.core.spi.TriageDecision;
import nl.proeftuin.core.spi.TriageRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * The joint local triage of the Zorg- en Veiligheidshuis (<i>gezamenlijke lokale triage</i>): a
 * municipal safety director and the Veiligheidshuis process director (<i>procesregisseur</i>) each
 * assess the case, using information from the regional partners, and together decide whether it
 * stays local or goes to a Veiligheidshuis table (for example the <i>jeugdbeschermingstafel</i>) or
 * into MDA++.
 *
 * <p>A multi-step triage: the core passes the round's assessments in {@link TriageRequest#assessments()}
 * (in the order they were recorded), and asks again after every assessment.
 * <ul>
 * <li>Only the roles {@value #SAFETY_DIRECTOR} and {@value #PROCESS_DIRECTOR} count (role names
 * compared without regard to case). An assessment in another role is ignored, and named in the
 * rationale so nobody wonders why it changed nothing.</li>
 * <li>Per role, the latest assessment counts: later in the list, unless its {@code at} is before the
 * one it would replace.</li>
 * <li>Until both roles have assessed: {@value #PENDING}, {@code pending = true}, route
 * {@link Route#MANUAL_TRIAGE} (the core ignores the route while pending); the rationale says who is
 * still missing.</li>
 * <li>Both recommend the same route: that route, {@value #JOINT_DECISION}; the rationale names both
 * assessors (name and role) and quotes their notes.</li>
 * <li>They disagree: {@value #DISAGREEMENT}, and the route follows the configuration.</li>
 * </ul>
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code onDisagreement}</td><td>{@code escalate}</td><td>{@code escalate}: the case goes to a
 *     Veiligheidshuis table ({@link Route#VEILIGHEIDSHUIS_TABLE}), the safer choice, where the
 *     partners settle it; {@code manual}: {@link Route#MANUAL_TRIAGE}, a person decides</td></tr>
 * </table>
 * A value other than these, or an unknown key, is an {@link IllegalArgumentException} naming the key
 * (the core then falls back to manual triage and alerts the coordinator). The signal's facts play no
 * part: the two directors weigh them.
 */
@Component(service = Triage.class)
@PluginId(JointLocalTriage.ID)
@PluginConfiguration(JointLocalTriage.ID)
public final class JointLocalTriage implements Triage {

    /** The plugin id, as bindings, provenance and the shell show it. */
    static final String ID = "triage-veiligheidshuis";

    /** The municipal safety director's role. */
    static final String SAFETY_DIRECTOR = "SAFETY_DIRECTOR";
    /** The Veiligheidshuis process director's role (<i>procesregisseur</i>). */
    static final String PROCESS_DIRECTOR = "PROCESS_DIRECTOR";

    // The classifications (stored with every decision; keep them stable).
    static final String PENDING = "PENDING";
    static final String JOINT_DECISION = "JOINT_DECISION";
    static final String DISAGREEMENT = "DISAGREEMENT";

    /** The configuration key, and its values. */
    static final String ON_DISAGREEMENT = "onDisagreement";
    static final String ESCALATE = "escalate";
    static final String MANUAL = "manual";

    /** Reads the binding's configuration into its declared type (defaults from {@link JointLocalConfig}). */
    private static final Converter CONVERTER = Converters.standardConverter();

    /**
     * A note is quoted up to this many characters: the core keeps the rationale with the case's
     * history, which holds at most 10,000 characters, while one note may be as long (the full notes
     * stay with the assessments).
     */
    static final int NOTE_QUOTE_MAX = 2_000;
    /** At most this many ignored assessments are named one by one; the rest are counted. */
    static final int IGNORED_NAMED_MAX = 5;

    @Override
    public TriageDecision triage(TriageRequest request) {
        boolean escalate = escalateOnDisagreement(request.configuration());

        TriageAssessment safety = null;
        TriageAssessment process = null;
        List<TriageAssessment> ignored = new ArrayList<>();
        List<TriageAssessment> given = request.assessments() == null ? List.of() : request.assessments();
        for (TriageAssessment a : given) {
            if (a == null) {
                continue;
            }
            String role = a.assessorRole() == null ? "" : a.assessorRole().strip().toUpperCase(Locale.ROOT);
            if (a.recommendation() == null) {
                ignored.add(a);
            } else if (SAFETY_DIRECTOR.equals(role)) {
                safety = later(safety, a);
            } else if (PROCESS_DIRECTOR.equals(role)) {
                process = later(process, a);
            } else {
                ignored.add(a);
            }
        }
        String ignoredText = ignored(ignored);
        List<RationalePart> ignoredParts = ignoredParts(ignored);

        if (safety == null || process == null) {
            StringBuilder why = new StringBuilder("Joint local triage of the Zorg- en Veiligheidshuis waits for ");
            List<RationalePart> parts = new ArrayList<>();
            if (safety == null && process == null) {
                parts.add(new RationalePart("triage-veiligheidshuis.pending.both"));
                why.append("both assessments: the municipal safety director (").append(SAFETY_DIRECTOR)
                        .append(") and the Veiligheidshuis process director (").append(PROCESS_DIRECTOR)
                        .append(") have not assessed yet.");
            } else if (safety == null) {
                parts.add(new RationalePart("triage-veiligheidshuis.pending.safety"));
                parts.add(assessmentPart(process));
                why.append("the municipal safety director (").append(SAFETY_DIRECTOR).append("): still missing. ")
                        .append("Recorded so far: ").append(assessment(process)).append('.');
            } else {
                parts.add(new RationalePart("triage-veiligheidshuis.pending.process"));
                parts.add(assessmentPart(safety));
                why.append("the Veiligheidshuis process director (").append(PROCESS_DIRECTOR)
                        .append("): still missing. Recorded so far: ").append(assessment(safety)).append('.');
            }
            parts.addAll(ignoredParts);
            return new TriageDecision(PENDING, Route.MANUAL_TRIAGE, why.append(ignoredText).toString(), List.of(),
                    true, parts);
        }

        String both = assessment(safety) + "; " + assessment(process);
        List<RationalePart> bothParts = List.of(assessmentPart(safety), assessmentPart(process));
        if (safety.recommendation() == process.recommendation()) {
            Route route = safety.recommendation();
            return new TriageDecision(JOINT_DECISION, route, "Joint decision: the municipal safety director and the"
                    + " Veiligheidshuis process director agree that the case " + describe(route) + ". " + both + "."
                    + ignoredText, List.of(), false,
                    parts(new RationalePart("triage-veiligheidshuis.joint", Map.of("route", route.name())), bothParts,
                            ignoredParts));
        }
        String disagreed = "The municipal safety director and the Veiligheidshuis process director disagree: " + both
                + ". ";
        if (escalate) {
            return new TriageDecision(DISAGREEMENT, Route.VEILIGHEIDSHUIS_TABLE, disagreed
                    + "On disagreement the case goes to a Veiligheidshuis table (" + ON_DISAGREEMENT + "=" + ESCALATE
                    + "), the safer choice, where the partners decide together." + ignoredText, List.of(), false,
                    parts(new RationalePart("triage-veiligheidshuis.disagreement"), bothParts,
                            List.of(new RationalePart("triage-veiligheidshuis.disagreement.escalate")), ignoredParts));
        }
        return new TriageDecision(DISAGREEMENT, Route.MANUAL_TRIAGE, disagreed
                + "On disagreement a person triages the case (" + ON_DISAGREEMENT + "=" + MANUAL + ")." + ignoredText,
                List.of(), false, parts(new RationalePart("triage-veiligheidshuis.disagreement"), bothParts,
                        List.of(new RationalePart("triage-veiligheidshuis.disagreement.manual")), ignoredParts));
    }

    /**
     * @return true for {@code escalate} (the default), false for {@code manual}
     * @throws IllegalArgumentException naming the key, for an unknown key or value
     */
    static boolean escalateOnDisagreement(Map<String, String> configuration) {
        // The core refuses an unknown key or value at bind time (JointLocalConfig); a binding stored
        // before that check existed is refused here too, never read as the default.
        String raw = CONVERTER.convert(BindingConfiguration.checked(ID, configuration, JointLocalConfig.class))
                .to(JointLocalConfig.class).onDisagreement();
        String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (ESCALATE.equals(v)) {
            return true;
        }
        if (MANUAL.equals(v)) {
            return false;
        }
        throw new IllegalArgumentException(ID + ": " + ON_DISAGREEMENT + " must be " + ESCALATE + " or " + MANUAL
                + ", not '" + raw + "'");
    }

    /** The later of two assessments in one role: {@code next} (recorded later) unless it is dated before. */
    private static TriageAssessment later(TriageAssessment held, TriageAssessment next) {
        if (held != null && held.at() != null && next.at() != null && next.at().isBefore(held.at())) {
            return held;
        }
        return next;
    }

    private static String assessment(TriageAssessment a) {
        return who(a) + " recommends that the case " + describe(a.recommendation()) + ", noting: \"" + note(a) + "\"";
    }

    /** The rationale's sentences in order: the first, then each list. */
    @SafeVarargs
    private static List<RationalePart> parts(RationalePart first, List<RationalePart>... rest) {
        List<RationalePart> all = new ArrayList<>();
        all.add(first);
        for (List<RationalePart> more : rest) {
            all.addAll(more);
        }
        return all;
    }

    /** One assessment as a sentence for the UI: who (name, role) recommends which route, and the note. */
    private static RationalePart assessmentPart(TriageAssessment a) {
        String n = a.note() == null ? "" : a.note().strip();
        if (n.isEmpty()) {
            return new RationalePart("triage-veiligheidshuis.assessment.noNote",
                    Map.of("name", name(a), "role", role(a), "route", a.recommendation().name()));
        }
        return new RationalePart("triage-veiligheidshuis.assessment",
                Map.of("name", name(a), "role", role(a), "route", a.recommendation().name(), "note", note(a)));
    }

    /** The ignored assessments as sentences for the UI, like {@link #ignored(List)}. */
    private static List<RationalePart> ignoredParts(List<TriageAssessment> ignored) {
        List<RationalePart> parts = new ArrayList<>();
        for (int i = 0; i < ignored.size() && i < IGNORED_NAMED_MAX; i++) {
            TriageAssessment a = ignored.get(i);
            parts.add(new RationalePart(a.recommendation() == null ? "triage-veiligheidshuis.ignored.noRecommendation"
                    : "triage-veiligheidshuis.ignored", Map.of("name", name(a), "role", role(a))));
        }
        if (ignored.size() > IGNORED_NAMED_MAX) {
            parts.add(new RationalePart("triage-veiligheidshuis.ignored.more",
                    Map.of("count", String.valueOf(ignored.size() - IGNORED_NAMED_MAX))));
        }
        return parts;
    }

    private static String name(TriageAssessment a) {
        return a.assessorName() != null && !a.assessorName().isBlank() ? a.assessorName().strip()
                : a.assessorId() != null && !a.assessorId().isBlank() ? a.assessorId().strip() : "—";
    }

    private static String role(TriageAssessment a) {
        return a.assessorRole() == null || a.assessorRole().isBlank() ? "—" : a.assessorRole().strip();
    }

    private static String who(TriageAssessment a) {
        String name = a.assessorName() != null && !a.assessorName().isBlank() ? a.assessorName().strip()
                : a.assessorId() != null && !a.assessorId().isBlank() ? a.assessorId().strip() : "an unnamed assessor";
        String role = a.assessorRole() == null || a.assessorRole().isBlank() ? "no role" : a.assessorRole().strip();
        return name + " (" + role + ")";
    }

    private static String note(TriageAssessment a) {
        String n = a.note() == null ? "" : a.note().strip();
        if (n.isEmpty()) {
            return "(no note)";
        }
        return n.length() <= NOTE_QUOTE_MAX ? n : n.substring(0, NOTE_QUOTE_MAX) + " [...]";
    }

    private static String ignored(List<TriageAssessment> ignored) {
        if (ignored.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(" Ignored, because only the roles ").append(SAFETY_DIRECTOR)
                .append(" and ").append(PROCESS_DIRECTOR).append(" count in this triage: ");
        for (int i = 0; i < ignored.size() && i < IGNORED_NAMED_MAX; i++) {
            TriageAssessment a = ignored.get(i);
            s.append(i == 0 ? "" : ", ").append("the assessment by ").append(who(a));
            if (a.recommendation() == null) {
                s.append(" without a recommendation");
            }
        }
        if (ignored.size() > IGNORED_NAMED_MAX) {
            s.append(" and ").append(ignored.size() - IGNORED_NAMED_MAX).append(" more");
        }
        return s.append('.').toString();
    }

    private static String describe(Route route) {
        return switch (route) {
            case LOCAL_TEAM -> "stays with the local team (LOCAL_TEAM)";
            case VEILIGHEIDSHUIS_TABLE -> "goes to a Veiligheidshuis table such as the jeugdbeschermingstafel"
                    + " (VEILIGHEIDSHUIS_TABLE)";
            case MDA_PLUS_PLUS -> "goes into the MDA++ care path (MDA_PLUS_PLUS)";
            case REGIONAL_SAFETY_TEAM -> "goes to the regional safety team (REGIONAL_SAFETY_TEAM)";
            case MANUAL_TRIAGE -> "is triaged by a person (MANUAL_TRIAGE)";
        };
    }
}
