package nl.proeftuin.core.engine.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import nl.proeftuin.core.spi.CarePath;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.LocalTeamConnector;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import nl.proeftuin.core.spi.ProcurementConnector;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.api.plugins.ConfigurationSchema;
import nl.proeftuin.core.api.plugins.PluginInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin service present now: a whiteboard over the four extension-point types, selecting the
 * services that carry {@value PluginId#PROPERTY}.
 *
 * <p>The references are optional, multiple and <b>dynamic</b>, so a plugin arriving or leaving only
 * calls the add/remove methods: this component (and the services referencing it statically) are
 * never re-activated, and no core bundle is refreshed. They are <b>greedy</b> because a newly
 * installed plugin must be usable at once (a coordinator installs it and binds it right away);
 * with the default reluctant option a service arriving after activation would not be bound.
 *
 * <p>A plugin <b>being replaced</b> ({@code bundle:update}, a feature upgrade: its service goes and comes
 * back within moments) is waited for: a lookup of a plugin that went away less than
 * {@value #REPLACEMENT_GRACE_MILLIS} ms ago waits for its return until that time is up, instead of
 * answering the core's fallback (a triage falling back is a manual triage recorded for good). A plugin gone
 * for longer (uninstalled) is absent at once.
 *
 * <p>A plugin id belongs to the bundle that registered it first (of those present): a second bundle
 * registering the same id is ignored while the first is there, whatever its service ranking, and an error is
 * logged. A bundle with a ranking of 100 took every binding of another bundle's plugin id over (its
 * provenance named it, nothing alerted). Within the owning bundle, the highest ranking (then the lowest
 * service id) is used, as the framework orders service references.
 */
@Component(service = ServicePluginRegistry.class, immediate = true)
public class ServicePluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ServicePluginRegistry.class);

    /** Highest ranking first, then lowest service id: the framework's own order of references. */
    private static final Comparator<Entry> WINNER_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(e -> e.info().serviceId());

    /** A plugin service found for a call. */
    record Plugin<T>(PluginInfo info, T service) {
    }

    private record Entry(PluginInfo info, int ranking, Object service) {
    }

    /** How long a plugin that went away is waited for, from the moment it went (decision 0027). */
    static final long REPLACEMENT_GRACE_MILLIS = 3000;

    // By service id: add and remove come from the framework's threads, lookups from request threads.
    private final ConcurrentMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** When each plugin (point and id) last went away with no other service left for it, in nanoTime. */
    private final ConcurrentMap<String, Long> goneAt = new ConcurrentHashMap<>();
    /** Notified on every arrival, for lookups waiting for a plugin being replaced. */
    private final Object arrivals = new Object();
    long graceNanos = TimeUnit.MILLISECONDS.toNanos(REPLACEMENT_GRACE_MILLIS);

    /** Every plugin service present, by extension point, plugin id and service id. */
    List<PluginInfo> plugins() {
        return entries.values().stream().map(Entry::info)
                .sorted(Comparator.comparing(PluginInfo::point).thenComparing(PluginInfo::pluginId)
                        .thenComparingLong(PluginInfo::serviceId))
                .toList();
    }

    /**
     * The service to call for a plugin id at an extension point, if one is present; for a plugin that went
     * away less than the grace ago (being replaced), the one that comes back within it.
     */
    <T> Optional<Plugin<T>> lookup(ExtensionPoint point, String pluginId, Class<T> type) {
        Optional<Plugin<T>> found = find(point, pluginId, type);
        Long gone = goneAt.get(key(point, pluginId));
        if (found.isPresent() || gone == null) {
            return found;
        }
        long deadline = gone + graceNanos;
        synchronized (arrivals) {
            while (true) {
                found = find(point, pluginId, type);
                long left = deadline - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return found;
                }
            }
        }
    }

    private <T> Optional<Plugin<T>> find(ExtensionPoint point, String pluginId, Class<T> type) {
        List<Entry> same = same(point, pluginId);
        return same.isEmpty() ? Optional.empty()
                : Optional.of(new Plugin<>(same.get(0).info(), type.cast(same.get(0).service())));
    }

    /**
     * The services of a plugin id at a point, the one used first: those of the owning bundle (the one whose
     * service present for the id was registered first, the lowest service id), by the framework's order; then
     * those of other bundles, ignored while the owner's are there.
     */
    private List<Entry> same(ExtensionPoint point, String pluginId) {
        List<Entry> all = entries.values().stream()
                .filter(e -> e.info().point() == point && e.info().pluginId().equals(pluginId)).toList();
        String owner = all.stream().min(Comparator.comparingLong(e -> e.info().serviceId()))
                .map(e -> e.info().bundle()).orElse(null);
        return all.stream().sorted(Comparator.comparing((Entry e) -> !e.info().bundle().equals(owner))
                .thenComparing(WINNER_FIRST)).toList();
    }

    private static String key(ExtensionPoint point, String pluginId) {
        return point + "/" + pluginId;
    }

    boolean present(ExtensionPoint point, String pluginId) {
        return entries.values().stream().anyMatch(e -> e.info().point() == point && e.info().pluginId().equals(pluginId));
    }

    /** Records a service (also the seam for tests, which have no framework). */
    void add(PluginInfo info, int ranking, Object service) {
        Entry added = new Entry(info, ranking, service);
        entries.put(info.serviceId(), added);
        goneAt.remove(key(info.point(), info.pluginId()));
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
        List<Entry> same = same(info.point(), info.pluginId());
        if (same.stream().anyMatch(e -> !e.info().bundle().equals(same.get(0).info().bundle()))) {
            LOG.error("Plugin id '{}' for {} is registered by another bundle too: {} {} keeps it (it registered it"
                    + " first); {} are ignored. Each bundle needs plugin ids of its own.", info.pluginId(), info.point(),
                    same.get(0).info().bundle(), same.get(0).info().bundleVersion(), same.stream().skip(1)
                            .map(e -> e.info().serviceId() + " from " + e.info().bundle()).toList());
        } else if (same.size() > 1) {
            LOG.warn("Plugin id '{}' is registered {} times for {}: service {} from {} {} is used; the others ({}) are"
                    + " ignored while it is present. Give each plugin its own id.", info.pluginId(), same.size(),
                    info.point(), same.get(0).info().serviceId(), same.get(0).info().bundle(),
                    same.get(0).info().bundleVersion(),
                    same.stream().skip(1).map(e -> e.info().serviceId() + " from " + e.info().bundle()).toList());
        } else {
            LOG.info("Plugin '{}' for {} present: {} {} (service {})", info.pluginId(), info.point(), info.bundle(),
                    info.bundleVersion(), info.serviceId());
        }
    }

    void remove(long serviceId) {
        Entry gone = entries.remove(serviceId);
        if (gone != null && !present(gone.info().point(), gone.info().pluginId())) {
            goneAt.put(key(gone.info().point(), gone.info().pluginId()), System.nanoTime());
        }
        if (gone != null) {
            LOG.info("Plugin '{}' for {} gone: {} {} (service {})", gone.info().pluginId(), gone.info().point(),
                    gone.info().bundle(), gone.info().bundleVersion(), serviceId);
        }
    }

    private void add(ExtensionPoint point, ServiceReference<?> ref, Object service) {
        Bundle bundle = ref.getBundle();
        Object id = ref.getProperty(PluginId.PROPERTY);
        if (bundle == null || id == null) {
            return; // unregistered meanwhile, or the property was removed: nothing to track
        }
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        add(new PluginInfo(String.valueOf(id), point, bundle.getSymbolicName(), bundle.getVersion().toString(),
                (Long) ref.getProperty(Constants.SERVICE_ID), schema(bundle, id, ref.getProperty(PluginConfiguration.PROPERTY))),
                ranking instanceof Integer r ? r : 0, service);
    }

    /** The plugin's declared binding configuration ({@link PluginConfiguration}), or null. */
    private static ConfigurationSchema schema(Bundle bundle, Object pluginId, Object declared) {
        if (declared == null) {
            return null;
        }
        try {
            ConfigurationSchema schema = PluginConfigurations.read(bundle, String.valueOf(declared));
            if (schema == null) {
                LOG.error("Plugin '{}' ({}) declares its configuration as '{}', but its bundle has no metatype"
                        + " definition with that id: its bindings are checked by the plugin only", pluginId,
                        bundle.getSymbolicName(), declared);
            }
            return schema;
        } catch (RuntimeException e) {
            LOG.error("Plugin '{}' ({}): cannot read its configuration definition '{}': {}", pluginId,
                    bundle.getSymbolicName(), declared, e.getMessage());
            return null;
        }
    }

    private void remove(ServiceReference<?> ref) {
        remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    // --- the four whiteboards ------------------------------------------------------------------------
    // Greedy: see the class comment. The updated methods take a changed plugin id or ranking; they
    // replace the entry in place, so the plugin is never absent for a moment.

    @Reference(name = "triage", service = Triage.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + PluginId.PROPERTY + "=*)", unbind = "removeTriage", updated = "updatedTriage")
    void addTriage(ServiceReference<Triage> ref, Triage service) {
        add(ExtensionPoint.TRIAGE, ref, service);
    }

    void updatedTriage(ServiceReference<Triage> ref, Triage service) {
        add(ExtensionPoint.TRIAGE, ref, service);
    }

    void removeTriage(ServiceReference<Triage> ref) {
        remove(ref);
    }

    @Reference(name = "carePath", service = CarePath.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + PluginId.PROPERTY + "=*)", unbind = "removeCarePath", updated = "updatedCarePath")
    void addCarePath(ServiceReference<CarePath> ref, CarePath service) {
        add(ExtensionPoint.CARE_PATH, ref, service);
    }

    void updatedCarePath(ServiceReference<CarePath> ref, CarePath service) {
        add(ExtensionPoint.CARE_PATH, ref, service);
    }

    void removeCarePath(ServiceReference<CarePath> ref) {
        remove(ref);
    }

    @Reference(name = "localTeam", service = LocalTeamConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + PluginId.PROPERTY + "=*)", unbind = "removeLocalTeam", updated = "updatedLocalTeam")
    void addLocalTeam(ServiceReference<LocalTeamConnector> ref, LocalTeamConnector service) {
        add(ExtensionPoint.LOCAL_TEAM, ref, service);
    }

    void updatedLocalTeam(ServiceReference<LocalTeamConnector> ref, LocalTeamConnector service) {
        add(ExtensionPoint.LOCAL_TEAM, ref, service);
    }

    void removeLocalTeam(ServiceReference<LocalTeamConnector> ref) {
        remove(ref);
    }

    @Reference(name = "procurement", service = ProcurementConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + PluginId.PROPERTY + "=*)", unbind = "removeProcurement", updated = "updatedProcurement")
    void addProcurement(ServiceReference<ProcurementConnector> ref, ProcurementConnector service) {
        add(ExtensionPoint.PROCUREMENT, ref, service);
    }

    void updatedProcurement(ServiceReference<ProcurementConnector> ref, ProcurementConnector service) {
        add(ExtensionPoint.PROCUREMENT, ref, service);
    }

    void removeProcurement(ServiceReference<ProcurementConnector> ref) {
        remove(ref);
    }
}
