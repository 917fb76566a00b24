package nl.proeftuin.core.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import nl.proeftuin.core.security.CaseAccess;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Need to know, decided by a few indexed queries on the case tables (assignments, members, households)
 * and the break-glass grants on every request, so that an ended assignment counts at once. Reads the
 * store's tables directly: one query per decision instead of loading whole cases through the services.
 */
@Component(service = NeedToKnow.class)
public class JdbcNeedToKnow implements NeedToKnow {
    private final Database database;
    private final Clock clock;

    @Activate
    public JdbcNeedToKnow(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    JdbcNeedToKnow(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public CaseAccess toCase(Principal principal, String caseId) {
        return read(c -> toCase(c, principal, caseId));
    }

    @Override
    public CaseAccess toPerson(Principal principal, String personId) {
        return read(c -> toPerson(c, principal, personId));
    }

    @Override
    public CaseAccess toHousehold(Principal principal, String householdId) {
        return read(c -> {
            Optional<String> createdBy = Sql.one(c, "SELECT created_by FROM household WHERE id = ?",
                    rs -> rs.getString(1), householdId);
            if (createdBy.isEmpty()) {
                return CaseAccess.NOT_FOUND;
            }
            List<String> members = Sql.list(c,
                    "SELECT DISTINCT person_id FROM household_membership WHERE household_id = ?", rs -> rs.getString(1),
                    householdId);
            if (members.isEmpty()) {
                return creator(principal, createdBy.get());
            }
            CaseAccess best = CaseAccess.NOT_ASSIGNED;
            for (String personId : members) {
                best = better(best, toPerson(c, principal, personId));
            }
            return best == CaseAccess.NOT_FOUND ? CaseAccess.NOT_ASSIGNED : best;
        });
    }

    @Override
    public CaseAccess withinScope(Principal principal, String objectType, String objectId) {
        return read(c -> switch (objectType) {
            case "case" -> Sql.one(c, "SELECT municipality FROM family_case WHERE id = ?", rs -> rs.getString(1), objectId)
                    .map(m -> principal.covers(m) ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY)
                    .orElse(CaseAccess.NOT_FOUND);
            case "household" -> Sql.one(c, "SELECT municipality FROM household WHERE id = ?", rs -> rs.getString(1), objectId)
                    .map(m -> principal.covers(m) ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY)
                    .orElse(CaseAccess.NOT_FOUND);
            case "person" -> {
                if (!Sql.exists(c, "SELECT 1 FROM person WHERE id = ?", objectId)) {
                    yield CaseAccess.NOT_FOUND;
                }
                List<String> municipalities = Sql.list(c, "SELECT DISTINCT k.municipality FROM case_member m"
                        + " JOIN family_case k ON k.id = m.case_id WHERE m.person_id = ?", rs -> rs.getString(1), objectId);
                boolean within = municipalities.isEmpty() ? principal.allMunicipalities()
                        : municipalities.stream().allMatch(principal::covers);
                yield within ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY;
            }
            default -> throw new IllegalArgumentException("no municipality scope for " + objectType);
        });
    }

    private CaseAccess toCase(Connection c, Principal principal, String caseId) throws SQLException {
        record Kase(String municipality, String openedBy) {
        }
        Optional<Kase> kase = Sql.one(c, "SELECT municipality, opened_by FROM family_case WHERE id = ?",
                rs -> new Kase(rs.getString(1), rs.getString(2)), caseId);
        if (kase.isEmpty()) {
            return CaseAccess.NOT_FOUND;
        }
        if (!principal.covers(kase.get().municipality())) {
            return CaseAccess.OTHER_MUNICIPALITY;
        }
        if (!principal.has(Role.PROFESSIONAL)) {
            return CaseAccess.NOT_ASSIGNED;
        }
        String user = principal.userId();
        if (Sql.exists(c, "SELECT 1 FROM assignment WHERE case_id = ? AND professional_id = ? AND until_date IS NULL",
                caseId, user)) {
            return CaseAccess.ASSIGNED;
        }
        // The one who opened a case forms its team: until anyone is assigned, they count as assigned.
        if (user.equals(kase.get().openedBy())
                && !Sql.exists(c, "SELECT 1 FROM assignment WHERE case_id = ? AND until_date IS NULL", caseId)) {
            return CaseAccess.ASSIGNED;
        }
        if (Sql.exists(c, "SELECT 1 FROM break_glass WHERE case_id = ? AND user_id = ? AND expires_at > ?",
                caseId, user, clock.instant())) {
            return CaseAccess.BREAK_GLASS;
        }
        return CaseAccess.NOT_ASSIGNED;
    }

    private CaseAccess toPerson(Connection c, Principal principal, String personId) throws SQLException {
        Optional<String> createdBy = Sql.one(c, "SELECT created_by FROM person WHERE id = ?", rs -> rs.getString(1), personId);
        if (createdBy.isEmpty()) {
            return CaseAccess.NOT_FOUND;
        }
        if (assignedToACaseOf(c, principal, personId)) {
            return CaseAccess.ASSIGNED;
        }
        // Not assigned to any of the person's cases: decide case by case, for the most telling refusal
        // (or break-glass). The common answer above is one indexed query, however many cases the person has.
        List<String> cases = Sql.list(c, "SELECT case_id FROM case_member WHERE person_id = ?", rs -> rs.getString(1), personId);
        if (cases.isEmpty()) {
            return creator(principal, createdBy.get());
        }
        CaseAccess best = null;
        for (String caseId : cases) {
            best = best == null ? toCase(c, principal, caseId) : better(best, toCase(c, principal, caseId));
        }
        return best;
    }

    /**
     * Whether the professional is actively assigned to a case of the person (or opened one that has
     * no team yet) within their municipality scope: the rule of {@link #toCase} over all the person's
     * cases in one query.
     */
    private static boolean assignedToACaseOf(Connection c, Principal principal, String personId) throws SQLException {
        if (!principal.has(Role.PROFESSIONAL) || principal.municipalities().isEmpty()) {
            return false; // no municipalities: no case is within scope
        }
        List<Object> params = new java.util.ArrayList<>(List.of(personId, principal.userId(), principal.userId()));
        StringBuilder scope = new StringBuilder();
        if (!principal.allMunicipalities()) {
            scope.append(" AND LOWER(k.municipality) IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(principal.municipalities().size(), "?")))
                    .append(')');
            principal.municipalities().forEach(m -> params.add(m.toLowerCase(java.util.Locale.ROOT)));
        }
        return Sql.exists(c, "SELECT 1 FROM case_member m JOIN family_case k ON k.id = m.case_id WHERE m.person_id = ?"
                + " AND (EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = m.case_id AND a.professional_id = ?"
                + " AND a.until_date IS NULL) OR (k.opened_by = ? AND NOT EXISTS (SELECT 1 FROM assignment a"
                + " WHERE a.case_id = m.case_id AND a.until_date IS NULL)))" + scope + " LIMIT 1", params.toArray());
    }

    /** A person or household in no case yet is seen by whoever recorded it (to put it in a case). */
    private static CaseAccess creator(Principal principal, String createdBy) {
        return principal.has(Role.PROFESSIONAL) && principal.userId().equals(createdBy)
                ? CaseAccess.ASSIGNED : CaseAccess.NOT_ASSIGNED;
    }

    /** The more permissive of two decisions; a refusal for not being assigned beats one for scope. */
    private static CaseAccess better(CaseAccess a, CaseAccess b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(CaseAccess access) {
        return switch (access) {
            case ASSIGNED -> 4;
            case BREAK_GLASS -> 3;
            case NOT_ASSIGNED -> 2;
            case OTHER_MUNICIPALITY -> 1;
            case NOT_FOUND -> 0;
        };
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("need-to-know decision failed in the database", e);
        }
    }
}
