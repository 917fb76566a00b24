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
import nl.proeftuin.core.store.visibility.VisibilityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Need to know, decided on a few indexed queries of the {@link VisibilityStore} (assignments, members,
 * households, break-glass grants) on every request, so that an ended assignment counts at once. The
 * predicate "on the case's team" is the store's, the same one that filters the case search; the
 * decision (roles, municipality scope, the most telling refusal) is made here.
 */
@Component(service = NeedToKnow.class)
public class JdbcNeedToKnow implements NeedToKnow {
    private final Database database;
    private final VisibilityStore store;
    private final Clock clock;

    @Activate
    public JdbcNeedToKnow(@Reference Database database, @Reference VisibilityStore store) {
        this(database, store, Clock.systemUTC());
    }

    JdbcNeedToKnow(Database database, VisibilityStore store, Clock clock) {
        this.database = database;
        this.store = store;
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
            Optional<VisibilityStore.HouseholdOwner> household = store.householdOwner(c, householdId);
            if (household.isEmpty()) {
                return CaseAccess.NOT_FOUND;
            }
            List<String> members = store.householdMembers(c, householdId);
            if (members.isEmpty()) {
                return creator(principal, household.get().createdBy());
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
            case "case" -> store.caseOwner(c, objectId)
                    .map(k -> principal.covers(k.municipality()) ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY)
                    .orElse(CaseAccess.NOT_FOUND);
            case "household" -> store.householdOwner(c, objectId)
                    .map(h -> principal.covers(h.municipality()) ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY)
                    .orElse(CaseAccess.NOT_FOUND);
            case "person" -> {
                if (!store.personExists(c, objectId)) {
                    yield CaseAccess.NOT_FOUND;
                }
                List<String> municipalities = store.municipalitiesOf(c, objectId);
                boolean within = municipalities.isEmpty() ? principal.allMunicipalities()
                        : municipalities.stream().allMatch(principal::covers);
                yield within ? CaseAccess.ASSIGNED : CaseAccess.OTHER_MUNICIPALITY;
            }
            default -> throw new IllegalArgumentException("no municipality scope for " + objectType);
        });
    }

    @Override
    public CaseAccess invited(Principal principal, String caseId) {
        return read(c -> {
            Optional<VisibilityStore.CaseOwner> kase = store.caseOwner(c, caseId);
            if (kase.isEmpty()) {
                return CaseAccess.NOT_FOUND;
            }
            // the reviewer is asked by name, often from another region: the request is the need to know
            if (principal.has(Role.INDEPENDENT_REVIEWER) && store.openReviewRequest(c, caseId, principal.userId())) {
                return CaseAccess.INVITED;
            }
            boolean assessor = Role.ASSESSORS.stream().anyMatch(principal::has);
            if (!assessor) {
                return CaseAccess.NOT_ASSIGNED;
            }
            if (!principal.covers(kase.get().municipality())) {
                return CaseAccess.OTHER_MUNICIPALITY;
            }
            return store.pendingAssessment(c, caseId) ? CaseAccess.INVITED : CaseAccess.NOT_ASSIGNED;
        });
    }

    private CaseAccess toCase(Connection c, Principal principal, String caseId) throws SQLException {
        String user = principal.userId();
        // perf (issue 13): the case's owner, the team and the assignment in one query
        Optional<VisibilityStore.CaseFacts> kase = store.caseFacts(c, caseId, user);
        if (kase.isEmpty()) {
            return CaseAccess.NOT_FOUND;
        }
        if (!principal.covers(kase.get().municipality())) {
            // a team across municipalities: an active assignment is need to know whatever the municipality
            // (an account without municipalities is not set up yet: it sees none)
            return principal.has(Role.PROFESSIONAL) && !principal.municipalities().isEmpty() && kase.get().assigned()
                    ? CaseAccess.TEAM_ACROSS_MUNICIPALITIES : CaseAccess.OTHER_MUNICIPALITY;
        }
        if (!principal.has(Role.PROFESSIONAL)) {
            return CaseAccess.NOT_ASSIGNED;
        }
        // assigned now, or the one who opened it while no one is (the opener forms the team)
        if (kase.get().onTeam()) {
            return CaseAccess.ASSIGNED;
        }
        if (store.breakGlass(c, caseId, user, clock.instant())) {
            return CaseAccess.BREAK_GLASS;
        }
        return CaseAccess.NOT_ASSIGNED;
    }

    private CaseAccess toPerson(Connection c, Principal principal, String personId) throws SQLException {
        Optional<String> createdBy = store.personCreatedBy(c, personId);
        if (createdBy.isEmpty()) {
            return CaseAccess.NOT_FOUND;
        }
        if (principal.has(Role.PROFESSIONAL) && !principal.municipalities().isEmpty() && store.onTeamOfACaseOf(c,
                personId, principal.userId(), principal.allMunicipalities() ? null : principal.municipalities())) {
            return CaseAccess.ASSIGNED;
        }
        // Not on the team of any of the person's cases: decide case by case, for the most telling refusal
        // (or break-glass). The common answer above is one indexed query, however many cases the person has.
        List<String> cases = store.casesOf(c, personId);
        if (cases.isEmpty()) {
            return creator(principal, createdBy.get());
        }
        CaseAccess best = null;
        for (String caseId : cases) {
            best = best == null ? toCase(c, principal, caseId) : better(best, toCase(c, principal, caseId));
        }
        return best;
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
            case ASSIGNED -> 6;
            case INVITED -> 5;
            case TEAM_ACROSS_MUNICIPALITIES -> 4;
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
