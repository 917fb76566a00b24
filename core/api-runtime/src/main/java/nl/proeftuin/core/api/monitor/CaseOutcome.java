package nl.proeftuin.core.api.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's outcome as the evaluation sees it: the structured outcome at closing (null fields while
 * open), its repeat signals and the family-experience scores.
 *
 * @param outcome       a {@code ClosingOutcome} name, or null while open
 * @param repeatSignals ids of later cases sharing a member, signalled within twelve months of the closing
 */
public record CaseOutcome(String caseId, String outcome, String reasons, LocalDate closedOn, List<String> repeatSignals,
        List<Experience> experiences) {

    /** @param recordedAs FAMILY or PROFESSIONAL */
    public record Experience(String personId, int score, String remark, String recordedAs, Instant recordedAt,
            String recordedBy) {
    }
}
