package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * One page of results.
 *
 * @param items the items on this page
 * @param page  page number from 0
 * @param size  requested page size
 * @param total total number of matches; -1 when not counted (a page asked for by key, {@code after})
 * @param next  the key of the next page (pass it as {@code after}); null when this page is the last
 * @param <T>   item type
 */
public record Page<T>(List<T> items, int page, int size, long total, String next) {

    /** A page without a key for the next page (a list that is not paged by key). */
    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }
}
