package nl.proeftuin.core.api.triage;

/**
 * One cell of a replay's table: how many cases the stored triage sent one way and the candidate another.
 *
 * @param oldDecision the stored decision: its route, {@code PENDING} when it waited for assessments
 * @param newDecision the candidate's, likewise ({@code MANUAL_TRIAGE} when it failed, as live triage falls back)
 * @param cases       how many cases
 * @since 1.1
 */
public record ReplayCell(String oldDecision, String newDecision, int cases) {
}
