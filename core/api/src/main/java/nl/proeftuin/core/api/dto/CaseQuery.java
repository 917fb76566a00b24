package nl.proeftuin.core.api.dto;

/**
 * Case search criteria; null means any.
 *
 * @param name         part of a member's given or family name (case-insensitive)
 * @param municipality exact municipality
 * @param status       open or closed
 * @param phase        phase
 * @param page         page number from 0
 * @param size         page size, 1 to 100
 */
public record CaseQuery(String name, String municipality, CaseStatus status, Phase phase, int page, int size) {
}
