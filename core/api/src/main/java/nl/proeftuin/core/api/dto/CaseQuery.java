package nl.proeftuin.core.api.dto;

import java.util.Set;

/**
 * Case search criteria; null means any.
 *
 * @param name           part of a member's given or family name (case-insensitive)
 * @param municipality   exact municipality
 * @param status         open or closed
 * @param phase          phase
 * @param page           page number from 0
 * @param size           page size, 1 to 100
 * @param visibleTo      only the cases this professional may see under need to know: actively
 *                       assigned, opened by them while the case has no team yet, or opened to them
 *                       by an unexpired break-glass grant; null for no such limit
 * @param municipalities only cases of these municipalities (compared without case), and with
 *                       {@code visibleTo} also the cases elsewhere that professional is actively
 *                       assigned to (a team across municipalities, as the guard allows); empty for any
 * @param after          the key of the page to continue after ({@link Page#next()} of the previous
 *                       page; paging by key, decision 0036); null for paging by number
 */
public record CaseQuery(String name, String municipality, CaseStatus status, Phase phase, int page, int size,
        String visibleTo, Set<String> municipalities, String after) {

    /** Criteria paged by number. */
    public CaseQuery(String name, String municipality, CaseStatus status, Phase phase, int page, int size,
            String visibleTo, Set<String> municipalities) {
        this(name, municipality, status, phase, page, size, visibleTo, municipalities, null);
    }

    /** Criteria without a need-to-know limit. */
    public CaseQuery(String name, String municipality, CaseStatus status, Phase phase, int page, int size) {
        this(name, municipality, status, phase, page, size, null, Set.of());
    }
}
