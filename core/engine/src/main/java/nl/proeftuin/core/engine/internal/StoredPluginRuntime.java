package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.spi.ConfigurationCheck;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.ConfigurationImport;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.api.plugins.PlannedSwitch;
import nl.proeftuin.core.api.plugins.SwitchInput;
import nl.proeftuin.core.store.plugins.StoredSwitch;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.plugins.AlertStore;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.plugins.StoredAlert;
import nl.proeftuin.core.store.plugins.StoredBinding;
import nl.proeftuin.core.store.plugins.StoredBindingChange;
import nl.proeftuin.core.store.region.MunicipalityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Bindings kept in the database (the truth for every node), plugins as the
 * {@link ServicePluginRegistry} sees them, and alerts. Each change is one transaction writing the
 * binding and its history entry, serialised with every other binding change by the binding log's
 * row lock ({@link BindingStore#nextChange}).
 *
 * <p>Rule names: {@code plugin-not-present}.
 */
@Component(service = PluginRuntime.class)
public class StoredPluginRuntime implements PluginRuntime {

    /** Most alerts one call returns. */
    static final int MAX_ALERTS = 1000;

    private final Database database;
    private final BindingStore bindings;
    private final AlertStore alerts;
    private final ServicePluginRegistry registry;
    /** The region's register: a binding's municipality must be in it. */
    private final MunicipalityStore municipalities;
    private final Clock clock;
    /** Export and import of the whole configuration. */
    private final ConfigurationPromotion promotion;

    /**
     * @param database the platform database
     * @param bindings bindings and their history
     * @param alerts   alerts
     * @param registry the plugins present
     */
    @Activate
    public StoredPluginRuntime(@Reference Database database, @Reference BindingStore bindings,
            @Reference AlertStore alerts, @Reference ServicePluginRegistry registry,
            @Reference MunicipalityStore municipalities) {
        this(database, bindings, alerts, registry, municipalities, Clock.systemUTC());
    }

    StoredPluginRuntime(Database database, BindingStore bindings, AlertStore alerts, ServicePluginRegistry registry,
            MunicipalityStore municipalities, Clock clock) {
        this.municipalities = municipalities;
        this.database = database;
        this.bindings = bindings;
        this.alerts = alerts;
        this.registry = registry;
        this.clock = clock;
        this.promotion = new ConfigurationPromotion(database, bindings, municipalities, registry, this);
    }

    @Override
    public List<PluginInfo> plugins() {
        return registry.plugins();
    }

    @Override
    public List<Binding> bindings() {
        applyDueSwitches();
        return Domain.transaction(database, c -> bindings.all(c).stream().map(Bindings::binding).toList());
    }

    /**
     * Writes the switches that are due into the table and its history (decision 0031), so that lists
     * and the history show them; resolution does not need it (it overlays due switches itself). A
     * cheap read first: the lock is taken only when a switch is due.
     */
    void applyDueSwitches() {
        Instant now = now();
        if (Domain.transaction(database, c -> bindings.due(c, now)).isEmpty()) {
            return;
        }
        Domain.transaction(database, c -> {
            bindings.lock(c);
            return Bindings.applyDue(bindings, c, now);
        });
    }

    /** A binding's municipality in the register's form, or null for the region. */
    private String registered(String municipality) {
        String m = Bindings.municipality(municipality);
        return m == null ? null
                : Domain.transaction(database, c -> Municipalities.canonical(this.municipalities, c, "municipality", m));
    }

    @Override
    public Binding effectiveBinding(ExtensionPoint point, String municipality) {
        Check.required("point", point);
        Bindings.municipality(municipality);
        return Domain.transaction(database, c -> Bindings.effective(bindings, c, point,
                Municipalities.optional(this.municipalities, c, "municipality", municipality), now()));
    }

    @Override
    public Binding bind(Actor actor, ExtensionPoint point, String municipality, BindingInput input) {
        Check.actor(actor);
        Check.required("point", point);
        String m = registered(municipality);
        Check.required("body", input);
        String pluginId = Bindings.pluginId(input.pluginId());
        Map<String, String> configuration = Bindings.configuration(input.configuration());
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        Long expected = revision(input.expectedRevision());
        present(registry, point, pluginId);
        checkConfiguration(point, m, pluginId, configuration);
        Instant now = now();
        return Domain.transaction(database, c -> {
            long change = bindings.nextChange(c);
            Bindings.applyDue(bindings, c, now);
            Bindings.checkRevision(bindings, c, point, m, expected);
            return Bindings.write(bindings, c, change, point, m, pluginId, configuration, actor.id(), reason, now);
        });
    }

    /** An expected revision: null (not checked) or 0 and up. */
    private static Long revision(Long expected) {
        if (expected != null && expected < 0) {
            throw new InvalidInputException("expectedRevision", "must be 0 (no binding) or a binding's revision");
        }
        return expected;
    }

    /** Refuses a plugin that is not installed for the point: {@code plugin-not-present}. */
    static void present(ServicePluginRegistry registry, ExtensionPoint point, String pluginId) {
        if (!registry.present(point, pluginId)) {
            String installed = registry.plugins().stream().filter(p -> p.point() == point).map(PluginInfo::pluginId)
                    .distinct().collect(Collectors.joining(", "));
            throw new RuleViolationException("plugin-not-present", "no plugin '" + pluginId + "' is installed for "
                    + point + " (installed: " + (installed.isEmpty() ? "none" : installed)
                    + "); install its feature first");
        }
    }

    /**
     * Checks the configuration against the plugin's declared definition
     * ({@link nl.proeftuin.core.spi.PluginConfiguration}), then lets the plugin refuse it before it is
     * stored ({@link ConfigurationCheck}): a 400 naming the key. A plugin that fails otherwise while checking refuses it too (fail closed).
     */
    void checkConfiguration(ExtensionPoint point, String municipality, String pluginId,
            Map<String, String> configuration) {
        checkConfiguration(registry, point, municipality, pluginId, configuration);
    }

    /** As {@link #checkConfiguration(ExtensionPoint, String, String, Map)}; also for a replay's candidate. */
    static void checkConfiguration(ServicePluginRegistry registry, ExtensionPoint point, String municipality,
            String pluginId, Map<String, String> configuration) {
        ServicePluginRegistry.Plugin<Object> plugin = registry.lookup(point, pluginId, Object.class).orElse(null);
        if (plugin != null && plugin.info().configuration() != null) {
            // the plugin's declared definition first: unknown keys, types, options
            PluginConfigurations.check(pluginId, plugin.info().configuration(), configuration);
        }
        Object service = plugin == null ? null : plugin.service();
        if (!(service instanceof ConfigurationCheck check)) {
            return;
        }
        try {
            check.checkConfiguration(point, municipality, java.util.Collections.unmodifiableMap(configuration));
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException("configuration", "refused by plugin '" + pluginId + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    @Override
    public void unbind(Actor actor, ExtensionPoint point, String municipality, String reason) {
        unbind(actor, point, municipality, reason, null);
    }

    @Override
    public void unbind(Actor actor, ExtensionPoint point, String municipality, String reason, Long expectedRevision) {
        Check.actor(actor);
        Long expected = revision(expectedRevision);
        Check.required("point", point);
        String given = Bindings.municipality(municipality);
        // a binding kept from before the register (a typo such as "Arnhm") can still be removed
        String m = given == null ? null : Domain.transaction(database, c -> {
            var found = this.municipalities.byKey(c, Municipalities.key("municipality", given));
            return found.isPresent() ? found.get().name() : given;
        });
        String why = Check.text("reason", reason, Check.LONG_TEXT);
        Instant now = now();
        Domain.transaction(database, c -> {
            long change = bindings.nextChange(c);
            Bindings.applyDue(bindings, c, now);
            Bindings.checkRevision(bindings, c, point, m, expected);
            StoredBinding old = bindings.find(c, point.name(), m).orElseThrow(() -> new NotFoundException(
                    "binding of " + point + " for " + (m == null ? "the region" : m)));
            bindings.remove(c, point.name(), m);
            bindings.insertChange(c, new StoredBindingChange(change, point.name(), m, old.pluginId(),
                    old.configuration(), null, null, now(), actor.id(), why));
            return null;
        });
    }

    @Override
    public ConfigurationDocument exportConfiguration(Actor actor) {
        applyDueSwitches(); // the document says what is in force (decision 0031)
        return promotion.export(actor, now());
    }

    @Override
    public ConfigurationImport importConfiguration(Actor actor, ConfigurationDocument document, String reason,
            boolean dryRun) {
        applyDueSwitches(); // a dry run compares with what is in force (decision 0031)
        return promotion.importDocument(actor, document, reason, dryRun, now());
    }

    @Override
    public List<BindingChange> history(ExtensionPoint point) {
        applyDueSwitches();
        return Domain.transaction(database, c -> bindings.changes(c, point == null ? null : point.name()).stream()
                .map(Bindings::change).toList());
    }

    @Override
    public List<Alert> alerts(int limit) {
        return alerts(null, limit);
    }

    @Override
    public List<Alert> alerts(java.util.Set<String> municipalities, int limit) {
        if (limit < 1 || limit > MAX_ALERTS) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_ALERTS);
        }
        return Domain.transaction(database, c -> (municipalities == null ? alerts.latest(c, limit)
                : alerts.latestIn(c, municipalities.isEmpty() ? List.of("") : municipalities, limit)).stream()
                .map(StoredPluginRuntime::alert).toList());
    }

    // --- planned switches (switches, issue 15 part 5, decision 0031) -----------------------------------

    /** Most switches one plan may lie ahead: ten years. */
    static final java.time.Duration MAX_AHEAD = java.time.Duration.ofDays(3653);

    @Override
    public List<PlannedSwitch> planSwitch(Actor actor, ExtensionPoint point, SwitchInput input) {
        Check.actor(actor);
        Check.required("point", point);
        Check.required("body", input);
        String m = registered(input.municipality());
        String pluginId = input.pluginId() == null ? null : Bindings.pluginId(input.pluginId());
        Map<String, String> configuration = Bindings.configuration(input.configuration());
        if (pluginId == null && !configuration.isEmpty()) {
            throw new InvalidInputException("configuration", "is for a plugin: leave it out when the binding ends");
        }
        String reason = Check.text("reason", input.reason(), Check.LONG_TEXT);
        Long expected = revision(input.expectedRevision());
        Instant now = now();
        Instant from = Check.required("from", input.from()).truncatedTo(ChronoUnit.MILLIS);
        if (!from.isAfter(now)) {
            throw new InvalidInputException("from", "must lie in the future (now is " + now
                    + "); to switch now, bind with PUT");
        }
        if (from.isAfter(now.plus(MAX_AHEAD))) {
            throw new InvalidInputException("from", "lies more than ten years ahead");
        }
        Instant until = input.until() == null ? null : input.until().truncatedTo(ChronoUnit.MILLIS);
        if (until != null && pluginId == null) {
            throw new InvalidInputException("until", "is for a binding that starts at from: leave it out when the "
                    + "binding ends at from");
        }
        if (until != null && !until.isAfter(from)) {
            throw new InvalidInputException("until", "must lie after from");
        }
        String json = null;
        String hash = null;
        if (pluginId != null) {
            present(registry, point, pluginId);
            checkConfiguration(point, m, pluginId, configuration);
            json = CanonicalJson.write(new java.util.TreeMap<>(configuration));
            hash = CanonicalJson.sha256(json);
        }
        String document = json;
        String documentHash = hash;
        return Domain.transaction(database, c -> {
            long first = bindings.nextChange(c);
            Bindings.applyDue(bindings, c, now);
            Bindings.checkRevision(bindings, c, point, m, expected);
            List<StoredSwitch> made = new java.util.ArrayList<>();
            made.add(new StoredSwitch(first, point.name(), m, pluginId, document, documentHash, from,
                    StoredSwitch.PLANNED, now, actor.id(), reason, null, null, null));
            if (until != null) {
                made.add(new StoredSwitch(bindings.nextChange(c), point.name(), m, null, null, null, until,
                        StoredSwitch.PLANNED, now, actor.id(), reason + " (end)", null, null, null));
            }
            for (StoredSwitch s : made) {
                bindings.insertSwitch(c, s);
            }
            return made.stream().map(Bindings::planned).toList();
        });
    }

    @Override
    public List<PlannedSwitch> switches(ExtensionPoint point) {
        applyDueSwitches();
        return Domain.transaction(database, c -> bindings.switches(c, point == null ? null : point.name()).stream()
                .map(Bindings::planned).toList());
    }

    @Override
    public PlannedSwitch cancelSwitch(Actor actor, long id, String reason) {
        Check.actor(actor);
        String why = Check.text("reason", reason, Check.LONG_TEXT);
        Instant now = now();
        return Domain.transaction(database, c -> {
            bindings.lock(c);
            Bindings.applyDue(bindings, c, now);
            StoredSwitch s = bindings.findSwitch(c, id).orElseThrow(() -> new NotFoundException("planned switch " + id));
            if (!StoredSwitch.PLANNED.equals(s.state())) {
                throw new RuleViolationException("switch-not-planned", "switch " + id + " was "
                        + s.state().toLowerCase(java.util.Locale.ROOT) + " at " + s.settledAt()
                        + (StoredSwitch.APPLIED.equals(s.state()) ? " (it took effect at " + s.effectiveAt()
                                + "): change the binding instead" : ""));
            }
            bindings.settleSwitch(c, id, StoredSwitch.CANCELLED, now, actor.id(), why);
            return Bindings.planned(bindings.findSwitch(c, id).orElseThrow());
        });
    }

    static Alert alert(StoredAlert a) {
        return new Alert(a.id(), a.kind(), ExtensionPoint.valueOf(a.point()), a.municipality(), a.pluginId(), a.caseId(),
                a.message(), a.at());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
