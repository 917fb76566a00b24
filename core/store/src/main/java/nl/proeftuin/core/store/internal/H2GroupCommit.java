package nl.proeftuin.core.store.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Durable group commit for the embedded H2 file (decision 0056): a transaction that committed returns
 * only once a store of H2's MVStore that began after its commit has written it to the file, and one
 * store writes every transaction committed before it began.
 *
 * <p>Why: with {@code WRITE_DELAY=0} H2 itself stores in every transaction's commit. Under load each
 * committing thread, when it gets the store lock, stores whatever is unsaved by then, so a node wrote
 * about one chunk per commit, and each chunk rewrites the pages every transaction shares (the access
 * log's last leaf and its parents, the chain's head row, each table's newest index leaves): a third of
 * a request's CPU went into serialising chunks. With a write delay H2 no longer stores in the commit; this
 * class does, one store at a time: a transaction waits for the first store that starts after its commit
 * (the store in progress, if any, may have begun before it), and whoever finds no store in progress makes
 * it. The transactions that commit while a store runs share the next one.
 *
 * <p>Durability is what it was: nothing is acknowledged before the chunk holding it is in the file (the
 * operating system's, as with {@code WRITE_DELAY=0}: a commit survives the process being killed).
 */
final class H2GroupCommit {
    private final Object mvStore;
    private final Method commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    /** Stores begun and ended, numbered from 1; at most one runs at a time. */
    private long begun;
    private long ended;
    private boolean running;
    /** The failure of the last store, for those who waited for it. */
    private Throwable failure;
    private long failed = -1;

    private H2GroupCommit(Object mvStore) throws NoSuchMethodException {
        this.mvStore = mvStore;
        this.commit = mvStore.getClass().getMethod("commit");
    }

    /**
     * Takes the stores out of H2's commits and starts the group commit, for an embedded H2 file opened
     * with {@code WRITE_DELAY=0} (the shipped URL): H2 then stores in every commit and runs no background
     * writer. Setting the file store's commit delay field (private, reached by reflection) stops the former
     * without starting the latter, whose stores would not be waited for.
     *
     * @return the group commit, or null (H2 left as it is: it stores in every commit) for another database,
     *         another write delay or another H2 version
     */
    static H2GroupCommit startIfFileDatabase(javax.sql.DataSource pool) {
        try (java.sql.Connection c = pool.getConnection()) {
            Object store = H2Housekeeping.mvStore(c);
            if (store == null || (Integer) store.getClass().getMethod("getAutoCommitDelay").invoke(store) != 0) {
                return null;
            }
            Object fileStore = store.getClass().getMethod("getFileStore").invoke(store);
            java.lang.reflect.Field delay = null;
            for (Class<?> k = fileStore.getClass(); k != null && delay == null; k = k.getSuperclass()) {
                for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                    if (f.getName().equals("autoCommitDelay") && f.getType() == int.class) {
                        delay = f;
                    }
                }
            }
            if (delay == null) {
                java.util.logging.Logger.getLogger(H2GroupCommit.class.getName()).warning(
                        "H2 group commit is off: this H2 has no commit delay to set; every commit stores on its own");
                return null;
            }
            H2GroupCommit group = new H2GroupCommit(store);
            delay.setAccessible(true);
            delay.setInt(fileStore, DELAY_MARK);
            return group;
        } catch (java.sql.SQLException | ReflectiveOperationException | RuntimeException e) {
            java.util.logging.Logger.getLogger(H2GroupCommit.class.getName()).log(java.util.logging.Level.WARNING,
                    "H2 group commit is off: every commit stores on its own", e);
            return null;
        }
    }

    /**
     * @param c a pooled connection to the embedded H2 file, with auto-commit off
     * @return whether its open transaction changed anything (H2's session knows; its classes are reached by
     *         name, as the engine packages are not exported)
     */
    static boolean wrote(java.sql.Connection c) throws java.sql.SQLException {
        java.sql.Connection h2 = c.unwrap(java.sql.Connection.class);
        try {
            Method[] m = sessionMethods;
            if (m == null || m[0].getDeclaringClass() != h2.getClass()) {
                Method getSession = h2.getClass().getMethod("getSession");
                m = new Method[] {getSession, getSession.invoke(h2).getClass().getMethod("hasPendingTransaction")};
                sessionMethods = m;
            }
            return (Boolean) m[1].invoke(m[0].invoke(h2));
        } catch (ReflectiveOperationException e) {
            throw new java.sql.SQLException("cannot tell whether the read wrote", e);
        }
    }

    /** JdbcConnection.getSession and SessionLocal.hasPendingTransaction, found once. */
    private static volatile Method[] sessionMethods;

    /** The commit delay H2 is given: any value but 0 keeps its commits from storing; no thread reads it. */
    static final int DELAY_MARK = 1;

    /**
     * Returns once everything committed before this call is in the file.
     *
     * @throws SQLException when the store that should have written it failed (H2 then closes the database)
     */
    void awaitDurable() throws SQLException {
        long mine;
        lock.lock();
        try {
            // a store that began before now may have missed this commit: the next one to begin covers it
            mine = begun + 1;
            while (ended < mine) {
                if (!running) {
                    running = true;
                    long number = ++begun;
                    lock.unlock();
                    Throwable thrown = null;
                    try {
                        commit.invoke(mvStore);
                    } catch (InvocationTargetException e) {
                        thrown = e.getCause();
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        thrown = e;
                    } finally {
                        lock.lock();
                        running = false;
                        ended = number;
                        if (thrown != null) {
                            failure = thrown;
                            failed = number;
                        }
                        stored.signalAll();
                    }
                } else {
                    stored.awaitUninterruptibly();
                }
            }
            if (failed >= mine) {
                throw new SQLException("the embedded database could not write the commit to its file", "58030",
                        failure);
            }
        } finally {
            lock.unlock();
        }
    }
}
