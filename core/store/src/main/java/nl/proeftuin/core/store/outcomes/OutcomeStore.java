package nl.proeftuin.core.store.outcomes;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The structured outcome at closing and the family-experience scores; the only writer of both tables. */
@ProviderType
public interface OutcomeStore {

    /**
     * @param outcome a {@code ClosingOutcome} name ({@code UNKNOWN} for cases closed before V20)
     * @param closedOn the Dutch calendar day of the closing
     */
    record StoredOutcome(String caseId, String outcome, String reasons, LocalDate closedOn, Instant closedAt,
            String recordedBy) {
    }

    /** @param recordedAs FAMILY or PROFESSIONAL (on the member's behalf) */
    record StoredExperience(String id, String caseId, String personId, int score, String remark, String recordedAs,
            Instant recordedAt, String recordedBy) {
    }

    void insertOutcome(Connection c, StoredOutcome outcome) throws SQLException;

    Optional<StoredOutcome> outcome(Connection c, String caseId) throws SQLException;

    void insertExperience(Connection c, StoredExperience experience) throws SQLException;

    /** @return the case's scores, oldest first (the newest per member counts) */
    List<StoredExperience> experiences(Connection c, String caseId) throws SQLException;

    /**
     * The later cases that share a member with this one and whose signal was received within twelve
     * months after its closing: its repeat signals.
     *
     * @return their ids, oldest signal first; empty when the case is not closed
     */
    List<String> repeatSignals(Connection c, String caseId) throws SQLException;
}
