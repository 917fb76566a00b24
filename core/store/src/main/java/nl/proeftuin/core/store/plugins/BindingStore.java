package nl.proeftuin.core.store.plugins;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Plugin bindings and their history. A municipality of null means the whole region; the store keeps
 * it as {@link #REGION_SCOPE}, which is therefore no valid municipality name.
 */
@ProviderType
public interface BindingStore {

    /** The scope key the region's bindings are stored under. */
    String REGION_SCOPE = "*";

    /**
     * Takes the next change number and locks the binding log until the transaction ends, so that
     * binding changes (on every node) are serialised. Call it first in every transaction that changes
     * a binding.
     *
     * @param c the connection (in a transaction)
     * @return the new change number, greater than every earlier one
     * @throws SQLException on a database failure
     */
    long nextChange(Connection c) throws SQLException;

    /**
     * @param c the connection
     * @return the number of the last committed change (0 when none): a cheap validator for a cache
     * @throws SQLException on a database failure
     */
    long lastChange(Connection c) throws SQLException;

    /**
     * @param c            the connection
     * @param point        the extension point
     * @param municipality the municipality, or null for the region
     * @return the binding of exactly that scope, if any
     * @throws SQLException on a database failure
     */
    Optional<StoredBinding> find(Connection c, String point, String municipality) throws SQLException;

    /**
     * The bindings that may apply to a municipality, in one query: its own and the region's.
     *
     * @param c            the connection
     * @param point        the extension point
     * @param municipality the municipality, or null for only the region's
     * @return zero, one or two bindings, the municipality's first
     * @throws SQLException on a database failure
     */
    List<StoredBinding> candidates(Connection c, String point, String municipality) throws SQLException;

    /**
     * @param c the connection
     * @return every binding, by point, the region's before the municipalities' (by name)
     * @throws SQLException on a database failure
     */
    List<StoredBinding> all(Connection c) throws SQLException;

    /**
     * Writes a binding: inserts it, or replaces the one of the same point and scope.
     *
     * @param c       the connection
     * @param binding the binding
     * @throws SQLException on a database failure
     */
    void put(Connection c, StoredBinding binding) throws SQLException;

    /**
     * @param c            the connection
     * @param point        the extension point
     * @param municipality the municipality, or null for the region
     * @return whether a binding was removed
     * @throws SQLException on a database failure
     */
    boolean remove(Connection c, String point, String municipality) throws SQLException;

    /**
     * @param c      the connection
     * @param change the history entry
     * @throws SQLException on a database failure
     */
    void insertChange(Connection c, StoredBindingChange change) throws SQLException;

    /**
     * @param c     the connection
     * @param point the extension point, or null for all
     * @return the history, newest first
     * @throws SQLException on a database failure
     */
    List<StoredBindingChange> changes(Connection c, String point) throws SQLException;

    // --- planned switches (switches, issue 15 part 5, decision 0031) ------------------------------

    /**
     * Takes the binding log's lock (as {@link #nextChange} does) without taking a change number.
     *
     * @param c the connection (in a transaction)
     * @throws SQLException on a database failure
     */
    void lock(Connection c) throws SQLException;

    /**
     * @param c      the connection
     * @param planned the switch, state {@link StoredSwitch#PLANNED}
     * @throws SQLException on a database failure
     */
    void insertSwitch(Connection c, StoredSwitch planned) throws SQLException;

    /**
     * @param c  the connection
     * @param id the switch
     * @return the switch, if any
     * @throws SQLException on a database failure
     */
    Optional<StoredSwitch> findSwitch(Connection c, long id) throws SQLException;

    /**
     * @param c     the connection
     * @param point the extension point, or null for all
     * @return every switch (planned, applied, cancelled), latest effective time first
     * @throws SQLException on a database failure
     */
    List<StoredSwitch> switches(Connection c, String point) throws SQLException;

    /**
     * The planned switches due by {@code now}, of every point and scope.
     *
     * @param c   the connection
     * @param now the clock's time
     * @return oldest effective time first (then by id)
     * @throws SQLException on a database failure
     */
    List<StoredSwitch> due(Connection c, java.time.Instant now) throws SQLException;

    /**
     * The planned switches due by {@code now} for a municipality's scope and the region's, in one query.
     *
     * @param c            the connection
     * @param point        the extension point
     * @param municipality the municipality, or null for only the region's
     * @param now          the clock's time
     * @return oldest effective time first (then by id)
     * @throws SQLException on a database failure
     */
    List<StoredSwitch> dueFor(Connection c, String point, String municipality, java.time.Instant now)
            throws SQLException;

    /**
     * Moves a planned switch to {@code state}, only when it is still planned.
     *
     * @param c      the connection
     * @param id     the switch
     * @param state  {@link StoredSwitch#APPLIED} or {@link StoredSwitch#CANCELLED}
     * @param at     when
     * @param by     who
     * @param reason why (cancellations), or null
     * @return whether it was still planned
     * @throws SQLException on a database failure
     */
    boolean settleSwitch(Connection c, long id, String state, java.time.Instant at, String by, String reason)
            throws SQLException;
}
