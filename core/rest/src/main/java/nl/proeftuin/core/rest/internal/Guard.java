package nl.proeftuin.core.rest.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.servlet.http.HttpServletRequest;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.api.dto.CaseMember;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.privacy.RestrictedRoutes;
import nl.proeftuin.core.security.AuthenticationException;
import nl.proeftuin.core.security.Authenticator;
import nl.proeftuin.core.security.CaseAccess;
import nl.proeftuin.core.security.NeedToKnow;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.store.region.MunicipalityNames;

/**
 * The one place where the API decides whether a request may proceed: the bearer token (401), the
 * route's roles (403), need to know on the case, person or household in the path (403, or 404 when
 * it does not exist), and the access-log entry for every request, allowed or refused (ASVS 16.3.2,
 * NEN 7513). Refusals are 403 whether the user is not assigned or the case lies in another
 * municipality; the problem says which, so a professional knows break-glass is the way in. Break-glass
 * admits the case for the emergency only: not its team routes' changes, and not its persons in a body
 * (403 {@code break_glass}), so the grant never turns into lasting access.
 *
 * <p>A refusal is logged here. An admitted request is logged once, AFTER its handler, with what
 * happened ({@link #logOutcome}): the HTTP status, SUCCESS or FAILURE, the ids it created, the persons
 * it concerned and the search terms; the dispatcher writes the answer only after that entry is
 * committed (no log, no answer).
 */
final class Guard {
    static final String PRINCIPAL = Guard.class.getName() + ".principal";
    static final String REQUEST_ID = Guard.class.getName() + ".requestId";
    static final String ENTRY = Guard.class.getName() + ".entry";

    /**
     * The access-log entry of an admitted request, written after its handler. Handlers add what they
     * learn: the persons a body names, another action (logout).
     */
    static final class Entry {
        final AccessEvent admitted;
        final String method;
        final String template;
        AccessAction action;
        final Set<String> persons = new LinkedHashSet<>();
        /** What the handler adds to the entry's detail (what a permission change set), or null. */
        String change;
        /** The case a handler found the request to concern when its path names none (muni: a decision), or null. */
        String caseId;

        Entry(AccessEvent admitted, String method, String template) {
            this.admitted = admitted;
            this.method = method;
            this.template = template;
            this.action = admitted.action();
        }
    }

    private final OptionalService<Authenticator> authenticator;
    private final OptionalService<NeedToKnow> needToKnow;
    private final OptionalService<AccessLog> log;

    Guard(OptionalService<Authenticator> authenticator, OptionalService<NeedToKnow> needToKnow,
            OptionalService<AccessLog> log) {
        this.authenticator = authenticator;
        this.needToKnow = needToKnow;
        this.log = log;
    }

