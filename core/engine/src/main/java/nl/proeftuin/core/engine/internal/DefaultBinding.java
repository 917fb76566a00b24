package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.plugins.BindingStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A default binding shipped by a region feature: one instance per factory configuration. When it
 * is activated and no binding exists yet for its point and scope, it creates one (history by
 * {@value #ACTOR}); a binding that exists, set by a coordinator or an earlier default, is left alone,
 * so a restart or a feature reinstall never undoes a coordinator's choice. The plugin need not be
 * present yet (features install in any order): until it is, triage falls back and alerts.
 * Deleting the configuration leaves the binding in place: from then on it is data like any other.
 */
@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = DefaultBindingConfig.class, factory = true)
public class DefaultBinding {

    /** Who the history names for a binding created by a default. */
    static final String ACTOR = "feature-default";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultBinding.class);

    /** Whether this instance created the binding (false: one existed). */
    final boolean created;

    /**
     * @param config   the default
     * @param database the platform database
     * @param bindings the bindings
     */
    @Activate
    public DefaultBinding(DefaultBindingConfig config, @Reference Database database, @Reference BindingStore bindings) {
        this(config.point(), config.municipality(), config.pluginId(), config.configuration(), config.reason(), database,
                bindings, Clock.systemUTC());
    }

    DefaultBinding(ExtensionPoint point, String municipality, String pluginId, String[] configuration, String reason,
            Database database, BindingStore bindings, Clock clock) {
        Check.required("point", point);
        String m = Bindings.municipality(municipality);
        String id = Bindings.pluginId(pluginId);
        Map<String, String> config = Bindings.configuration(entries(configuration));
        String why = Check.text("reason", reason, Check.LONG_TEXT);
        String scope = m == null ? "the region" : m;
        // Cheap check first, so that the usual restart (binding present) takes no lock; checked again
        // under the lock, because another node may be creating the same default right now.
        if (Domain.transaction(database, c -> bindings.find(c, point.name(), m)).isPresent()) {
            LOG.debug("Default binding of {} for {} to '{}' not applied: a binding exists", point, scope, id);
            this.created = false;
            return;
        }
        this.created = Domain.transaction(database, c -> {
            long change = bindings.nextChange(c);
            Bindings.applyDue(bindings, c, clock.instant().truncatedTo(ChronoUnit.MILLIS)); // decision 0031
            if (bindings.find(c, point.name(), m).isPresent()) {
                return false;
            }
            Bindings.write(bindings, c, change, point, m, id, config, ACTOR, why,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return true;
        });
        if (created) {
            LOG.info("Default binding applied: {} for {} bound to '{}' ({})", point, scope, id, why);
        }
    }

    /** {@code key=value} entries as a map; the value may contain '='. */
    static Map<String, String> entries(String[] entries) {
        Map<String, String> out = new LinkedHashMap<>();
        if (entries == null) {
            return out;
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue; // an empty list may arrive as one empty string (metatype default)
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("configuration entry '" + entry + "' is not key=value");
            }
            String key = entry.substring(0, eq).strip();
            if (out.put(key, entry.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("configuration key '" + key + "' is given twice");
            }
        }
        return out;
    }
}
