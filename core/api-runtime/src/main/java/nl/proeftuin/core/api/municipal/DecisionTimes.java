package nl.proeftuin.core.api.municipal;

/**
 * How long one municipality takes to decide (maatwerk and care requests addressed to it).
 *
 * @param municipality the municipality
 * @param requests     requests addressed to it
 * @param decided      of which decided
 * @param open         of which still undecided
 * @param overdue      undecided and past their deadline
 * @param averageDays  the mean number of days from request to decision (one decimal), or null when none was decided
 * @param longestDays  the longest (one decimal), or null
 */
public record DecisionTimes(String municipality, long requests, long decided, long open, long overdue,
        Double averageDays, Double longestDays) {
}
