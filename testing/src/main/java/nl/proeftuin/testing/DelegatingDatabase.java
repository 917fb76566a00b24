package nl.proeftuin.testing;

import java.sql.SQLException;

import nl.proeftuin.core.api.health.DatabaseHealth;
import nl.proeftuin.core.store.Database;

/** A real database with some of its calls changed by a subclass; every call not overridden goes through. */
public abstract class DelegatingDatabase implements Database {
    protected final Database real;

    protected DelegatingDatabase(Database real) {
        this.real = real;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return real.inTransaction(work);
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return real.read(work);
    }

    @Override
    public DatabaseHealth check() {
        return real.check();
    }

    @Override
    public Dialect dialect() {
        return real.dialect();
    }
}
