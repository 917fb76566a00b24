package nl.proeftuin.core.store.municipal;

/**
 * Decision times of one municipality, aggregated in SQL.
 *
 * @param municipality the municipality
 * @param requests     maatwerk and care requests addressed to it (care requests with a deadline)
 * @param decided      of which decided
 * @param open         of which undecided
 * @param overdue      undecided and past their deadline
 * @param totalDays    the sum of the days from request to decision of the decided ones
 * @param longestDays  the longest of them, or null when none was decided
 */
public record DecisionTimeRow(String municipality, long requests, long decided, long open, long overdue,
        double totalDays, Double longestDays) {
}
