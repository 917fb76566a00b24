package nl.proeftuin.core.api.living;

import java.time.Instant;
import java.util.List;

/**
 * Part 9: more professionals than the region's threshold are active around the family of a case (its open
 * cases sharing a current member). Names them, never the content, so they can agree who holds regie.
 *
 * @param id            identifier
 * @param caseId        the recipient's case
 * @param count         how many professionals are active around the family
 * @param threshold     the region's threshold (a notice when more are active)
 * @param professionals who they are
 * @param createdAt     when
 */
public record ProfessionalsNotice(String id, String caseId, int count, int threshold,
        List<ActiveProfessional> professionals, Instant createdAt) {
}
