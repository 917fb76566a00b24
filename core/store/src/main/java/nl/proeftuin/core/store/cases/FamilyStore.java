package nl.proeftuin.core.store.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.proeftuin.core.api.dto.Household;
import nl.proeftuin.core.api.dto.Membership;
import nl.proeftuin.core.api.dto.Relationship;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Persons, relationships and households. Every method works in the caller's transaction.
 */
@ProviderType
public interface FamilyStore {

    /**
     * Inserts a person.
     *
     * @param c          the connection
     * @param person     the person (its {@code nationalIdMasked} is ignored)
     * @param nationalId the BSN in protected form, or null when none is recorded
     * @throws SQLException on a database failure (including a BSN that is already recorded, by
     *                      its lookup digest)
     */
    void insertPerson(Connection c, StoredPerson person, ProtectedNationalId nationalId) throws SQLException;

    /**
     * @param c  the connection
     * @param id the person id
     * @return the person, if recorded
     * @throws SQLException on a database failure
     */
    Optional<StoredPerson> person(Connection c, String id) throws SQLException;

    /**
     * Reads a person and locks their row until the transaction ends (a rectification).
     *
     * @param c  the connection
     * @param id the person's id
     * @return the person, if recorded
     * @throws SQLException on a database failure
     */
    Optional<StoredPerson> lockPerson(Connection c, String id) throws SQLException;

    /**
     * Rectifies a person's names and date of birth (GDPR art. 16); the search columns follow the names.
     *
     * @param c           the connection
     * @param id          the person's id
     * @param givenName   the given name
     * @param familyName  the family name
     * @param dateOfBirth the date of birth
     * @throws SQLException on a database failure
     */
    void rectifyPerson(Connection c, String id, String givenName, String familyName, java.time.LocalDate dateOfBirth)
            throws SQLException;

    /**
     * The protected BSN of a person, for the few flows that must send it (an iJw message requires
     * it); never for display.
     *
     * @param c  the connection
     * @param id the person
     * @return the protected BSN, or empty when none is recorded (or no such person)
     * @throws SQLException on a database failure
     */
    Optional<ProtectedNationalId> protectedNationalId(Connection c, String id) throws SQLException;

    /**
     * @param c   the connection
     * @param ids person ids
     * @return the recorded ones among them, by id
     * @throws SQLException on a database failure
     */
    Map<String, StoredPerson> persons(Connection c, Collection<String> ids) throws SQLException;

    /**
     * @param c          the connection
     * @param lookupDigest the {@link ProtectedNationalId#lookupDigest() lookup digest} of a BSN
     * @return the id of the person recorded with that BSN, if any
     * @throws SQLException on a database failure
     */
    Optional<String> personIdByNationalIdDigest(Connection c, String lookupDigest) throws SQLException;

    /**
     * Persons whose given or family name contains the text, case-insensitively, ordered by family
     * then given name.
     *
     * @param c     the connection
     * @param text  the text (wildcards in it are taken literally)
     * @param limit at most this many
     * @return the persons
     * @throws SQLException on a database failure
     */
    List<StoredPerson> findPersons(Connection c, String text, int limit) throws SQLException;

    /**
     * @param c            the connection
     * @param relationship the relationship
     * @param recordedBy   who records it
     * @param recordedAt   when
     * @throws SQLException on a database failure
     */
    void insertRelationship(Connection c, Relationship relationship, Instant recordedAt, String recordedBy)
            throws SQLException;

    /**
     * @param c        the connection
     * @param personId a person
     * @return the relationships the person is on either side of, oldest first
     * @throws SQLException on a database failure
     */
    List<Relationship> relationshipsOf(Connection c, String personId) throws SQLException;

    /**
     * @param c         the connection
     * @param personIds persons
     * @return the relationships with both sides among them, oldest first
     * @throws SQLException on a database failure
     */
    List<Relationship> relationshipsAmong(Connection c, Collection<String> personIds) throws SQLException;

    /**
     * Inserts a household (its members are ignored: add them with {@link #insertMembership}).
     *
     * @param c          the connection
     * @param household  the household
     * @param recordedAt when
     * @param recordedBy who
     * @throws SQLException on a database failure
     */
    void insertHousehold(Connection c, Household household, Instant recordedAt, String recordedBy)
            throws SQLException;

    /**
     * @param c           the connection
     * @param householdId the household
     * @return the household with all membership periods, if recorded
     * @throws SQLException on a database failure
     */
    Optional<Household> household(Connection c, String householdId) throws SQLException;

    /**
     * @param c           the connection
     * @param householdId the household
     * @param membership  the period
     * @throws SQLException on a database failure
     */
    void insertMembership(Connection c, String householdId, Membership membership) throws SQLException;

    /**
     * @param c         the connection
     * @param personIds persons
     * @return every household any of them lives or lived in, with all membership periods
     * @throws SQLException on a database failure
     */
    List<Household> householdsOf(Connection c, Collection<String> personIds) throws SQLException;
}
