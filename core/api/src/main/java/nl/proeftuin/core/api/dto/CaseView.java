package nl.proeftuin.core.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * A case (<i>casus</i>) as a professional sees it.
 *
 * @param id                  identifier
 * @param version             optimistic-concurrency version (the HTTP ETag)
 * @param municipality        the family's municipality
 * @param status              open or closed
 * @param closedReason        why it was closed, or null
 * @param signal              what it was opened from
 * @param phase               current phase
 * @param framework           current legal framework
 * @param measure             the court measure in force, or null
 * @param members             the family system
 * @param team                active assignments
 * @param activeProfessionals how many professionals are active in the family (fewer is the goal)
 * @param planVersion         the latest plan version number, or 0 when there is no plan yet
 * @param openedAt            when opened
 * @param openedBy            by whom
 */
public record CaseView(String id, long version, String municipality, CaseStatus status, String closedReason,
        Signal signal, Phase phase, Framework framework, Measure measure, List<CaseMember> members,
        List<Assignment> team, int activeProfessionals, int planVersion, Instant openedAt, String openedBy) {
}
