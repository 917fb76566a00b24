package nl.proeftuin.core.store.accesslog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The owner of {@code access_log}, {@code access_log_person}, {@code access_log_head} and
 * {@code access_log_person_mark}.
 */
@ProviderType
public interface AccessLogStore {

    /** The chain's head: its last entry. */
    record Head(long lastSeq, String lastHash) {
    }

    /** @return the head, locked until the transaction ends (writers queue on it); empty when the row is missing */
    Optional<Head> lockHead(Connection c) throws SQLException;

    /** @return the head, unlocked; empty when the row is missing */
    Optional<Head> head(Connection c) throws SQLException;

    /** Moves the head to the last entry written. */
    void moveHead(Connection c, long lastSeq, String lastHash) throws SQLException;

    /**
     * Writes one entry (with its MAC). Its person rows follow with {@link #indexPersons} (decision 0054);
     * until then {@link #forPerson} and {@link #query} find it by its own list of persons.
     */
    void append(Connection c, StoredAccessEntry entry) throws SQLException;

    /** @return by sequence number, the hashes of the entries written before V10 that have no MAC yet */
    Map<Long, String> unsealedLegacyEntries(Connection c) throws SQLException;

    /**
     * @return whether any entry carries a MAC (a key wrote this log)
     * @since 1.5
     */
    boolean anyEntrySealed(Connection c) throws SQLException;

    /** Sets the MACs of the given entries (by sequence number). */
    void seal(Connection c, Map<Long, String> macs) throws SQLException;

    /** @return the person ids of the case's members now, in member order (read from {@code case_member}) */
    List<String> caseMembers(Connection c, String caseId) throws SQLException;

    /** @return the matching entries in chain order, at most {@code limit} */
    List<StoredAccessEntry> query(Connection c, AccessLogFilter filter, int limit) throws SQLException;

    /**
     * The unrestricted entries that concern a person, newest first: those naming them, and for entries
     * written before V10 (which named only the case) those on a case the person is a member of.
     */
    List<StoredAccessEntry> forPerson(Connection c, String personId, Instant from, Instant to, int limit)
            throws SQLException;

    /**
     * The entries {@link #forPerson} finds, only those before sequence number {@code beforeSeq}, newest first,
     * at most {@code limit}: a reading that must hold every entry (a person's GDPR export) pages down from
     * {@link Long#MAX_VALUE} by the last sequence number of each page; not by time, which the nodes' clocks
     * write and which need not follow the chain's order.
     */
    List<StoredAccessEntry> forPersonBefore(Connection c, String personId, long beforeSeq, int limit)
            throws SQLException;

    /** @return up to {@code size} entries from sequence number {@code fromSeq} on, in chain order, with MACs */
    List<StoredAccessEntry> page(Connection c, long fromSeq, int size) throws SQLException;

    /** @return the person rows of entries {@code from} to {@code to}, by entry */
    Map<Long, Set<String>> personRows(Connection c, long from, long to) throws SQLException;

    /**
     * @return the last entry whose person rows are written (every entry up to it has them; an entry after
     *         it has none yet, or, when someone moved the mark back by hand, the ones it had); -1 when the
     *         mark's row is missing (removed by hand)
     */
    long personsIndexedTo(Connection c) throws SQLException;

    /**
     * Writes the person rows of up to {@code max} entries after the mark, one per person each names, and
     * moves the mark past them, holding the mark's row lock until the transaction ends (an indexer on
     * another node waits, then goes on from the moved mark). Rows already there are kept.
     *
     * @return the number of entries indexed (0: the mark is at the chain's end)
     */
    int indexPersons(Connection c, int max) throws SQLException;

    // --- perf (issue 13): group commit in batches (decision 0035)

    /**
     * Writes the entries of one group commit, in order: on PostgreSQL one statement for the whole batch
     * (one round trip, decision 0054); on embedded H2 multi-row inserts of a few fixed sizes (decision
     * 0044). Their person rows follow with {@link #indexPersons}.
     */
    void appendAll(Connection c, List<StoredAccessEntry> entries) throws SQLException;
}
