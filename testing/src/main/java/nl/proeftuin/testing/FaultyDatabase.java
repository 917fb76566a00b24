package nl.proeftuin.testing;

import java.sql.SQLException;
import java.util.function.Supplier;

import nl.proeftuin.core.store.Database;

/**
 * A real database that fails on demand: before each transaction (and, if asked, each read) it asks
 * its fault what to throw; {@code null} lets the work through to the real database. For the tests of
 * what a service does when its database goes away or rolls a transaction back.
 */
public final class FaultyDatabase extends DelegatingDatabase {
    private final Supplier<SQLException> transactionFault;
    private final Supplier<SQLException> readFault;

    private FaultyDatabase(Database real, Supplier<SQLException> transactionFault, Supplier<SQLException> readFault) {
        super(real);
        this.transactionFault = transactionFault;
        this.readFault = readFault;
    }

    /** Transactions fail when {@code fault} answers an exception; reads always reach the database. */
    public static FaultyDatabase transactions(Database real, Supplier<SQLException> fault) {
        return new FaultyDatabase(real, fault, () -> null);
    }

    /** Transactions and reads alike fail when {@code fault} answers an exception. */
    public static FaultyDatabase everything(Database real, Supplier<SQLException> fault) {
        return new FaultyDatabase(real, fault, fault);
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        throwIfAny(transactionFault);
        return real.inTransaction(work);
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        throwIfAny(readFault);
        return real.read(work);
    }

    private static void throwIfAny(Supplier<SQLException> fault) throws SQLException {
        SQLException e = fault.get();
        if (e != null) {
            throw e;
        }
    }
}