    /**
     * Decides; logs a refusal; on success leaves the principal on the request for {@link Actors} and
     * returns the entry to log after the handler ({@link #logOutcome}).
     *
     * @return the admitted request's entry, or null for an open route (which logs what it does itself)
     * @throws ApiProblem 401, 403, 404 or 503 (a security service or the access log is not available:
     *                    nothing is served unlogged)
     */
    Entry check(HttpServletRequest req, Router.Match match) {
        RoutePolicy policy = match.route().policy();
        if (policy.open()) {
            return null;
        }
        AccessLog accessLog = log.get();
        Principal principal = authenticate(req);
        String requestId = RequestIds.of(req); // made at the request's start: also in its log lines and answer
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            req.setAttribute(REQUEST_ID, requestId);
        }
        String route = match.route().method() + " " + match.route().template();
        Role role = principal.roles().stream().filter(policy.roles()::contains).findFirst().orElse(null);
        String caseId = match.variables().get("caseId");
        String personId = match.variables().get("personId");
        String householdId = match.variables().get("householdId");
        String account = match.variables().get("userId"); // /users/{userId}: the account changed
        String objectId = caseId != null ? caseId : personId != null ? personId : householdId != null ? householdId
                : account;
        String objectType = caseId != null ? "case" : personId != null ? "person" : householdId != null ? "household"
                : account != null ? "account" : match.route().template().split("/")[1];
        AccessAction action = action(req.getMethod(), match.route().template(), req.getQueryString() != null);
        // living: a reviewer or triage assessor reaches a case by invitation, on the routes it needs
        Role invitedRole = policy.scope() == RoutePolicy.Scope.CASE && caseId != null
                && policy.roles().contains(Role.PROFESSIONAL) && invitable(req.getMethod(), match.route().template())
                ? principal.roles().stream().filter(Role.INVITED::contains).findFirst().orElse(null) : null;
        if (role == null && invitedRole == null) {
            accessLog.append(event(action, AccessEvent.DENIED, principal, null, personId, caseId, objectType, objectId,
                    requestId, route + ": role " + principal.roles() + " not in " + policy.roles()));
            throw new ApiProblem(403, "Forbidden", "Your role may not use " + route).with("reason", "role");
        }
        CaseAccess access = CaseAccess.ASSIGNED;
        if (role == null) {
            role = invitedRole;
            access = needToKnow.get().invited(principal, caseId);
        } else if (role == Role.PROFESSIONAL) {
            NeedToKnow ntk = policy.scope() == RoutePolicy.Scope.ROLE ? null : needToKnow.get();
            access = switch (policy.scope()) {
                case CASE -> ntk.toCase(principal, caseId);
                case PERSON -> ntk.toPerson(principal, personId);
                case HOUSEHOLD -> ntk.toHousehold(principal, objectId);
                default -> CaseAccess.ASSIGNED;
            };
            if (!access.allowed() && access != CaseAccess.NOT_FOUND && invitedRole != null) {
                CaseAccess invited = ntk.invited(principal, caseId);
                if (invited.allowed()) {
                    role = invitedRole;
                    access = invited;
                }
            }
        } else {
            access = withinScope(policy, principal, objectType, objectId);
        }
        if (access == CaseAccess.NOT_FOUND) {
            accessLog.append(event(action, AccessEvent.FAILURE, principal, role, personId, caseId, objectType, objectId,
                    requestId, route + ": not found"));
            throw ApiProblem.notFound("No " + objectType + " " + objectId);
        }
        if (!access.allowed()) {
            accessLog.append(event(action, AccessEvent.DENIED, principal, role, personId, caseId, objectType, objectId,
                    requestId, route + ": " + access.name().toLowerCase(Locale.ROOT)));
            String detail = access == CaseAccess.OTHER_MUNICIPALITY
                    ? "This " + objectType + " lies outside your municipalities"
                    : "You are not assigned to this " + objectType + (policy.scope() == RoutePolicy.Scope.CASE
                            ? "; in an emergency use POST /api/v1/cases/" + caseId + "/break-glass with a reason" : "");
            throw new ApiProblem(403, "Forbidden", detail).with("reason", access.name().toLowerCase(Locale.ROOT));
        }
        if (access == CaseAccess.BREAK_GLASS && changesWhoHoldsTheCase(match.route().method(), match.route().template())) {
            // break-glass is for the emergency, not a way onto the team: access would outlive the grant, unflagged
            accessLog.append(event(action, AccessEvent.DENIED, principal, role, personId, caseId, objectType, objectId,
                    requestId, route + ": break_glass"));
            throw new ApiProblem(403, "Forbidden", "Break-glass access lets you read and record what the emergency "
                    + "needs, not change the case's team, invite a reviewer, move or close the case; ask its team")
                    .with("reason", "break_glass");
        }
        AccessEvent allowed = event(action, AccessEvent.SUCCESS, principal, role, personId, caseId, objectType, objectId,
                requestId, route + (access == CaseAccess.BREAK_GLASS ? ": break-glass"
                        : access == CaseAccess.TEAM_ACROSS_MUNICIPALITIES ? ": team across municipalities"
                        : access == CaseAccess.INVITED ? ": invited " + role.name().toLowerCase(Locale.ROOT) : ""));
        Entry entry = new Entry(access == CaseAccess.BREAK_GLASS
                ? new AccessEvent(AccessAction.BREAK_GLASS, allowed.outcome(), allowed.userId(), allowed.userName(),
                        allowed.role(), null, "break-glass: " + route, allowed.personIds(), caseId, objectType,
                        objectId, requestId, allowed.detail(), principal.organisation(), false)
                : allowed, match.route().method(), match.route().template());
        req.setAttribute(PRINCIPAL, principal);
        req.setAttribute(ENTRY, entry);
        return entry;
    }

    /**
     * Logs what an admitted request did, after its handler: SUCCESS for 1xx-3xx, DENIED for 401 and
     * 403 (a refusal in the handler, such as a body naming a person the user may not see), FAILURE
     * otherwise; the status, the search terms (the query, neutralised by the log), the id created (from
     * {@code Location}; a new case is the entry's case, so the log stores its members), and the persons
     * of the case answered.
     *
     * @param reply   the handler's answer, or null when it failed
     * @param problem the failure, or null
     * @throws RuntimeException when the log cannot record it: the caller must not send the answer
     */
    void logOutcome(HttpServletRequest req, Entry entry, int status, Reply reply, ApiProblem problem) {
        AccessEvent a = entry.admitted;
        String outcome = status < 400 ? AccessEvent.SUCCESS : status == 401 || status == 403 ? AccessEvent.DENIED
                : AccessEvent.FAILURE;
        List<String> persons = new ArrayList<>(a.personIds());
        persons.addAll(entry.persons);
        String caseId = a.caseId() != null ? a.caseId() : entry.caseId;
        String objectType = a.objectType();
        String objectId = a.objectId();
        StringBuilder detail = new StringBuilder(a.detail() == null ? "" : a.detail());
        String query = searchTerms(req.getQueryString());
        if (query != null) {
            detail.append(" ?").append(query);
        }
        if (entry.change != null) {
            detail.append(' ').append(entry.change);
        }
        detail.append(" -> ").append(status);
        String created = reply == null ? null : createdId(reply);
        if (created != null) {
            if ("POST".equals(entry.method) && "/cases".equals(entry.template)) {
                caseId = created;
                objectType = "case";
                objectId = created;
            } else if ("POST".equals(entry.method) && "/persons".equals(entry.template)) {
                persons.add(created);
                objectType = "person";
                objectId = created;
            } else if (objectId == null) {
                objectId = created;
            }
            detail.append(" created ").append(reply.headers.get("Location"));
        }
        if (reply != null && reply.body instanceof CaseView view && view.members() != null) {
            for (CaseMember m : view.members()) {
                if (m.person() != null) {
                    persons.add(m.person().id());
                }
            }
        }
        if (problem != null && problem.getMessage() != null) {
            detail.append(": ").append(problem.getMessage());
        }
        log.get().append(new AccessEvent(entry.action, outcome, a.userId(), a.userName(), a.role(), a.onBehalfOf(),
                a.purpose(), persons, caseId, objectType, objectId, a.requestId(), detail.toString(), a.organisation(),
                a.restricted() || RestrictedRoutes.isRestrictedRoute(entry.template)));
    }

    /** The query as the user typed it (percent-decoded; undecodable text kept as sent), or null. */
    static String searchTerms(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        try {
            return URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return rawQuery;
        }
    }

    /** The id a 201 created: the last segment of its {@code Location}. */
    private static String createdId(Reply reply) {
        String location = reply.status == 201 ? reply.headers.get("Location") : null;
        if (location == null || location.isBlank()) {
            return null;
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The entry of the request being handled, or null (an open route). */
    static Entry entry(ApiRequest r) {
        return r.http().getAttribute(ENTRY) instanceof Entry e ? e : null;
    }

    /**
     * The routes an invited reviewer or assessor may use on a case (living): reading it, recording their
     * review, giving their triage assessment. Nothing else of the case is theirs to change. Who reported
     * the family (the reporter's organisation and contact) is not theirs to read either: a reporter is
     * protected even from those who may read the case.
     */
    static boolean invitable(String method, String template) {
        if ("GET".equals(method)) {
            return template.startsWith("/cases/{caseId}") && !template.endsWith("/break-glass")
                    && !template.startsWith("/cases/{caseId}/reporters");
        }
        return "POST".equals(method) && (template.equals("/cases/{caseId}/reviews")
                || template.equals("/cases/{caseId}/triage/assessments"));
    }

    /**
     * The routes that change who holds a case rather than record in it: who is on its team (assigning,
     * handing over, ending an assignment), who else reads it (a review request invites a reviewer), which
     * municipality it belongs to, and whether it is open at all. Not for a professional who reaches the case
     * through break-glass only: the grant would become lasting access that is no longer logged as
     * break-glass, be passed on to someone who never broke the glass, or end the team's work on the case.
     */
    static boolean changesWhoHoldsTheCase(String method, String template) {
        return !"GET".equals(method) && !"HEAD".equals(method)
                && (template.equals("/cases/{caseId}/team") || template.startsWith("/cases/{caseId}/team/")
                        || template.equals("/cases/{caseId}/review-requests")
                        || template.equals("/cases/{caseId}/municipality")
                        || template.equals("/cases/{caseId}/close"));
    }

    /**
     * The municipality scope of the roles that are not assigned to cases (regional administrator,
     * auditor): on a route about a case, person or household they reach only what lies within their
     * municipalities (a GDPR export of an Arnhem person is not for an administrator of Ede).
     */
    private CaseAccess withinScope(RoutePolicy policy, Principal principal, String objectType, String objectId) {
        return switch (policy.scope()) {
            case CASE, PERSON, HOUSEHOLD -> needToKnow.get().withinScope(principal, objectType, objectId);
            default -> CaseAccess.ASSIGNED;
        };
    }

    /**
     * The municipality scope of a case or person a handler found rather than the path named (an erasure
     * request's person, a legal hold's subject, one a body or query names), decided as the guard decides a
     * path's for the roles not assigned to cases ({@link NeedToKnow#withinScope}): for a person, all of their
     * cases within the user's municipalities, a person in no case only for all. Whoever is granted all
     * municipalities is asked nothing ({@link CaseAccess#ASSIGNED}); {@link CaseAccess#NOT_FOUND} when it
     * does not exist. The handler decides what a refusal is ({@link #outsideScope}).
     */
    CaseAccess scopeOf(ApiRequest r, String objectType, String objectId) {
        Principal principal = principal(r);
        if (principal.allMunicipalities()) {
            return CaseAccess.ASSIGNED;
        }
        return objectId == null ? CaseAccess.NOT_FOUND : needToKnow.get().withinScope(principal, objectType, objectId);
    }

    /**
     * A new case only in the opener's own municipalities (403 naming the field, logged like every
     * refusal). The name is compared by its register key; whether it is registered at all is the
     * case service's (400).
     */
    void requireOwnMunicipality(ApiRequest r, String field, String municipality) {
        Principal principal = principal(r);
        if (municipality == null || municipality.isBlank() || principal.allMunicipalities()) {
            return;
        }
        String key;
        try {
            key = MunicipalityNames.key(municipality);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, e.getMessage());
        }
        if (principal.municipalities().stream().anyMatch(m -> key.equals(keyOrNull(m)))) {
            return;
        }
        throw outsideScope(r, field, "case", "You may open a case only in your own municipalities "
                + principal.municipalities());
    }

    /**
     * A refusal a handler decides on the user's municipality scope (a value in the body or query, or a
     * path the guard does not scope, such as a binding's municipality): logged as DENIED like every
     * refusal, answered 403 {@code other_municipality} naming the field (null: none, when what is
     * refused is the whole region's rather than a value the request chose).
     */
    ApiProblem outsideScope(ApiRequest r, String field, String objectType, String detail) {
        Principal principal = principal(r);
        Role role = principal.roles().stream().findFirst().orElse(null);
        log.get().append(event(action(r.http().getMethod(), r.http().getPathInfo() == null ? "" : r.http().getPathInfo(),
                r.http().getQueryString() != null), AccessEvent.DENIED, principal, role, null, null, objectType, null,
                requestId(r), r.http().getMethod() + " " + r.http().getPathInfo() + ": "
                        + (field == null ? "" : field + " ") + "other_municipality"));
        ApiProblem problem = new ApiProblem(403, "Forbidden", detail).with("reason", "other_municipality");
        return field == null ? problem : problem.with("field", field);
    }

    private static String keyOrNull(String name) {
        try {
            return MunicipalityNames.key(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Need to know on the persons a request body names: a professional cannot pull a person they may
     * not see into their case, relationship or household. The first refused id is a 403 (logged, like
     * every refusal); ids that do not exist are left to the service, which answers them as before.
     *
     * @param field the body member, named in the problem
     */
    void requirePersons(ApiRequest r, String field, List<String> personIds) {
        Principal principal = principal(r);
        if (!principal.has(Role.PROFESSIONAL)) {
            return; // the route's roles decided already; only a professional's reach is need to know
        }
        NeedToKnow ntk = needToKnow.get();
        for (String personId : personIds) {
            if (personId == null) {
                continue;
            }
            CaseAccess access = ntk.toPerson(principal, personId);
            if (access == CaseAccess.NOT_FOUND || access.allowed() && access != CaseAccess.BREAK_GLASS) {
                continue;
            }
            // a person seen only through break-glass is seen for the emergency in that case, not carried into another
            String reason = access.name().toLowerCase(Locale.ROOT);
            Entry entry = entry(r);
            if (entry != null) {
                entry.persons.add(personId); // logged with the 403 after the handler
            } else {
                log.get().append(event(action(r.http().getMethod(), "", false), AccessEvent.DENIED, principal,
                        Role.PROFESSIONAL, personId, null, "person", personId, requestId(r),
                        r.http().getMethod() + " " + r.http().getPathInfo() + ": " + field + " " + reason));
            }
            throw new ApiProblem(403, "Forbidden", access == CaseAccess.BREAK_GLASS
                    ? field + " names a person you see only through break-glass, which does not reach beyond that case"
                    : field + " names a person you may not see (" + reason + ")")
                    .with("reason", reason).with("field", field);
        }
    }

    /**
     * The items of a list whose case the admitted user may see. For roles other than professional the
     * route's roles decided already.
     */
    <T> List<T> visibleCases(ApiRequest r, List<T> items, Function<T, String> caseId) {
        Principal principal = principal(r);
        if (!principal.has(Role.PROFESSIONAL)) {
            return items;
        }
        NeedToKnow ntk = needToKnow.get();
        return items.stream().filter(item -> ntk.toCase(principal, caseId.apply(item)).allowed()).toList();
    }

    /**
     * Which cases the admitted user may open: every case for a regional administrator (the route's other
     * role decided already), for a professional only those need to know admits (assigned, break-glass, a
     * team across municipalities, invited); asked once per case.
     */
    java.util.function.Predicate<String> casesOpenTo(ApiRequest r) {
        Principal principal = principal(r);
        if (principal.has(Role.REGIONAL_ADMINISTRATOR) || !principal.has(Role.PROFESSIONAL)) {
            return caseId -> true;
        }
        NeedToKnow ntk = needToKnow.get();
        java.util.Map<String, Boolean> asked = new java.util.HashMap<>();
        return caseId -> caseId != null && asked.computeIfAbsent(caseId, k -> ntk.toCase(principal, k).allowed());
    }

    /**
     * The municipalities whose lists (alerts, outbox entries, inbox, waits) a user sees: null for a user
     * granted all of them, else their own.
     */
    static Set<String> municipalityScope(ApiRequest r) {
        Principal p = principal(r);
        return p.allMunicipalities() ? null : p.municipalities();
    }

    /**
     * What a professional may pass on of a person's access log (their access view, their GDPR export): the
     * entries of the cases they may open ({@link #casesOpenTo}), and the entries of no case (reading the
     * person, their relationships, households), those by someone not seen working in such a case without
     * who it was (user, name and organisation left out). The father's professional, who sees the child
     * through the father's case, is not told that the shelter's team read the child's data, nor its
     * organisation. Anyone else (the auditor) gets every entry.
     */
    List<AccessLogEntry> forProfessional(ApiRequest r, List<AccessLogEntry> lines) {
        Principal principal = principal(r);
        if (principal.has(Role.REGIONAL_ADMINISTRATOR) || !principal.has(Role.PROFESSIONAL)) {
            return lines;
        }
        java.util.function.Predicate<String> open = casesOpenTo(r);
        List<AccessLogEntry> ofOpenCases = lines.stream().filter(e -> e.caseId() != null && open.test(e.caseId())).toList();
        java.util.Set<String> colleagues = new java.util.HashSet<>();
        colleagues.add(principal.userId());
        ofOpenCases.forEach(e -> colleagues.add(e.userId()));
        List<AccessLogEntry> out = new ArrayList<>();
        for (AccessLogEntry e : lines) {
            if (e.caseId() != null) {
                if (open.test(e.caseId())) {
                    out.add(e);
                }
            } else if (colleagues.contains(e.userId())) {
                out.add(e);
            } else {
                out.add(new AccessLogEntry(e.eventId(), e.seqNo(), e.at(), e.node(), e.action(), e.outcome(), null, null,
                        e.role(), null, null, null, e.personIds(), null, e.objectType(), e.objectId(), null, null,
                        e.restricted(), e.prevHash(), e.hash()));
            }
        }
        return out;
    }

    /**
     * The items of a list whose case lies within the admitted user's municipalities (everything for a user
     * granted all; a case that no longer exists only for them too).
     */
    <T> List<T> withinMunicipalities(ApiRequest r, List<T> items, Function<T, String> caseId) {
        Principal principal = principal(r);
        if (principal.allMunicipalities()) {
            return items;
        }
        NeedToKnow ntk = needToKnow.get();
        java.util.Map<String, Boolean> within = new java.util.HashMap<>();
        return items.stream().filter(item -> {
            String id = caseId.apply(item);
            return id != null && within.computeIfAbsent(id,
                    k -> ntk.withinScope(principal, "case", k) == CaseAccess.ASSIGNED);
        }).toList();
    }

    /** The items of a list whose case the admitted user is invited to (living: a pending assessment or review). */
    <T> List<T> invitedCases(ApiRequest r, List<T> items, Function<T, String> caseId) {
        Principal principal = principal(r);
        NeedToKnow ntk = needToKnow.get();
        return items.stream().filter(item -> ntk.invited(principal, caseId.apply(item)) == CaseAccess.INVITED).toList();
    }

    /** The items of a list whose person the admitted user may see (through a case, or as who recorded them). */
    <T> List<T> visiblePersons(ApiRequest r, List<T> items, Function<T, String> personId) {
        Principal principal = principal(r);
        if (!principal.has(Role.PROFESSIONAL)) {
            return items;
        }
        NeedToKnow ntk = needToKnow.get();
        return items.stream().filter(item -> ntk.toPerson(principal, personId.apply(item)).allowed()).toList();
    }

    private static String requestId(ApiRequest r) {
        Object id = r.http().getAttribute(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /** The bearer token's user; 401 with {@code WWW-Authenticate: Bearer} otherwise. */
    private Principal authenticate(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Log in (POST /api/v1/auth/login) and send Authorization: Bearer <token>", null);
        }
        try {
            return authenticator.get().authenticate(header.substring(7).strip());
        } catch (AuthenticationException e) {
            throw unauthorized(e.getMessage(), "invalid_token");
        }
    }

    static ApiProblem unauthorized(String detail, String error) {
        return new ApiProblem(401, "Unauthorized", detail)
                .header("WWW-Authenticate", error == null ? "Bearer realm=\"proeftuin\""
                        : "Bearer realm=\"proeftuin\", error=\"" + error + "\"");
    }

    /**
     * The NEN 7513 action of a request: binding changes, exports, rendered pages (print) and
     * searches by their own name, the rest by the HTTP method.
     */
    static AccessAction action(String method, String template, boolean query) {
        if (template.equals("/triage-replays")) {
            return AccessAction.READ; // switches: a replay reads stored triage facts and writes nothing
        }
        if (template.startsWith("/bindings/") && !"GET".equals(method)) {
            return AccessAction.BINDING_CHANGE;
        }
        if ("GET".equals(method)) {
            if (template.contains("export") || template.endsWith(".csv")) {
                return AccessAction.EXPORT;
            }
            if (template.endsWith("/family-view") || template.endsWith(".html")) {
                return AccessAction.PRINT;
            }
            if (query && (template.equals("/cases") || template.equals("/persons") || template.equals("/audit/log"))) {
                return AccessAction.SEARCH;
            }
        }
        return switch (method) {
            case "POST" -> AccessAction.CREATE;
            case "PUT", "PATCH" -> AccessAction.UPDATE;
            case "DELETE" -> AccessAction.DELETE;
            default -> AccessAction.READ;
        };
    }

    private static AccessEvent event(AccessAction action, String outcome, Principal p, Role role, String personId,
            String caseId, String objectType, String objectId, String requestId, String detail) {
        return new AccessEvent(action, outcome, p.userId(), p.name(), role == null ? null : role.name(), null, null,
                personId == null ? List.of() : List.of(personId), caseId, objectType, objectId, requestId, detail,
                p.organisation(), RestrictedRoutes.startsWithRestrictedRoute(detail));
    }

    /** The principal the guard admitted, for handlers. */
    static Principal principal(ApiRequest r) {
        Object p = r.http().getAttribute(PRINCIPAL);
        if (!(p instanceof Principal principal)) {
            throw unauthorized("Log in (POST /api/v1/auth/login) and send Authorization: Bearer <token>", null);
        }
        return principal;
    }
}
