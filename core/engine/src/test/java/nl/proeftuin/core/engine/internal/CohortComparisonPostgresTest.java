package nl.proeftuin.core.engine.internal;

/**
 * {@link CohortComparisonTest} on an embedded PostgreSQL (issue 15's "Done when": two cohorts with a known
 * difference, the interval containing the true value, on both databases the platform runs on).
 */
class CohortComparisonPostgresTest extends CohortComparisonTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
