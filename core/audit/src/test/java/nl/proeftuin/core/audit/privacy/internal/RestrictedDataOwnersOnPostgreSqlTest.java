package nl.proeftuin.core.audit.privacy.internal;

/** The owners and history of restricted data on PostgreSQL, the production database. */
class RestrictedDataOwnersOnPostgreSqlTest extends RestrictedDataOwnersTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
