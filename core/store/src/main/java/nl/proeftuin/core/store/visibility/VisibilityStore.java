package nl.proeftuin.core.store.visibility;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The facts need to know is decided on, read from the case tables (assignments, members, households)
 * and the break-glass grants, one indexed query each, so that an ended assignment counts at once.
 *
 * <p>"On the team" of a case means: actively assigned to it, or the one who opened it while no one
 * is assigned yet (the opener forms the team). The same predicate filters the case search.
 */
@ProviderType
public interface VisibilityStore {

    /** A case's municipality and who opened it. */
    record CaseOwner(String municipality, String openedBy) {
    }

    /**
     * What need to know asks of a case for one user, read together.
     *
     * @param municipality the case's municipality
     * @param openedBy     who opened it
     * @param onTeam       whether the user is on its team ({@link #onTeam})
     * @param assigned     whether the user is actively assigned to it ({@link #assigned})
     * @since 1.2
     */
    record CaseFacts(String municipality, String openedBy, boolean onTeam, boolean assigned) {
    }

    /** A household's municipality and who recorded it. */
    record HouseholdOwner(String municipality, String createdBy) {
    }

    /** @return the case's municipality and opener; empty when there is no such case */
    Optional<CaseOwner> caseOwner(Connection c, String caseId) throws SQLException;

    /**
     * {@link #caseOwner}, {@link #onTeam} and {@link #assigned} in one query: the guard's question on every
     * request about a case.
     *
     * @return the facts; empty when there is no such case
     * @since 1.2
     */
    Optional<CaseFacts> caseFacts(Connection c, String caseId, String userId) throws SQLException;

    /** @return whether the user is on the case's team (assigned now, or its opener while no one is) */
    boolean onTeam(Connection c, String caseId, String userId) throws SQLException;

    /**
     * Whether the user is actively assigned to the case (living: a team across municipalities; the
     * opener rule of {@link #onTeam} does not count here).
     *
     * @since 1.1
     */
    boolean assigned(Connection c, String caseId, String userId) throws SQLException;

    /** @return whether the user holds a break-glass grant on the case that has not expired at {@code now} */
    boolean breakGlass(Connection c, String caseId, String userId, Instant now) throws SQLException;

    /**
     * Whether the user is on the team of any case of the person within the given municipalities, in one
     * query however many cases the person has.
     *
     * @param municipalities the municipalities in scope; null for all
     */
    boolean onTeamOfACaseOf(Connection c, String personId, String userId, Set<String> municipalities)
            throws SQLException;

    /** @return who recorded the person; empty when there is no such person */
    Optional<String> personCreatedBy(Connection c, String personId) throws SQLException;

    /** @return whether the person is recorded */
    boolean personExists(Connection c, String personId) throws SQLException;

    /** @return the ids of the cases the person is a member of */
    List<String> casesOf(Connection c, String personId) throws SQLException;

    /** @return the distinct municipalities of the cases the person is a member of */
    List<String> municipalitiesOf(Connection c, String personId) throws SQLException;

    /** @return the household's municipality and recorder; empty when there is no such household */
    Optional<HouseholdOwner> householdOwner(Connection c, String householdId) throws SQLException;

    /** @return the distinct persons who are or were members of the household */
    List<String> householdMembers(Connection c, String householdId) throws SQLException;

    /**
     * Whether a review asked of this user on the case is still open (they have not recorded it yet):
     * the independent reviewer's need to know (living).
     *
     * @since 1.1
     */
    boolean openReviewRequest(Connection c, String caseId, String userId) throws SQLException;

    /**
     * Whether the case's latest triage outcome waits for assessments: the joint triage assessor's need to
     * know (living), also after their own assessment (they may revise it while the round is open). A
     * closed case waits for none.
     *
     * @since 1.1
     */
    boolean pendingAssessment(Connection c, String caseId) throws SQLException;
}
