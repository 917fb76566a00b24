package nl.proeftuin.core.spi;

import java.util.List;

import nl.proeftuin.core.api.dto.Phase;

/**
 * A care path's view of a case.
 *
 * @param eligible     whether the case meets the entry criteria
 * @param reasons      the criteria that held or failed (in the plugin's own language; kept as what the
 *                     plugin said)
 * @param nextPhase    the phase the case may move to now, or null to stay
 * @param openSteps    required steps not yet done, in order (interventions wait for these)
 * @param reasonParts  the same reasons as message keys with arguments ({@link RationalePart}, texts
 *                     {@code rationale.<key>}), so that the UI can show them in the user's language (may
 *                     be empty: the UI then shows {@code reasons}); since 1.4
 */
public record CarePathAdvice(boolean eligible, List<String> reasons, Phase nextPhase, List<String> openSteps,
        List<RationalePart> reasonParts) {

    public CarePathAdvice {
        reasonParts = reasonParts == null ? List.of() : List.copyOf(reasonParts);
    }

    /**
     * Advice whose reasons are only text (the constructor of versions before 1.4; plugins built against
     * them keep working).
     */
    public CarePathAdvice(boolean eligible, List<String> reasons, Phase nextPhase, List<String> openSteps) {
        this(eligible, reasons, nextPhase, openSteps, List.of());
    }
}
