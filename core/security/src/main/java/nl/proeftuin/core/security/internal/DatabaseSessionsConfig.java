package nl.proeftuin.core.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin login sessions",
        description = "Login through the JAAS realm, session lifetimes and the throttling of failed logins")
@interface DatabaseSessionsConfig {

    @AttributeDefinition(description = "The JAAS realm to log in with")
    String realmName() default "proeftuin";

    @AttributeDefinition(description = "Minutes without a request after which a session ends")
    int idleTimeoutMinutes() default 15;

    @AttributeDefinition(description = "Hours after login after which a session ends whatever happens")
    int absoluteLifetimeHours() default 8;

    @AttributeDefinition(description = "Failed logins per user name (from clients not known for it) and per "
            + "client (user name and address) before further attempts wait: 1 s, doubling with each failure")
    int maxFailures() default 5;

    @AttributeDefinition(description = "Failed logins per client address (any user names) before further attempts wait")
    int maxFailuresPerAddress() default 20;

    @AttributeDefinition(description = "The longest wait between attempts once a throttle is past its free failures (minutes)")
    int lockoutMinutes() default 15;

    @AttributeDefinition(description = "Days a client address stays known for a user after a successful login from it "
            + "(a known client is not held back by failures on the user name from elsewhere)")
    int knownClientDays() default 90;

    @AttributeDefinition(description = "A failed login answers no sooner than this (milliseconds), so its "
            + "timing does not tell a known user from an unknown one")
    int failureDelayMillis() default 1000;
}
