package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.region.MunicipalityNames;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A municipality shipped by a region feature: one instance per factory configuration. When it is
 * activated and neither its code nor its name is in the register, it adds it (by {@value #ACTOR});
 * otherwise it leaves the register alone, so a restart or reinstall never undoes a regional
 * administrator's change. Deleting the configuration leaves the municipality: it is data from then on.
 */
@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = DefaultMunicipalityConfig.class, factory = true)
public class DefaultMunicipality {

    /** Who the register names for a municipality a feature seeded. */
    static final String ACTOR = "feature-default";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultMunicipality.class);

    /** Whether this instance added the municipality (false: its code or name was registered). */
    final boolean created;

    @Activate
    public DefaultMunicipality(DefaultMunicipalityConfig config, @Reference Database database,
            @Reference MunicipalityStore store) {
        this(config.code(), config.name(), config.inhabitants() < 0 ? null : config.inhabitants(), database, store,
                Clock.systemUTC());
    }

    DefaultMunicipality(String code, String name, Integer inhabitants, Database database, MunicipalityStore store,
            Clock clock) {
        StoredMunicipality m = new StoredMunicipality(RegisteredMunicipalities.code(code),
                RegisteredMunicipalities.name(name), RegisteredMunicipalities.inhabitants(inhabitants),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), ACTOR);
        String key = MunicipalityNames.key(m.name());
        // Two features (two regions sharing Ede) or two nodes may seed the same one at once: the
        // primary key and the unique name key let only one insert win; the loser finds it present.
        boolean added;
        try {
            added = Domain.transaction(database, c -> {
                if (store.byCode(c, m.code()).isPresent() || store.byKey(c, key).isPresent()) {
                    return false;
                }
                store.insert(c, m);
                return true;
            });
        } catch (DatabaseFailure e) {
            if (Domain.transaction(database, c -> store.byCode(c, m.code()).isEmpty() && store.byKey(c, key).isEmpty())) {
                throw e;
            }
            added = false;
        }
        this.created = added;
        if (created) {
            LOG.info("Default municipality added to the register: {} ({})", m.name(), m.code());
        }
    }
}
