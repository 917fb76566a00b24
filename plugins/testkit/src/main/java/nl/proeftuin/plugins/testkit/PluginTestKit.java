package nl.proeftuin.plugins.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import nl.proeftuin.core.api.CaseService;
import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.FamilyService;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseMemberInput;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.FamilyRole;
import nl.proeftuin.core.api.dto.Person;
import nl.proeftuin.core.api.dto.PersonInput;
import nl.proeftuin.core.api.dto.SignalInput;
import nl.proeftuin.core.api.dto.SignalKind;
import nl.proeftuin.core.api.dto.SignalSource;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.TriageFacts;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.region.MunicipalityInput;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.api.triage.TriageOutcome;
import nl.proeftuin.core.api.triage.TriageService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the core inside the test framework and drives it as a coordinator and a professional would.
 * Runs inside OSGi (bnd-testing with {@code plugins/testkit/plugin-test.bndrun}), in the test bundle.
 *
 * <pre>{@code
 * @InjectBundleContext static BundleContext context;   // osgi-test
 * static PluginTestKit kit;
 * @BeforeAll static void boot() throws Exception { kit = PluginTestKit.boot(context); }
 * @AfterAll  static void stop() throws Exception { kit.close(); }
 * ...
 * kit.awaitPlugin(ExtensionPoint.TRIAGE, "my-triage");
 * kit.bindRegion("my-triage", Map.of());
 * String caseId = kit.openCase("Arnhem");
 * TriageOutcome outcome = kit.triage(caseId, facts);
 * }</pre>
 *
 * <p>{@link #boot} gives the core a fresh in-memory H2 database (a unique name per boot, kept until
 * {@link #close}) through Config Admin, with the same PID, driver filter and SQL mode as the
 * distribution's {@code etc/nl.proeftuin.core.store.internal.JdbcDatabase.cfg}, then waits until the
 * engine's services are registered (that is: the schema is migrated and the runtime is wired).
 */
public final class PluginTestKit implements AutoCloseable {

    /** The core store's configuration PID. */
    public static final String DATABASE_PID = "nl.proeftuin.core.store.internal.JdbcDatabase";
    /** The H2 driver's DataSourceFactory, as the distribution selects it. */
    public static final String H2_DRIVER_FILTER = "(osgi.jdbc.driver.class=org.h2.Driver)";
    /** How long {@link #boot} and the {@code await} methods wait by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** Who the kit acts as: recorded in bindings, cases and outcomes. */
    public static final Actor ACTOR = new Actor("plugin-test", "Plugin test");

    private final BundleContext context;
    private final Configuration database;
    private final String url;
    private final ServiceTracker<PluginRuntime, PluginRuntime> runtime;
    private final ServiceTracker<TriageService, TriageService> triage;
    private final ServiceTracker<CaseService, CaseService> cases;
    private final ServiceTracker<FamilyService, FamilyService> family;
    private final ServiceTracker<MunicipalityRegister, MunicipalityRegister> municipalities;

    /**
     * The municipalities every boot registers (CBS code, name): the two region variants' and a few
     * the plugins' tests use. A case, binding or household names only registered municipalities.
     */
    public static final Map<String, String> MUNICIPALITIES = Map.ofEntries(Map.entry("GM0202", "Arnhem"),
            Map.entry("GM0221", "Doesburg"), Map.entry("GM0226", "Duiven"), Map.entry("GM0228", "Ede"),
            Map.entry("GM1705", "Lingewaard"), Map.entry("GM1734", "Overbetuwe"), Map.entry("GM0274", "Renkum"),
            Map.entry("GM0275", "Rheden"), Map.entry("GM0277", "Rozendaal"), Map.entry("GM0293", "Westervoort"),
            Map.entry("GM0299", "Zevenaar"), Map.entry("GM0289", "Wageningen"), Map.entry("GM0203", "Barneveld"),
            Map.entry("GM0339", "Renswoude"), Map.entry("GM0340", "Rhenen"), Map.entry("GM0279", "Scherpenzeel"),
            Map.entry("GM0345", "Veenendaal"), Map.entry("GM0267", "Nijkerk"), Map.entry("GM0296", "Wijchen"),
            Map.entry("GM0225", "Druten"), Map.entry("GM0268", "Nijmegen"), Map.entry("GM0209", "Beuningen"));

    private PluginTestKit(BundleContext context, Configuration database, String url) {
        this.context = context;
        this.database = database;
        this.url = url;
        this.runtime = open(context, PluginRuntime.class);
        this.triage = open(context, TriageService.class);
        this.cases = open(context, CaseService.class);
        this.family = open(context, FamilyService.class);
        this.municipalities = open(context, MunicipalityRegister.class);
    }

    /** Configures a fresh in-memory database and waits (up to {@link #DEFAULT_TIMEOUT}) for the core. */
    public static PluginTestKit boot(BundleContext context) throws IOException, InterruptedException {
        return boot(context, DEFAULT_TIMEOUT);
    }

    /** Configures a fresh in-memory database and waits up to {@code timeout} for the core. */
    public static PluginTestKit boot(BundleContext context, Duration timeout) throws IOException, InterruptedException {
        ConfigurationAdmin cm = await(open(context, ConfigurationAdmin.class), timeout, "Config Admin");
        // DB_CLOSE_DELAY=-1: the database lives while the JVM does (the pool may drop to 0 connections);
        // the rest is the distribution's SQL mode, so SQL behaves as it does in production.
        String url = "jdbc:h2:mem:plugin-test-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("url", url);
        props.put("dataSourceFactory.target", H2_DRIVER_FILTER);
        props.put("user", "sa");
        props.put("maxPoolSize", 4);
        props.put("connectionTimeoutMillis", 5000L);
        // location "?": any bundle may bind it (the store bundle, whatever its location)
        Configuration config = cm.getConfiguration(DATABASE_PID, "?");
        config.update(props);
        PluginTestKit kit = new PluginTestKit(context, config, url);
        try {
            await(kit.runtime, timeout, "PluginRuntime (database " + url + ")");
            await(kit.triage, timeout, "TriageService");
            await(kit.cases, timeout, "CaseService");
            await(kit.family, timeout, "FamilyService");
            MunicipalityRegister register = await(kit.municipalities, timeout, "MunicipalityRegister");
            MUNICIPALITIES.forEach((code, name) -> register.add(ACTOR, new MunicipalityInput(code, name, null)));
        } catch (InterruptedException | RuntimeException e) {
            kit.close();
            throw e;
        }
        return kit;
    }

    // --- the core's services ------------------------------------------------------------------------

    /** The plugin runtime: plugins present, bindings, history, alerts. */
    public PluginRuntime runtime() {
        return required(runtime, "PluginRuntime");
    }

    /** Triage with provenance and fallback. */
    public TriageService triageService() {
        return required(triage, "TriageService");
    }

    /** Cases. */
    public CaseService cases() {
        return required(cases, "CaseService");
    }

    /** Persons and households. */
    public FamilyService family() {
        return required(family, "FamilyService");
    }

    /** The JDBC URL of this boot's database. */
    public String databaseUrl() {
        return url;
    }

    // --- what a coordinator and a professional do ---------------------------------------------------

    /** Binds a triage plugin for the whole region (replacing any region binding). */
    public Binding bindRegion(String pluginId, Map<String, String> configuration) {
        return bind(ExtensionPoint.TRIAGE, null, pluginId, configuration);
    }

    /** Binds a triage plugin for one municipality (it overrides the region's binding there). */
    public Binding bindMunicipality(String municipality, String pluginId, Map<String, String> configuration) {
        return bind(ExtensionPoint.TRIAGE, municipality, pluginId, configuration);
    }

    /** Binds a plugin to any extension point, for the region ({@code municipality} null) or a municipality. */
    public Binding bind(ExtensionPoint point, String municipality, String pluginId, Map<String, String> configuration) {
        return runtime().bind(ACTOR, point, municipality,
                new BindingInput(pluginId, configuration == null ? Map.of() : configuration, "plugin test"));
    }

    /** Removes the region's triage binding. */
    public void unbindRegion() {
        runtime().unbind(ACTOR, ExtensionPoint.TRIAGE, null, "plugin test");
    }

    /**
     * Opens a case in a municipality from a police signal about one child (recorded first), and
     * returns its id.
     */
    public String openCase(String municipality) {
        Person child = family().createPerson(ACTOR,
                new PersonInput("Test", "Kind", DutchDay.today().minusYears(8), null));
        CaseView opened = cases().open(ACTOR, new SignalInput(SignalKind.SIGNAL, SignalSource.POLICE,
                "Plugin test signal", DutchDay.today(), municipality,
                List.of(new CaseMemberInput(child.id(), Set.of(FamilyRole.CHILD)))));
        return opened.id();
    }

    /** Triages a case through whatever is bound for its municipality (the core's fallback if nothing usable is). */
    public TriageOutcome triage(String caseId, TriageFacts facts) {
        return triageService().triage(ACTOR, caseId, facts);
    }

    // --- waiting for the framework ------------------------------------------------------------------

    /** Waits until a plugin with this id is present for the extension point; returns it. */
    public PluginInfo awaitPlugin(ExtensionPoint point, String pluginId) throws InterruptedException {
        awaitTrue(() -> find(point, pluginId) != null, DEFAULT_TIMEOUT,
                "plugin " + pluginId + " for " + point + " (present: " + runtime().plugins() + ")");
        return find(point, pluginId);
    }

    /** Waits until no plugin with this id is present for the extension point any more. */
    public void awaitPluginGone(ExtensionPoint point, String pluginId) throws InterruptedException {
        awaitTrue(() -> find(point, pluginId) == null, DEFAULT_TIMEOUT, "plugin " + pluginId + " to go away");
    }

    /** The installed bundle of that symbolic name (to stop and start the plugin under test). */
    public Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName + " is installed");
    }

    /** Stops a bundle (its services go away); {@link #startBundle} brings it back. */
    public void stopBundle(String symbolicName) throws BundleException {
        bundle(symbolicName).stop();
    }

    /** Starts a bundle again. */
    public void startBundle(String symbolicName) throws BundleException {
        bundle(symbolicName).start();
    }

    /** The bundle a class was loaded from: the plugin's, for a class of the plugin. */
    public static Bundle bundleOf(Class<?> type) {
        return FrameworkUtil.getBundle(type);
    }

    /** Deletes the database configuration (the core's services go away) and stops tracking. */
    @Override
    public void close() {
        runtime.close();
        triage.close();
        cases.close();
        family.close();
        municipalities.close();
        try {
            database.delete();
        } catch (IOException | IllegalStateException e) {
            // already deleted, or Config Admin already gone: nothing left to clean up
        }
    }

    private PluginInfo find(ExtensionPoint point, String pluginId) {
        return runtime().plugins().stream().filter(p -> p.point() == point && p.pluginId().equals(pluginId))
                .findFirst().orElse(null);
    }

    private static <S> ServiceTracker<S, S> open(BundleContext context, Class<S> type) {
        ServiceTracker<S, S> t = new ServiceTracker<>(context, type, null);
        t.open();
        return t;
    }

    private static <S> S await(ServiceTracker<S, S> tracker, Duration timeout, String what)
            throws InterruptedException {
        S service = tracker.waitForService(timeout.toMillis());
        if (service == null) {
            throw new IllegalStateException("no " + what + " after " + timeout.toSeconds()
                    + " s: is every core bundle active, and did the database migrate? (see the log above)");
        }
        return service;
    }

    private static <S> S required(ServiceTracker<S, S> tracker, String what) {
        S service = tracker.getService();
        if (service == null) {
            throw new IllegalStateException(what + " is not registered (core not booted, or the kit is closed)");
        }
        return service;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
