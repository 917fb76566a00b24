package nl.proeftuin.core.audit.internal;

/** The access log and tamper tests on PostgreSQL, the production database. */
class AccessLogOnPostgreSqlTest extends AccessLogTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
