package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.proeftuin.core.store.privacy.ErasureStore;
import org.osgi.service.component.annotations.Component;

/** The GDPR removals, one statement per table in the order of {@link ErasureStore#CASE_TABLES} and {@link ErasureStore#PERSON_TABLES}. */
@Component(service = ErasureStore.class)
public class JdbcErasureStore implements ErasureStore {

    @Override
    public boolean lockPerson(Connection c, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM person WHERE id = ? FOR UPDATE", rs -> Boolean.TRUE, personId).isPresent();
    }

    @Override
    public Optional<List<String>> lockPersonAndFindCases(Connection c, String personId) throws SQLException {
        if (!lockPerson(c, personId)) {
            return Optional.empty();
        }
        return Optional.of(Jdbc.list(c, "SELECT m.case_id FROM case_member m WHERE m.person_id = ? ORDER BY m.case_id",
                rs -> rs.getString(1), personId));
    }

    @Override
    public boolean lockCase(Connection c, String caseId) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM family_case WHERE id = ? FOR UPDATE", rs -> Boolean.TRUE, caseId).isPresent();
    }

    @Override
    public void removeCase(Connection c, String caseId) throws SQLException {
        for (String table : CASE_TABLES) {
            switch (table) {
                case "case_entry_person" -> Jdbc.update(c, "DELETE FROM case_entry_person WHERE entry_id IN"
                        + " (SELECT id FROM case_entry WHERE case_id = ?)", caseId);
                case "family_case" -> Jdbc.update(c, "DELETE FROM family_case WHERE id = ?", caseId);
                case "case_summary" -> { // with its contributions to the monitor's tally (V33)
                    Map<MonitorTally.Key, Long> removed = new HashMap<>();
                    MonitorTally.contributions(c, " = ?", new Object[] {caseId}, -1, removed);
                    MonitorTally.change(c, removed);
                    Jdbc.update(c, "DELETE FROM case_summary WHERE case_id = ?", caseId);
                }
                // muni (V23): rows hanging on an alert or a care request of the case
                case "alert_addressee" -> Jdbc.update(c, "DELETE FROM alert_addressee WHERE alert_id IN"
                        + " (SELECT id FROM plugin_alert WHERE case_id = ?)", caseId);
                case "care_request_deadline" -> Jdbc.update(c, "DELETE FROM care_request_deadline WHERE request_id IN"
                        + " (SELECT id FROM care_request WHERE case_id = ?)", caseId);
                default -> Jdbc.update(c, "DELETE FROM " + table + " WHERE case_id = ?", caseId);
            }
        }
    }

    @Override
    public void removePerson(Connection c, String personId) throws SQLException {
        for (String table : PERSON_TABLES) {
            switch (table) {
                case "relationship" -> Jdbc.update(c, "DELETE FROM relationship WHERE from_person_id = ?"
                        + " OR to_person_id = ?", personId, personId);
                case "parental_authority" -> Jdbc.update(c, "DELETE FROM parental_authority WHERE person_id = ?"
                        + " OR holder_person_id = ?", personId, personId); // living
                case "person" -> Jdbc.update(c, "DELETE FROM person WHERE id = ?", personId);
                // living (V27): the evaluations of the person's measures
                case "measure_evaluation" -> Jdbc.update(c, "DELETE FROM measure_evaluation WHERE measure_id IN"
                        + " (SELECT id FROM child_measure WHERE person_id = ?)", personId);
                // muni (V23): the decisions and deadlines of the person's requests
                case "municipal_decision" -> Jdbc.update(c, "DELETE FROM municipal_decision WHERE request_id IN"
                        + " (SELECT id FROM maatwerk_request WHERE person_id = ?)"
                        + " OR request_id IN (SELECT id FROM care_request WHERE person_id = ?)", personId, personId);
                case "care_request_deadline" -> Jdbc.update(c, "DELETE FROM care_request_deadline WHERE request_id IN"
                        + " (SELECT id FROM care_request WHERE person_id = ?)", personId);
                case "case_wait" -> Jdbc.update(c, "DELETE FROM case_wait WHERE care_request_id IN"
                        + " (SELECT id FROM care_request WHERE person_id = ?)", personId);
                default -> Jdbc.update(c, "DELETE FROM " + table + " WHERE person_id = ?", personId);
            }
        }
    }

    @Override
    public boolean erasePerson(Connection c, String personId, String erased) throws SQLException {
        Optional<LocalDate> dob = Jdbc.one(c, "SELECT date_of_birth FROM person WHERE id = ? FOR UPDATE",
                rs -> rs.getObject(1, LocalDate.class), personId);
        if (dob.isEmpty()) {
            return false;
        }
        Jdbc.update(c, "DELETE FROM relationship WHERE from_person_id = ? OR to_person_id = ?", personId, personId);
        Jdbc.update(c, "DELETE FROM household_membership WHERE person_id = ?", personId);
        Jdbc.update(c, "DELETE FROM safe_address WHERE person_id = ?", personId);
        // an approved erasure erases the safe address's earlier versions and the notices about it too
        Jdbc.update(c, "DELETE FROM safe_address_version WHERE person_id = ?", personId);
        Jdbc.update(c, "DELETE FROM restricted_notice WHERE person_id = ?", personId);
        Jdbc.update(c, "DELETE FROM rectification WHERE person_id = ?", personId);
        Jdbc.update(c, "UPDATE person SET given_name = ?, family_name = ?, given_name_lc = ?, family_name_lc = ?,"
                + " national_id_digest = NULL, national_id_sealed = NULL, national_id_last3 = NULL, date_of_birth = ?"
                + " WHERE id = ?", erased, erased, erased, erased, Jdbc.date(ErasureStore.erasedDateOfBirth(dob.get())),
                personId);
        return true;
    }
}
