package nl.proeftuin.core.store.cases;

import java.time.Instant;

import nl.proeftuin.core.api.dto.CaseStatus;
import nl.proeftuin.core.api.dto.Framework;
import nl.proeftuin.core.api.dto.Measure;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.api.dto.Signal;

/**
 * The case row itself (<i>casus</i>), without its members, team and records.
 *
 * @param id           identifier
 * @param version      the optimistic-concurrency version ({@code row_version})
 * @param municipality the family's municipality
 * @param status       open or closed
 * @param closedReason why it was closed, or null
 * @param signal       what it was opened from
 * @param phase        current phase
 * @param framework    current legal framework
 * @param measure      the court measure in force, or null
 * @param openedAt     when opened
 * @param openedBy     by whom
 */
public record StoredCase(String id, long version, String municipality, CaseStatus status, String closedReason,
        Signal signal, Phase phase, Framework framework, Measure measure, Instant openedAt, String openedBy) {
}
