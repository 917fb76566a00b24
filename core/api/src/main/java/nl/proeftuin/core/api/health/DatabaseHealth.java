package nl.proeftuin.core.api.health;

/**
 * Result of a live database check.
 *
 * @param up            whether a connection could be taken and a query answered
 * @param product       the database product and version, for example {@code H2 2.3.232}
 * @param schemaVersion the latest applied schema migration, or empty when none
 * @param latencyMillis how long the check took
 * @param error         why the check failed, or {@code null} when up
 */
public record DatabaseHealth(boolean up, String product, String schemaVersion, long latencyMillis, String error) {

    /**
     * A report for a database service that is not there at all.
     *
     * @param why the reason shown to the operator
     * @return a down report
     */
    public static DatabaseHealth absent(String why) {
        return new DatabaseHealth(false, "", "", 0, why);
    }
}
