package nl.proeftuin.core.store.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The owner of {@code safe_address}, {@code safe_address_version}, {@code restricted_notice},
 * {@code restricted_reader_added} and of the restricted rows of {@code case_entry} (those with a
 * restriction list) with their {@code case_entry_person} rows.
 */
@ProviderType
public interface RestrictedDataStore {

    /** An active assignment: who holds which role, and whether casusregie. */
    record Holding(String professionalId, String role, boolean casusregie) {
    }

    /** @return the safe address's version, its row locked until the transaction ends; empty when none */
    Optional<Integer> lockSafeAddress(Connection c, String personId) throws SQLException;

    Optional<StoredSafeAddress> safeAddress(Connection c, String personId) throws SQLException;

    /**
     * Records a first safe address.
     *
     * @throws SQLException also when one was recorded at the same moment (an integrity violation, SQL state 23xxx)
     */
    void insertSafeAddress(Connection c, StoredSafeAddress address) throws SQLException;

    /** Replaces the current safe address with a new version. */
    void updateSafeAddress(Connection c, StoredSafeAddress address) throws SQLException;

    /** Keeps one version of a safe address (its change kind set). */
    void insertSafeAddressVersion(Connection c, StoredSafeAddress version) throws SQLException;

    /** @return every version, oldest first */
    List<StoredSafeAddress> safeAddressVersions(Connection c, String personId) throws SQLException;

    /**
     * The active assignments in a case, or (caseId null) in every case the person is a current member of
     * (an ended membership does not count), in the order they were made; only the professional's when
     * {@code professionalId} is given (read from {@code assignment}, which the case store owns).
     */
    List<Holding> activeHoldings(Connection c, String caseId, String personId, String professionalId)
            throws SQLException;

    /**
     * @return the cases the person is a current member of (an ended membership does not count)
     * @since 1.2
     */
    List<String> currentCases(Connection c, String personId) throws SQLException;

    /**
     * @return the cases the person is a current member of in which the professional holds or held an
     *         assignment (read from {@code assignment}, which the case store owns)
     * @since 1.2
     */
    List<String> casesWorkedIn(Connection c, String personId, String professionalId) throws SQLException;

    void insertNotice(Connection c, StoredNotice notice) throws SQLException;

    /** @return the recipient's notices, newest first, at most {@code limit} */
    List<StoredNotice> notices(Connection c, String recipientId, int limit) throws SQLException;

    /** @return whether the person is a current member of the case (an ended membership is history) */
    boolean isMember(Connection c, String caseId, String personId) throws SQLException;

    /** Writes a restricted entry and the persons it is about. */
    void insertEntry(Connection c, StoredRestrictedEntry entry) throws SQLException;

    /** Locks the restricted entry of the case until the transaction ends; false when there is none. */
    boolean lockEntry(Connection c, String caseId, String entryId) throws SQLException;

    /** @return the case's restricted entries, oldest first */
    List<StoredRestrictedEntry> entries(Connection c, String caseId) throws SQLException;

    /** Sets the entry's restriction list and records the reader added. */
    void addEntryReader(Connection c, String caseId, String entryId, List<String> restrictedTo, String reader,
            Instant at, String by) throws SQLException;
}
