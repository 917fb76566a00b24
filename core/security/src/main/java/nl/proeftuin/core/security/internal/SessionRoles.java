package nl.proeftuin.core.security.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import nl.proeftuin.core.security.Role;

/** The roles column of a session: role names separated by commas. */
final class SessionRoles {
    private SessionRoles() {
    }

    static String format(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> parse(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (column != null) {
            for (String name : column.split(",")) {
                UsersFile.role(name).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
