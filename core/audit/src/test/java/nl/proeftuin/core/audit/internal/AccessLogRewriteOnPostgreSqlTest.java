package nl.proeftuin.core.audit.internal;

/** The rewrite attacks on PostgreSQL, the production database. */
class AccessLogRewriteOnPostgreSqlTest extends AccessLogRewriteTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
