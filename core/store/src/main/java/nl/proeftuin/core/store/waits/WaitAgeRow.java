package nl.proeftuin.core.store.waits;

/**
 * The open waits of one municipality and kind, aggregated in SQL.
 *
 * @param municipality the municipality
 * @param waitFor      what is waited for
 * @param open         how many are waiting
 * @param totalDays    the sum of their ages in days
 * @param oldestDays   the oldest age in days
 * @param pastExpected how many are past their expected day
 */
public record WaitAgeRow(String municipality, String waitFor, long open, long totalDays, long oldestDays,
        long pastExpected) {
}
