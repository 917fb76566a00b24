package nl.proeftuin.core.api.waits;

/**
 * The open waits of one municipality and kind (aggregated in the database).
 *
 * @param municipality the municipality
 * @param waitFor      what is waited for
 * @param waiting      how many wait now
 * @param averageDays  their mean age in days (one decimal)
 * @param oldestDays   the oldest age in days
 * @param pastExpected how many are past their expected date
 */
public record WaitFigures(String municipality, WaitFor waitFor, long waiting, double averageDays, long oldestDays,
        long pastExpected) {
}
