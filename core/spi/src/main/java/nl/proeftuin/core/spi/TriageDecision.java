package nl.proeftuin.core.spi;

import java.util.List;

/**
 * A triage's answer.
 *
 * @param classification the plugin's classification, for example {@code ENKELVOUDIG}, {@code COMPLEX},
 *                       {@code MEERVOUDIG_COMPLEX} or {@code PENDING}
 * @param route          where the case goes; ignored while {@code pending}
 * @param rationale      why, readable by a professional: the criteria that fired
 * @param expertise      expertise needed (may be empty)
 * @param pending        true when the triage needs more assessments before it decides
 */
public record TriageDecision(String classification, Route route, String rationale, List<String> expertise,
        boolean pending) {
}
