package nl.proeftuin.core.store.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The explicit removals of the GDPR rights, table by table in an order the foreign keys allow (each
 * list is written out; no table is found by its column names). The access log and the accountability
 * of removals (legal holds, erasure requests) are never removed.
 */
@ProviderType
public interface ErasureStore {

    /** The tables {@link #removeCase} empties for a case, in order; {@code family_case} last. */
    List<String> CASE_TABLES = List.of("case_entry_person", "restricted_reader_added", "restricted_notice",
            "case_entry", "case_member_role", "case_member", "handover", "court_request", "review", "evaluation",
            "assignment", "consent", "plan_version", "triage_assessment", "triage_outcome",
            "alert_addressee", "plugin_alert", "local_team_outbox", "local_team_inbound", "care_path_step",
            "care_path_incident", "municipal_decision", "maatwerk_request", "case_wait", "care_request_deadline",
            "care_request", "break_glass", "case_event", // muni: alert_addressee ... care_request_deadline
            "measure_evaluation", // living (V27): before the measure it evaluates
            "child_measure", "review_request", "case_signal", "separate_case", "case_member_change",
            "parental_authority", "regie_notice", // living
            "family_experience", "case_outcome", // cohorts (V20)
            "case_municipality_move", "raad_investigation", "signal_reporter", "crowd_notice", // living (V27)
            "case_summary", "case_variant", "case_framework_change", // cohorts (V26)
            "family_case");

    /** The tables {@link #removePerson} empties for a person, in order; {@code person} last. */
    List<String> PERSON_TABLES = List.of("case_entry_person", "case_member_role", "case_member", "consent",
            "municipal_decision", "maatwerk_request", "case_wait", "care_request_deadline", "care_request",
            "household_membership", "safe_address_version", "safe_address",
            "rectification", "restricted_notice", "relationship",
            "measure_evaluation", // living (V27): the evaluations of the person's measures
            "child_measure", "case_member_change", "parental_authority", // living
            "family_experience", // cohorts (V20)
            "raad_investigation", // living (V27)
            "person");

    /** The tables with a case or person column that keep their rows: the accountability of the removal. */
    List<String> KEPT = List.of("access_log", "access_log_person", "access_log_head", "legal_hold", "erasure_request");

    /**
     * Locks the person's row until the transaction ends, in the mode {@link #erasePerson} takes ({@code FOR
     * UPDATE}): it waits for a transaction that holds the person still (a case opening's {@code FOR NO KEY
     * UPDATE} on PostgreSQL, {@code FOR UPDATE} on H2) or that adds a row referencing the person (on
     * PostgreSQL a member row's foreign key takes {@code FOR KEY SHARE}), and makes them wait. An erasure, the
     * retention purge and a legal hold on the person take it before they read what their decision rests on.
     *
     * @return false when there is no such person
     */
    boolean lockPerson(Connection c, String personId) throws SQLException;

    /**
     * Locks the person's row ({@link #lockPerson}), then reads the cases the person is a member of as they
     * stand once the lock is held: the retention purge's check, again under the lock, that the person is in
     * no case it keeps. Its own statement, not {@link PrivacyStore#casesOf}'s: H2 may answer a statement
     * repeated in one transaction from its earlier result, from before another transaction's commit.
     *
     * @return the case ids; empty when there is no such person
     */
    Optional<List<String>> lockPersonAndFindCases(Connection c, String personId) throws SQLException;

    /**
     * Locks the case's row until the transaction ends ({@code FOR UPDATE}): the retention purge takes it
     * before it looks for a hold on the case, a legal hold on the case before it is placed.
     *
     * @return false when there is no such case
     */
    boolean lockCase(Connection c, String caseId) throws SQLException;

    /** Removes a case with every row that belongs to it ({@link #CASE_TABLES}). */
    void removeCase(Connection c, String caseId) throws SQLException;

    /** Removes a person with every row that names them ({@link #PERSON_TABLES}). */
    void removePerson(Connection c, String personId) throws SQLException;

    /**
     * Erases a person who stays recorded (GDPR art. 17 where no case keeps them): relationships, household
     * memberships, safe address with its versions, notices and rectification history removed; names
     * replaced by {@code erased}, the BSN removed, the date of birth set to the first of January of its year.
     *
     * @return false when there is no such person
     */
    boolean erasePerson(Connection c, String personId, String erased) throws SQLException;

    /** The date of birth an erasure keeps: the first of January of the year. */
    static LocalDate erasedDateOfBirth(LocalDate dateOfBirth) {
        return LocalDate.of(dateOfBirth.getYear(), 1, 1);
    }
}
