package nl.proeftuin.core.spi;

import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.dto.CaseView;

/**
 * A case as a care path sees it.
 *
 * @param kase           the case
 * @param facts          the triage facts recorded for it, or null
 * @param completedSteps ids of the steps already done
 * @param incidents      number of repeat incidents recorded since entry
 * @param configuration  the binding's configuration
 */
public record CarePathRequest(CaseView kase, TriageFacts facts, List<String> completedSteps, int incidents,
        Map<String, String> configuration) {
}
