package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.ConfigurationDifference;
import nl.proeftuin.core.api.plugins.ConfigurationDifference.Change;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.ConfigurationImport;
import nl.proeftuin.core.api.plugins.ConfiguredBinding;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.plugins.BindingStore;
import nl.proeftuin.core.store.plugins.StoredBinding;
import nl.proeftuin.core.store.plugins.StoredBindingChange;
import nl.proeftuin.core.store.region.MunicipalityStore;

/**
 * Configuration promotion between instances for {@link StoredPluginRuntime}: the export of every
 * binding as a {@link ConfigurationDocument} and its import (a dry-run diff, or all changes in one
 * transaction). An import checks every entry as a bind does (the same checks, through
 * {@link StoredPluginRuntime#checkConfiguration}) before anything is written, and refuses the whole
 * document when one entry fails, naming every failing entry. Not a component.
 */
final class ConfigurationPromotion {

    /** Most bindings a document may hold (four points times a large region's municipalities, with room). */
    static final int MAX_BINDINGS = 2000;

    private final Database database;
    private final BindingStore bindings;
    private final MunicipalityStore municipalities;
    private final ServicePluginRegistry registry;
    private final StoredPluginRuntime runtime;

    ConfigurationPromotion(Database database, BindingStore bindings, MunicipalityStore municipalities,
            ServicePluginRegistry registry, StoredPluginRuntime runtime) {
        this.database = database;
        this.bindings = bindings;
        this.municipalities = municipalities;
        this.registry = registry;
        this.runtime = runtime;
    }

    ConfigurationDocument export(Actor actor, Instant now) {
        Check.actor(actor);
        List<ConfiguredBinding> out = Domain.transaction(database, c -> bindings.all(c)).stream()
                .map(Bindings::binding)
                .sorted(Comparator.comparing((Binding b) -> b.point().name())
                        .thenComparing(b -> b.municipality() == null ? "" : b.municipality()))
                .map(b -> new ConfiguredBinding(b.point().name(), b.municipality(), b.pluginId(),
                        registry.lookup(b.point(), b.pluginId(), Object.class).map(p -> p.info().bundleVersion())
                                .orElse(null),
                        b.configuration()))
                .toList();
        return new ConfigurationDocument(ConfigurationDocument.VERSION, now, actor.id(), out);
    }

    /** One checked entry of a document. */
    private record Entry(ExtensionPoint point, String municipality, String pluginId, Map<String, String> configuration) {
        String scope() {
            return point.name() + (municipality == null ? " (region)" : "/" + municipality);
        }
    }

    ConfigurationImport importDocument(Actor actor, ConfigurationDocument document, String reason, boolean dryRun,
            Instant now) {
        Check.actor(actor);
        Check.required("document", document);
        if (document.version() != ConfigurationDocument.VERSION) {
            throw new InvalidInputException("version", "document version " + document.version()
                    + " is unknown here; this platform reads version " + ConfigurationDocument.VERSION);
        }
        String why = dryRun ? Check.optionalText("reason", reason, Check.LONG_TEXT)
                : Check.text("reason", reason, Check.LONG_TEXT);
        List<ConfiguredBinding> given = Check.required("bindings", document.bindings());
        if (given.size() > MAX_BINDINGS) {
            throw new InvalidInputException("bindings", "has more than " + MAX_BINDINGS + " entries");
        }
        List<Entry> entries = check(given);
        if (dryRun) {
            List<ConfigurationDifference> differences = Domain.transaction(database, c -> differences(c, entries));
            return new ConfigurationImport(true, differences, entries.size() - added(differences));
        }
        List<ConfigurationDifference> applied = Domain.transaction(database, c -> {
            long change = bindings.nextChange(c); // the binding log's lock: serialised with every other change
            Bindings.applyDue(bindings, c, now); // planned switches that are due first (decision 0031)
            List<ConfigurationDifference> differences = differences(c, entries);
            boolean first = true;
            for (ConfigurationDifference d : differences) {
                long number = first ? change : bindings.nextChange(c);
                first = false;
                if (d.change() == Change.REMOVED) {
                    StoredBinding old = bindings.find(c, d.point().name(), d.municipality()).orElseThrow();
                    bindings.remove(c, d.point().name(), d.municipality());
                    bindings.insertChange(c, new StoredBindingChange(number, d.point().name(), d.municipality(),
                            old.pluginId(), old.configuration(), null, null, now, actor.id(), why));
                } else {
                    Bindings.write(bindings, c, number, d.point(), d.municipality(), d.newPluginId(),
                            d.newConfiguration(), actor.id(), why, now);
                }
            }
            return differences;
        });
        return new ConfigurationImport(false, applied, entries.size() - added(applied));
    }

    /** How many of the document's entries a difference is about (added or changed; removals are not in it). */
    private static int added(List<ConfigurationDifference> differences) {
        return (int) differences.stream().filter(d -> d.change() != Change.REMOVED).count();
    }

