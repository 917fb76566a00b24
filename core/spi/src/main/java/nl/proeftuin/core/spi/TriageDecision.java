package nl.proeftuin.core.spi;

import java.util.List;

/**
 * A triage's answer.
 *
 * @param classification the plugin's classification, for example {@code ENKELVOUDIG}, {@code COMPLEX},
 *                       {@code MEERVOUDIG_COMPLEX} or {@code PENDING}
 * @param route          where the case goes; ignored while {@code pending}
 * @param rationale      why, readable by a professional: the criteria that fired (in the plugin's own
 *                       language; kept as the record of what the plugin said)
 * @param expertise      expertise needed (may be empty)
 * @param pending        true when the triage needs more assessments before it decides
 * @param rationaleParts the same rationale as message keys with arguments, sentence by sentence, so that
 *                       the UI can show it in the user's language (may be empty: the UI then shows
 *                       {@code rationale}); since 1.4
 */
public record TriageDecision(String classification, Route route, String rationale, List<String> expertise,
        boolean pending, List<RationalePart> rationaleParts) {

    public TriageDecision {
        rationaleParts = rationaleParts == null ? List.of() : List.copyOf(rationaleParts);
    }

    /**
     * A decision whose rationale is only text (the constructor of versions before 1.4; plugins built
     * against them keep working).
     */
    public TriageDecision(String classification, Route route, String rationale, List<String> expertise,
            boolean pending) {
        this(classification, route, rationale, expertise, pending, List.of());
    }
}
