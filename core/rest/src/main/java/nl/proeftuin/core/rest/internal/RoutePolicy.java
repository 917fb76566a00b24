package nl.proeftuin.core.rest.internal;

import java.util.EnumSet;
import java.util.Set;

import nl.proeftuin.core.security.Role;

/**
 * Who may call a route: the roles, and whether need to know applies to the case, person or household
 * named in its path. Every route of the table gets its policy here, by template, when it is added
 * ({@link Router#add}); a template no rule names is closed to everyone (fail closed: a new route is
 * refused until someone decides who may call it, and the OpenAPI-driven authorisation test shows it).
 *
 * <p>To open a new route for a role, add a rule below. The first matching rule wins.
 */
record RoutePolicy(Set<Role> roles, Scope scope) {

    /** What a route's need to know is about. */
    enum Scope {
        /** No login needed (health, login). */
        OPEN,
        /** Any logged-in user whose roles intersect. */
        ROLE,
        /** Need to know on the path's {caseId}. */
        CASE,
        /** Need to know on the path's {personId}. */
        PERSON,
        /** Need to know on the path's {householdId}. */
        HOUSEHOLD
    }

    static final RoutePolicy OPEN = new RoutePolicy(Set.of(), Scope.OPEN);
    static final RoutePolicy CLOSED = new RoutePolicy(Set.of(), Scope.ROLE);

    RoutePolicy {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    boolean open() {
        return scope == Scope.OPEN;
    }

    /** The policy of a route. */
    static RoutePolicy of(String method, String template) {
        String route = method + " " + template;
        switch (route) {
            case "GET /health", "GET /health/ready", "POST /auth/login":
                // health and readiness say only UP or DOWN to anonymous callers
                return OPEN;
            case "GET /health/details":
                // versions, Git SHA, components and what failed: for the region's administrator only
                return roles(Scope.ROLE, Role.REGIONAL_ADMINISTRATOR);
            case "GET /openapi.json":
                // the API's map is for its users: any logged-in role, not the open internet
                return roles(Scope.ROLE, Role.values());
            case "POST /cases/{caseId}/break-glass":
                // the way in for a professional who is not assigned: the service checks case and municipality
                return roles(Scope.ROLE, Role.PROFESSIONAL);
            case "GET /municipalities":
                // the register is the region's list of names: every logged-in role may read it
                return roles(Scope.ROLE, Role.values());
            case "POST /municipalities", "PUT /municipalities/{code}":
                return roles(Scope.ROLE, Role.REGIONAL_ADMINISTRATOR);
            case "POST /auth/logout", "GET /auth/me":
                return roles(Scope.ROLE, Role.values());
            case "GET /persons/{personId}/export", "GET /persons/{personId}/export.html",
                    "GET /persons/{personId}/erasure-requests":
                // GDPR access and erasure: the person's professional (need to know) or the privacy officer
                return roles(Scope.PERSON, Role.PROFESSIONAL, Role.REGIONAL_ADMINISTRATOR);
            case "POST /erasure-requests/{requestId}/approve", "POST /erasure-requests/{requestId}/reject",
                    "POST /legal-holds", "POST /legal-holds/{holdId}/lift":
                return roles(Scope.ROLE, Role.REGIONAL_ADMINISTRATOR);
            case "GET /restricted-notices":
                // a professional's own notices that restricted data they are named on changed
                return roles(Scope.ROLE, Role.PROFESSIONAL);
            case "GET /persons/{personId}/access-log":
                // the family's view of who looked: their professional, or an auditor
                return roles(Scope.ROLE, Role.PROFESSIONAL, Role.AUDITOR).personUnlessAuditor();
            default:
                break;
        }
        if (template.startsWith("/cases/{caseId}")) {
            return roles(Scope.CASE, Role.PROFESSIONAL);
        }
        if (template.startsWith("/persons/{personId}")) {
            return roles(Scope.PERSON, Role.PROFESSIONAL);
        }
        if (template.startsWith("/households/{householdId}")) {
            return roles(Scope.HOUSEHOLD, Role.PROFESSIONAL);
        }
        if (template.equals("/cases") || template.equals("/persons") || template.equals("/relationships")
                || template.equals("/households") || template.startsWith("/triage/")) {
            // lists are filtered and bodies naming persons checked by their handlers
            return roles(Scope.ROLE, Role.PROFESSIONAL);
        }
        if (template.startsWith("/plugins") || template.startsWith("/bindings") || template.startsWith("/alerts")
                || template.startsWith("/monitor") || template.startsWith("/local-team/")) {
            return roles(Scope.ROLE, Role.COORDINATOR);
        }
        if (template.startsWith("/audit/")) {
            return roles(Scope.ROLE, Role.AUDITOR);
        }
        if (template.startsWith("/break-glass")) {
            return roles(Scope.ROLE, Role.AUDITOR, Role.COORDINATOR);
        }
        if (template.startsWith("/erasure-requests") || template.startsWith("/legal-holds")) {
            // GDPR workflows: the region's privacy officer (administrator) and the auditor
            return roles(Scope.ROLE, Role.REGIONAL_ADMINISTRATOR, Role.AUDITOR);
        }
        return CLOSED;
    }

    /** Marks the person scope as applying to all roles but the auditor (who sees no case content). */
    private RoutePolicy personUnlessAuditor() {
        return new RoutePolicy(roles, Scope.PERSON);
    }

    private static RoutePolicy roles(Scope scope, Role... roles) {
        return new RoutePolicy(Set.of(roles), scope);
    }
}
