package nl.proeftuin.core.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin login sessions",
        description = "Login through the JAAS realm, session lifetimes and lockout after repeated failures")
@interface DatabaseSessionsConfig {

    @AttributeDefinition(description = "The JAAS realm to log in with")
    String realmName() default "proeftuin";

    @AttributeDefinition(description = "Minutes without a request after which a session ends")
    int idleTimeoutMinutes() default 15;

    @AttributeDefinition(description = "Hours after login after which a session ends whatever happens")
    int absoluteLifetimeHours() default 8;

    @AttributeDefinition(description = "Failed logins for one user name after which it is locked")
    int maxFailures() default 5;

    @AttributeDefinition(description = "Minutes a user name stays locked (and failures are counted)")
    int lockoutMinutes() default 15;

    @AttributeDefinition(description = "A failed login answers no sooner than this (milliseconds), so its "
            + "timing does not tell a known user from an unknown one")
    int failureDelayMillis() default 1000;
}