    /** The document's entries, each checked as a bind checks it; every problem of every entry, or none. */
    private List<Entry> check(List<ConfiguredBinding> given) {
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "bindings[" + i + "]";
            ConfiguredBinding b = given.get(i);
            if (b == null) {
                problems.add(at + ": is required");
                continue;
            }
            try {
                Entry entry = entry(at, b);
                Integer before = seen.putIfAbsent(entry.scope(), i);
                if (before != null) {
                    throw new InvalidInputException(at, "binds " + entry.scope() + " again (also bindings[" + before
                            + "])");
                }
                entries.add(entry);
            } catch (InvalidInputException e) {
                problems.add(e.field() + ": " + e.reason());
            } catch (RuleViolationException e) {
                problems.add(at + ".municipality: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            String field = problems.size() == 1 ? problems.get(0).substring(0, problems.get(0).indexOf(": "))
                    : "bindings";
            throw new InvalidInputException(field, "the document is refused and nothing is applied: "
                    + problems.size() + (problems.size() == 1 ? " entry fails: " : " entries fail: ")
                    + String.join("; ", problems));
        }
        return entries;
    }

    private Entry entry(String at, ConfiguredBinding b) {
        ExtensionPoint point = point(at + ".point", b.point());
        String municipality = registered(at + ".municipality", b.municipality());
        String pluginId;
        Map<String, String> configuration;
        try {
            pluginId = Bindings.pluginId(b.pluginId());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(at + ".pluginId", e.reason());
        }
        try {
            configuration = Bindings.configuration(b.configuration());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(at + "." + e.field(), e.reason());
        }
        PluginInfo present = registry.lookup(point, pluginId, Object.class).map(ServicePluginRegistry.Plugin::info)
                .orElse(null);
        if (present == null) {
            String installed = registry.plugins().stream().filter(p -> p.point() == point).map(PluginInfo::pluginId)
                    .distinct().collect(Collectors.joining(", "));
            throw new InvalidInputException(at + ".pluginId", "no plugin '" + pluginId + "' is installed for " + point
                    + " here (installed: " + (installed.isEmpty() ? "none" : installed) + ")");
        }
        if (b.pluginVersion() != null && !compatible(b.pluginVersion(), present.bundleVersion())) {
            throw new InvalidInputException(at + ".pluginVersion", "plugin '" + pluginId + "' is version "
                    + present.bundleVersion() + " here; the document needs " + b.pluginVersion()
                    + " (the same major version, at least as new)");
        }
        try {
            runtime.checkConfiguration(point, municipality, pluginId, configuration);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(at + "." + e.field(), "plugin '" + pluginId + "': " + e.reason());
        }
        return new Entry(point, municipality, pluginId, configuration);
    }

    private static ExtensionPoint point(String field, String point) {
        String p = Check.text(field, point, Check.ID);
        try {
            return ExtensionPoint.valueOf(p.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + p + "' is not an extension point of this platform ("
                    + java.util.Arrays.toString(ExtensionPoint.values()) + ")");
        }
    }

    /** The municipality in the register's form, null for the region; unknown ones name the municipality. */
    private String registered(String field, String municipality) {
        String m;
        try {
            m = Bindings.municipality(municipality);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.reason());
        }
        if (m == null) {
            return null;
        }
        try {
            return Domain.transaction(database, c -> Municipalities.canonical(municipalities, c, field, m));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, "'" + m + "' is not a municipality of this region's register");
        }
    }

    /**
     * Whether a plugin of version {@code present} can take a binding exported with {@code wanted}: the
     * same major version and at least as new (major.minor.micro; a qualifier is not compared).
     */
    static boolean compatible(String wanted, String present) {
        int[] w = numbers(wanted);
        int[] p = numbers(present);
        if (w == null || p == null || w[0] != p[0]) {
            return false;
        }
        for (int i = 1; i < 3; i++) {
            if (p[i] != w[i]) {
                return p[i] > w[i];
            }
        }
        return true;
    }

    private static int[] numbers(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.strip().split("\\.", 4);
        int[] out = new int[3];
        try {
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                out[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    /** What the entries change against the bindings now: added and changed in document order, then removed. */
    private List<ConfigurationDifference> differences(Connection c, List<Entry> entries) throws SQLException {
        Map<String, Binding> now = new LinkedHashMap<>();
        for (StoredBinding s : bindings.all(c)) {
            Binding b = Bindings.binding(s);
            now.put(new Entry(b.point(), b.municipality(), b.pluginId(), b.configuration()).scope(), b);
        }
        List<ConfigurationDifference> out = new ArrayList<>();
        for (Entry e : entries) {
            Binding old = now.remove(e.scope());
            if (old == null) {
                out.add(new ConfigurationDifference(Change.ADDED, e.point(), e.municipality(), null, null, e.pluginId(),
                        e.configuration()));
            } else if (!old.pluginId().equals(e.pluginId()) || !Objects.equals(old.configuration(), e.configuration())) {
                out.add(new ConfigurationDifference(Change.CHANGED, e.point(), e.municipality(), old.pluginId(),
                        old.configuration(), e.pluginId(), e.configuration()));
            }
        }
        for (Binding old : now.values()) {
            out.add(new ConfigurationDifference(Change.REMOVED, old.point(), old.municipality(), old.pluginId(),
                    old.configuration(), null, null));
        }
        return out;
    }
}
