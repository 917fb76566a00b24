package nl.proeftuin.plugins.example.triage.internal;

import java.util.List;
import java.util.Map;

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
 * The example triage, and the template for a new plugin: a serious or acute safety concern goes to
 * the regional safety team (<i>Regionaal Veiligheidsteam</i>, RVT), everything else stays with the
 * local team (<i>lokaal team</i>).
 *
 * <p>What makes this a plugin, in three lines:
 * <ul>
 * <li>{@code @Component(service = Triage.class)}: a Declarative Services component that offers the
 * {@link Triage} extension point. No activator, no tracker: SCR registers it when the bundle starts.</li>
 * <li>{@code @PluginId("example-triage")}: the service property {@value PluginId#PROPERTY} the core
 * finds it by. Coordinators bind this id to the region or to a municipality; keep it stable.</li>
 * <li>No state: the decision is a pure function of the request, and the binding's configuration
 * comes with every request ({@link TriageRequest#configuration()}). This one takes no configuration.</li>
 * </ul>
 *
 * <p>Only {@code nl.proeftuin.core.spi} (and {@code nl.proeftuin.core.api*}) may be imported from the
 * core; the class lives in an {@code .internal} package, which is never exported.
 */
@Component(service = Triage.class)
@PluginId(SafetyFirstTriage.ID)
@PluginConfiguration(SafetyFirstTriage.ID)
public final class SafetyFirstTriage implements Triage {

    /** The plugin id, as bindings, provenance and the shell show it. */
    static final String ID = "example-triage";

    // The classifications this triage gives (stored with every decision; keep them stable too).
    static final String SERIOUS_SAFETY_CONCERN = "SERIOUS_SAFETY_CONCERN";
    static final String NO_SERIOUS_SAFETY_CONCERN = "NO_SERIOUS_SAFETY_CONCERN";
    static final String UNDETERMINED = "UNDETERMINED";

    @Override
    public TriageDecision triage(TriageRequest request) {
        TriageFacts facts = request.facts();
        // Missing facts are not a bug in the plugin, so do not throw: a person decides.
        if (facts == null || facts.safetyConcern() == null) {
            return new TriageDecision(UNDETERMINED, Route.MANUAL_TRIAGE,
                    "No safety concern recorded for this signal, so this triage cannot decide: a person triages it.",
                    List.of(), false, List.of(new RationalePart("example-triage.noConcern")));
        }
        SafetyConcern concern = facts.safetyConcern();
        if (concern == SafetyConcern.SERIOUS || concern == SafetyConcern.ACUTE) {
            // expertise: what the receiving team should bring; this triage asks for nothing special
            return new TriageDecision(SERIOUS_SAFETY_CONCERN, Route.REGIONAL_SAFETY_TEAM,
                    "The safety concern is " + describe(concern)
                            + ", so the regional safety team (RVT) takes part from the start.",
                    List.of(), false, List.of(new RationalePart("example-triage.serious", Map.of("level", concern.name()))));
        }
        return new TriageDecision(NO_SERIOUS_SAFETY_CONCERN, Route.LOCAL_TEAM,
                "The safety concern is " + describe(concern)
                        + " (not serious or acute), so the case stays with the local team.",
                List.of(), false, List.of(new RationalePart("example-triage.notSerious", Map.of("level", concern.name()))));
    }

    private static String describe(SafetyConcern concern) {
        return switch (concern) {
            case NONE -> "none";
            case MODERATE -> "moderate";
            case SERIOUS -> "serious (structural unsafety)";
            case ACUTE -> "acute (danger now)";
        };
    }
}
