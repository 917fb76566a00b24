package nl.proeftuin.core.spi;

import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.Signal;

/**
 * Everything a triage decides from.
 *
 * @param caseId        the case
 * @param municipality  the family's municipality
 * @param signal        the signal or request for help
 * @param members       the family system known so far
 * @param facts         what the professional established
 * @param assessments   assessments recorded so far (empty for single-step triages)
 * @param configuration the binding's configuration
 */
public record TriageRequest(String caseId, String municipality, Signal signal, List<CaseMember> members,
        TriageFacts facts, List<TriageAssessment> assessments, Map<String, String> configuration) {
}
