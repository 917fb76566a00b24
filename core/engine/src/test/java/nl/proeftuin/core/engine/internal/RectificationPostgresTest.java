package nl.proeftuin.core.engine.internal;

/** {@link RectificationTest} on an embedded PostgreSQL: its locks and their order are the production database's. */
class RectificationPostgresTest extends RectificationTest {
    @Override
    boolean onPostgres() {
        return true;
    }
}
