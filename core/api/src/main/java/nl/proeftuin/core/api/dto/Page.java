package nl.proeftuin.core.api.dto;

import java.util.List;

/**
 * One page of results.
 *
 * @param items the items on this page
 * @param page  page number from 0
 * @param size  requested page size
 * @param total total number of matches
 * @param <T>   item type
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
