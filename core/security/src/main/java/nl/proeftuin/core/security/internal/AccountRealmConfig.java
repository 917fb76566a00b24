package nl.proeftuin.core.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin accounts realm",
        description = "The proeftuin JAAS realm over the accounts in the database (PBKDF2 hashes), and its user administration")
@interface AccountRealmConfig {

    @AttributeDefinition(description = "The JAAS realm name the API logs in with")
    String realmName() default "proeftuin";

    @AttributeDefinition(description = "Rank of this realm; a realm of the same name with a higher rank (LDAP) wins")
    int rank() default 0;

    @AttributeDefinition(description = "The users file: an inbox moved into the database at start and at the next login after a change; ${karaf.etc} is Karaf's etc folder")
    String usersFile() default "${karaf.etc}/proeftuin-users.properties";

    @AttributeDefinition(description = "Minimum password length (at least 8)")
    int minPasswordLength() default 12;

    @AttributeDefinition(description = "Minimum strength of a new password by nbvcxz's estimate, in bits (at least 20)")
    int minPasswordEntropyBits() default 35;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new passwords")
    int pbkdf2Iterations() default 600_000;
}
