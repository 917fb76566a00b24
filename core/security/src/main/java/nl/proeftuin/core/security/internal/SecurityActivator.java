package nl.proeftuin.core.security.internal;

import java.util.Hashtable;

import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers the shell realm's password hashing ({@link Pbkdf2EncryptionService}, named in
 * {@code etc/org.apache.karaf.jaas.cfg}) the moment this bundle starts, without waiting for
 * Declarative Services; the features start this bundle at start level 29, before Karaf's JAAS modules
 * (30). At its start Karaf's realm reads {@code etc/users.properties} to hash any clear password, and
 * with any user in that file it first waits for the encryption service its configuration names: up to
 * 20 s, and the bundle's start waits up to 10 s of that. Registered by a DS component of a bundle that
 * starts later (as before decision 0059), the service arrived only after that wait, so every start of a
 * node with a shell user was 10 s late.
 */
public final class SecurityActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("name", Pbkdf2EncryptionService.NAME);
        context.registerService(EncryptionService.class, new Pbkdf2EncryptionService(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the bundle's services when it stops
    }
}
