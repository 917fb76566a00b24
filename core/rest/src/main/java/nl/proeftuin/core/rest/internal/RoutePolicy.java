package nl.proeftuin.core.rest.internal;

import java.util.EnumSet;
import java.util.Set;

import nl.proeftuin.core.security.Role;

/**
 * Who may call a route: the roles, and whether need to know applies to the case, person or household
 * named in its path. Every route declares its policy where it is declared ({@link Route#policy}); the
 * {@link Router} refuses a route without one, so a new route is never open, nor closed, by accident:
 * someone decides who may call it, beside its handler.
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

    /**
     * @throws IllegalArgumentException when a route that needs a login names no role (nobody could call it)
     */
    RoutePolicy {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (scope != Scope.OPEN && roles.isEmpty()) {
            throw new IllegalArgumentException("a route that needs a login names the roles that may call it");
        }
        if (scope == Scope.OPEN && !roles.isEmpty()) {
            throw new IllegalArgumentException("an open route names no roles");
        }
    }

    boolean open() {
        return scope == Scope.OPEN;
    }

    /** No login: for what anyone may know (health says only UP or DOWN) and for the login itself. */
    static RoutePolicy anonymous() {
        return new RoutePolicy(Set.of(), Scope.OPEN);
    }

    /** Any logged-in user, whatever their role. */
    static RoutePolicy loggedIn() {
        return anyOf(Role.values());
    }

    /** A logged-in user with one of these roles; no need to know (a list filtered by its handler, ...). */
    static RoutePolicy anyOf(Role... roles) {
        return new RoutePolicy(Set.of(roles), Scope.ROLE);
    }

    /**
     * One of these roles, and need to know on the path's {@code {caseId}}: a professional must be
     * assigned (or have broken the glass); another role must have the case within their municipalities.
     */
    static RoutePolicy onCase(Role... roles) {
        return new RoutePolicy(Set.of(roles), Scope.CASE);
    }

    /** One of these roles, and need to know on the path's {@code {personId}} (as {@link #onCase}). */
    static RoutePolicy onPerson(Role... roles) {
        return new RoutePolicy(Set.of(roles), Scope.PERSON);
    }

    /** One of these roles, and need to know on the path's {@code {householdId}} (as {@link #onCase}). */
    static RoutePolicy onHousehold(Role... roles) {
        return new RoutePolicy(Set.of(roles), Scope.HOUSEHOLD);
    }
}
