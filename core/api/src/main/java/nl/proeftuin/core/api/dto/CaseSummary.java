package nl.proeftuin.core.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * A line in a case search result.
 *
 * @param id                  identifier
 * @param municipality        municipality
 * @param status              open or closed
 * @param phase               phase
 * @param framework           framework
 * @param memberNames         names of the family system's members
 * @param activeProfessionals number of active professionals
 * @param openedAt            when opened
 */
public record CaseSummary(String id, String municipality, CaseStatus status, Phase phase, Framework framework,
        List<String> memberNames, int activeProfessionals, Instant openedAt) {
}
