package nl.proeftuin.core.api.monitor;

/**
 * The cases open at the end of one calendar month, by the framework they were in at that moment.
 *
 * @param month       the month, {@code YYYY-MM}
 * @param voluntary   cases in the voluntary framework
 * @param conditional cases in the conditional framework (drang)
 * @param compulsory  cases in the compulsory framework (dwang)
 */
public record FrameworkMonth(String month, int voluntary, int conditional, int compulsory) {
}
