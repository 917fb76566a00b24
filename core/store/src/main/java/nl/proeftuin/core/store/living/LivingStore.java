package nl.proeftuin.core.store.living;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.living.ChildMeasure;
import nl.proeftuin.core.api.living.ReviewRequest;
import org.osgi.annotation.versioning.ProviderType;

/** The living case's rows: {@code child_measure}, {@code review_request}. */
@ProviderType
public interface LivingStore {

    /** Stores a new measure. */
    void insertMeasure(Connection c, ChildMeasure m) throws SQLException;

    /** @return the measure of that case, if any */
    Optional<ChildMeasure> measure(Connection c, String caseId, String measureId) throws SQLException;

    /** @return the case's measures, oldest first */
    List<ChildMeasure> measures(Connection c, String caseId) throws SQLException;

    /** @return the child's measures in every case, oldest first */
    List<ChildMeasure> measuresOfChild(Connection c, String personId) throws SQLException;

    /**
     * The measures of a type not ended and whose end date falls on or before {@code until}, soonest
     * first, in every case (for the reminders of a measure's cycle: an OTS's evaluation is due 8 weeks
     * before its end).
     */
    List<ChildMeasure> runningEndingBy(Connection c, MeasureType type, LocalDate until) throws SQLException;

    /** Records the end of a measure; false when it had ended already. */
    boolean end(Connection c, String measureId, LocalDate endedOn, String reason) throws SQLException;

    /** Stores a review request (its {@code reviewId} is ignored: it is derived). */
    void insertReviewRequest(Connection c, ReviewRequest r) throws SQLException;

    /**
     * @return the case's review requests, oldest first, each with the first review its reviewer recorded
     *         with their own login after it was asked
     */
    List<ReviewRequest> reviewRequests(Connection c, String caseId) throws SQLException;

    /** @return the reviewer's open requests in cases not closed, oldest first */
    List<ReviewRequest> openReviewRequests(Connection c, String reviewerId) throws SQLException;
}
