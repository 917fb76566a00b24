package nl.proeftuin.core.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import nl.proeftuin.core.api.dto.Actor;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

class ShellActorTest {

    private static Subject subject(java.security.Principal... principals) {
        Set<java.security.Principal> set = new LinkedHashSet<>(List.of(principals));
        return new Subject(true, set, Set.of(), Set.of());
    }

    @Test
    void theJaasUserIsTheActorNotItsRoles() {
        Actor actor = ShellActor.of(subject(new RolePrincipal("admin"), new UserPrincipal("carla")), "someone-else");
        assertEquals(new Actor("carla", "carla"), actor);
        assertEquals(UserPrincipal.class.getName(), ShellActor.USER_PRINCIPAL, "matched by name: keep it in step with Karaf");
    }

    @Test
    void withoutAJaasUserTheSessionsUserVariableThenTheFallback() {
        assertEquals("bob", ShellActor.of(subject(new RolePrincipal("admin")), " bob ").id());
        assertEquals("bob", ShellActor.of(null, "bob").id());
        assertEquals(ShellActor.FALLBACK, ShellActor.of(null, null).id());
        assertEquals(ShellActor.FALLBACK, ShellActor.of(subject(), " ").name());
    }
}
