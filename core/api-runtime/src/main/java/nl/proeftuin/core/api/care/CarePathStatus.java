package nl.proeftuin.core.api.care;

import nl.proeftuin.core.api.plugins.Provenance;
import java.util.List;

import nl.proeftuin.core.spi.CarePathAdvice;
import nl.proeftuin.core.spi.CarePathDefinition;

/**
 * A case's status on its care path.
 *
 * @param caseId         the case
 * @param definition     the path, or null when the fallback applies (no care path)
 * @param advice         the path's advice now, or null when the fallback applies
 * @param steps          the steps done, oldest first
 * @param incidents      repeat incidents, oldest first
 * @param provenance     the plugin and binding that answered (pluginId {@code core-fallback} for the fallback)
 * @param fallback       whether the fallback applies
 * @param fallbackReason why, or null
 */
public record CarePathStatus(String caseId, CarePathDefinition definition, CarePathAdvice advice,
        List<CompletedStep> steps, List<Incident> incidents, Provenance provenance, boolean fallback,
        String fallbackReason) {
}
