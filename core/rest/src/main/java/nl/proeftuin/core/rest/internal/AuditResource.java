package nl.proeftuin.core.rest.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.audit.privacy.RestrictedRoutes;
import nl.proeftuin.core.security.Role;

/**
 * The access log for auditors ({@code /audit/log}, {@code /audit/verify}) and a person's own view of
 * it ({@code /persons/{personId}/access-log}: who, in which role and organisation, looked at or
 * changed what and when; entries about restricted data never appear).
 */
final class AuditResource {
    /**
     * One line of a person's access view: what NEN 7513 shows a client, without the chain's internals.
     *
     * @param at           when
     * @param action       what was done
     * @param outcome      SUCCESS, DENIED or FAILURE
     * @param userName     who (their name)
     * @param role         in which role
     * @param organisation for which organisation
     * @param objectType   what kind of data
     * @param caseId       in which case, or null
     * @param otherCase    true when a professional's view leaves out who it was: someone working in another
     *                     case of the person ({@link Guard#forProfessional})
     */
    record AccessView(Instant at, AccessAction action, String outcome, String userName, String role,
            String organisation, String objectType, String caseId, boolean otherCase) {
        static AccessView of(AccessLogEntry e) {
            boolean other = e.userId() == null && e.userName() == null;
            return new AccessView(e.at(), e.action(), e.outcome(), e.userName() == null ? e.userId() : e.userName(),
                    e.role(), e.organisation(), e.objectType(), e.caseId(), other);
        }
    }

    private final OptionalService<AccessLog> log;
    /** What a professional may pass on of a person's access view (the cases they may open). */
    private final Guard guard;

    AuditResource(OptionalService<AccessLog> log, Guard guard) {
        this.log = log;
        this.guard = guard;
    }

    void register(Router router) {
        router.add(Route.get("/audit/log")
                .operation("auditLog", "audit", "The access log, oldest first, filtered (AUDITOR).")
                .policy(RoutePolicy.anyOf(Role.AUDITOR))
                .query("from", Instant.class, "at or after (UTC)")
                .query("to", Instant.class, "before (UTC)")
                .query("userId", String.class, "by this user")
                .query("personId", String.class, "concerning this person")
                .query("caseId", String.class, "concerning this case")
                .query("action", AccessAction.class, "this action")
                .query("outcome", String.class, "SUCCESS, DENIED or FAILURE")
                .query("after", Long.class, "only entries after this sequence number")
                .query("limit", Integer.class, "1 to 1000, default 100")
                .query("requestId", String.class, "written for this request: the X-Request-Id of its answer and the "
                        + "requestId of its log lines")
                .returns(200, "OK", Route.listOf(AccessLogEntry.class))
                .responses(400)
                .handle(r -> Reply.ok(log.get().query(new AccessLogQuery(instant(r, "from"),
                        instant(r, "to"), r.query("userId"), r.query("personId"), r.query("caseId"),
                        r.queryEnum("action", AccessAction.class), outcome(r), afterSeq(r),
                        r.queryInt("limit", 100, 1, 1000), requestId(r))))));
        router.add(Route.get("/audit/verify")
                .operation("auditVerify", "audit", "Verifies the access log from the first entry (hash chain, each "
                        + "entry's MAC with the key outside the database, person rows, the checkpoints outside the "
                        + "database: a cut, a recomputed chain and removed person rows are found) and names the "
                        + "first broken entry (AUDITOR).")
                .policy(RoutePolicy.anyOf(Role.AUDITOR))
                .query("sinceLast", Boolean.class, "true: only the entries since this node's last verification that "
                        + "found the chain intact, and that the entry it ended at is unchanged (the whole chain the "
                        + "first time); absent or false: the whole chain.")
                .returns(200, "OK", ChainVerification.class)
                .responses(400)
                .handle(r -> Reply.ok(r.queryBoolean("sinceLast") ? log.get().verifySinceLastVerification()
                        : log.get().verify()).noStore()));
        router.add(Route.get("/persons/{personId}/access-log")
                .operation("personAccessLog", "audit", "Who (name, role, organisation) looked at or changed this "
                        + "person's data, and when; never entries about restricted data.")
                .describe("For a professional: the entries of the cases they may open, and the entries of no case, "
                        + "of those by someone who did not work in such a case without name and organisation "
                        + "(otherCase true): a professional of a case the person left or of the other parent's "
                        + "case is not told who works with the person elsewhere. The auditor's view is complete.")
                .policy(RoutePolicy.onPerson(Role.PROFESSIONAL, Role.AUDITOR))
                .query("from", Instant.class, "at or after (UTC)")
                .query("to", Instant.class, "before (UTC)")
                .query("limit", Integer.class, "1 to 1000, default 100")
                .returns(200, "OK", Route.listOf(AuditResource.AccessView.class))
                .responses(400)
                .handle(r -> {
                    List<AccessLogEntry> lines = log.get().forPerson(r.path("personId"), instant(r, "from"),
                            instant(r, "to"), r.queryInt("limit", 100, 1, 1000)).stream()
                            // nor the guard's entries of the restricted-data routes: that restricted data
                            // exists is restricted
                            .filter(e -> !RestrictedRoutes.concernsRestrictedData(e)).toList();
                    return Reply.ok(guard.forProfessional(r, lines).stream().map(AccessView::of).toList());
                }));
    }

    private static Instant instant(ApiRequest r, String name) {
        String value = r.query(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidParameter(name, "must be a UTC time such as 2027-03-12T09:00:00Z, not " + Json.quote(value));
        }
    }

    private static String outcome(ApiRequest r) {
        String value = r.query("outcome");
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (!List.of("SUCCESS", "DENIED", "FAILURE").contains(upper)) {
            throw ApiProblem.invalidParameter("outcome", "must be one of SUCCESS, DENIED, FAILURE, not " + Json.quote(value));
        }
        return upper;
    }

    /** A request id as stored: at most 200 characters (the column), without control characters (none is stored). */
    private static String requestId(ApiRequest r) {
        String value = r.query("requestId");
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.invalidParameter("requestId", "must be 1 to 200 characters without control characters");
        }
        return value;
    }

    private static Long afterSeq(ApiRequest r) {
        String value = r.query("after");
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw ApiProblem.invalidParameter("after", "must be 0 or more");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("after", "must be a whole number, not " + Json.quote(value));
        }
    }
}
