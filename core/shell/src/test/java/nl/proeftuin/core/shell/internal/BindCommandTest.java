package nl.proeftuin.core.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.audit.AccessLogEntry;
import nl.proeftuin.core.audit.AccessLogQuery;
import nl.proeftuin.core.audit.ChainVerification;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

/** The commands as Karaf runs them: fields injected and parsed, then {@code execute()} inside the login's Subject. */
class BindCommandTest {

    /** Records the calls; binds whatever it is given. */
    static final class RecordingRuntime implements PluginRuntime {
        final List<String> calls = new ArrayList<>();
        Actor actor;

        @Override
        public List<PluginInfo> plugins() {
            return List.of(new PluginInfo("simple-triage", ExtensionPoint.TRIAGE, "b", "1.0.0", 1),
                    new PluginInfo("sharepoint-lt", ExtensionPoint.LOCAL_TEAM, "c", "1.0.0", 2));
        }

        @Override
        public List<Binding> bindings() {
            return List.of();
        }

        @Override
        public Binding effectiveBinding(ExtensionPoint point, String municipality) {
            return null;
        }

        @Override
        public Binding bind(Actor actor, ExtensionPoint point, String municipality, BindingInput input) {
            this.actor = actor;
            calls.add("bind " + point + " " + municipality + " " + input);
            return new Binding(point, municipality, input.pluginId(), input.configuration(), "0123456789abcdef", 1,
                    Instant.parse("2026-03-01T10:00:00Z"), actor.id(), input.reason());
        }

        @Override
        public void unbind(Actor actor, ExtensionPoint point, String municipality, String reason) {
            this.actor = actor;
            calls.add("unbind " + point + " " + municipality + " " + reason);
        }

        // switches: not used by the shell commands
        @Override
        public void unbind(Actor actor, ExtensionPoint point, String municipality, String reason, Long expected) {
            unbind(actor, point, municipality, reason);
        }

        @Override
        public List<nl.proeftuin.core.api.plugins.PlannedSwitch> planSwitch(Actor actor, ExtensionPoint point,
                nl.proeftuin.core.api.plugins.SwitchInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<nl.proeftuin.core.api.plugins.PlannedSwitch> switches(ExtensionPoint point) {
            return List.of();
        }

        @Override
        public nl.proeftuin.core.api.plugins.PlannedSwitch cancelSwitch(Actor actor, long id, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BindingChange> history(ExtensionPoint point) {
            return List.of();
        }

        @Override
        public nl.proeftuin.core.api.plugins.ConfigurationDocument exportConfiguration(Actor actor) {
            this.actor = actor;
            calls.add("export");
            return new nl.proeftuin.core.api.plugins.ConfigurationDocument(1, Instant.parse("2026-03-01T10:00:00Z"),
                    actor.id(), List.of(new nl.proeftuin.core.api.plugins.ConfiguredBinding("TRIAGE", null,
                            "simple-triage", "1.0.0", Map.of("threshold", "2"))));
        }

        @Override
        public nl.proeftuin.core.api.plugins.ConfigurationImport importConfiguration(Actor actor,
                nl.proeftuin.core.api.plugins.ConfigurationDocument document, String reason, boolean dryRun) {
            this.actor = actor;
            calls.add("import " + document.bindings().size() + " " + reason + " " + dryRun);
            if (document.bindings().stream().anyMatch(b -> "missing-plugin".equals(b.pluginId()))) {
                throw new nl.proeftuin.core.api.InvalidInputException("bindings[0].pluginId",
                        "no plugin missing-plugin here");
            }
            return new nl.proeftuin.core.api.plugins.ConfigurationImport(dryRun, List.of(
                    new nl.proeftuin.core.api.plugins.ConfigurationDifference(
                            nl.proeftuin.core.api.plugins.ConfigurationDifference.Change.CHANGED, ExtensionPoint.TRIAGE,
                            "Arnhem", "simple-triage", Map.of("threshold", "2"), "veiligheidshuis", Map.of("threshold", "3"))), 2);
        }

        @Override
        public List<Alert> alerts(int limit) {
            calls.add("alerts " + limit);
            return List.of();
        }

        @Override
        public List<Alert> alerts(java.util.Set<String> municipalities, int limit) {
            calls.add("alerts " + municipalities + " " + limit);
            return List.of();
        }
    }

    private final RecordingRuntime runtime = new RecordingRuntime();

    /** Keeps what the commands log. */
    static final class RecordingLog implements AccessLog {
        final List<AccessEvent> events = new ArrayList<>();
        boolean failing;

        @Override
        public AccessLogEntry append(AccessEvent e) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            events.add(e);
            return null;
        }

        @Override
        public List<AccessLogEntry> query(AccessLogQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessLogEntry> forPerson(String personId, Instant from, Instant to, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessLogEntry> allForPerson(String personId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }
    }

    private final RecordingLog log = new RecordingLog();

    /** The platform's accounts: {@code user} a coordinator granted all municipalities, nobody else. */
    static nl.proeftuin.core.security.UserAdministration wholeRegionCoordinator(String user) {
        return (nl.proeftuin.core.security.UserAdministration) java.lang.reflect.Proxy.newProxyInstance(
                BindCommandTest.class.getClassLoader(), new Class<?>[] {nl.proeftuin.core.security.UserAdministration.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("account") && user.equals(args[0])) {
                        return new nl.proeftuin.core.security.Account(user, user,
                                Set.of(nl.proeftuin.core.security.Role.COORDINATOR), Set.of("*"), null, false, Instant.EPOCH);
                    }
                    throw new nl.proeftuin.core.api.NotFoundException("user " + (args == null ? "" : args[0]));
                });
    }

    private final nl.proeftuin.core.security.UserAdministration users = wholeRegionCoordinator("carla");

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @SuppressWarnings("removal") // Subject.doAs: how Karaf runs a command for the logged-in user
    private static String runAs(String user, PrivilegedExceptionAction<Object> action) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Subject subject = new Subject(true, Set.of(new UserPrincipal(user), new RolePrincipal("admin")), Set.of(), Set.of());
            Subject.doAs(subject, action);
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bindPassesTheParsedArgumentsAsTheLoggedInUserAndPrintsTheBinding() throws Exception {
        BindCommand bind = new BindCommand();
        set(bind, "runtime", runtime);
        set(bind, "log", log);
        set(bind, "municipality", "Arnhem");
        set(bind, "configuration", List.of("threshold=2"));
        set(bind, "point", "triage");
        set(bind, "pluginId", "simple-triage");
        set(bind, "reason", List.of("pilot", "start"));
        String out = runAs("carla", bind::execute);
        assertEquals(List.of("bind TRIAGE Arnhem BindingInput[pluginId=simple-triage, configuration={threshold=2}, reason=pilot start, expectedRevision=null]"),
                runtime.calls);
        assertEquals(new Actor("carla", "carla"), runtime.actor);
        assertTrue(out.startsWith("Bound TRIAGE for the municipality Arnhem to simple-triage (revision 1)"), out);
        assertTrue(out.contains("configuration 0123456789ab"), out);
        assertEquals(1, log.events.size(), "the binding change is logged");
        AccessEvent e = log.events.get(0);
        assertEquals(AccessAction.BINDING_CHANGE, e.action());
        assertEquals(AccessEvent.SUCCESS, e.outcome());
        assertEquals("shell:carla", e.userId(), "the shell's logged-in user");
        assertTrue(e.detail().contains("proeftuin:bind triage simple-triage -m Arnhem"), e.detail());
    }

    @Test
    void configurationExportWritesTheDocumentAsJsonToAFileOrTheConsoleAndIsLoggedAsAnExport(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ConfigurationExportCommand export = new ConfigurationExportCommand();
        set(export, "runtime", runtime);
        set(export, "users", users);
        set(export, "log", log);
        String printed = runAs("carla", export::execute);
        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(printed);
        assertEquals(1, document.path("version").asInt());
        assertEquals("2026-03-01T10:00:00Z", document.path("exportedAt").asText());
        assertEquals("simple-triage", document.path("bindings").get(0).path("pluginId").asText());
        assertEquals("2", document.path("bindings").get(0).path("configuration").path("threshold").asText());
        assertEquals(AccessAction.EXPORT, log.events.get(0).action());
        assertEquals("shell:carla", log.events.get(0).userId());

        java.nio.file.Path file = dir.resolve("test-region.json");
        set(export, "file", file.toString());
        String out = runAs("carla", export::execute);
        assertTrue(out.startsWith("1 bindings written to " + file), out);
        assertEquals(document, new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()));
        assertEquals(2, log.events.size());
        assertTrue(log.events.get(1).detail().contains("proeftuin:configuration-export " + file), log.events.get(1).detail());
    }

    @Test
    void aBadPointStopsTheCommandBeforeTheRuntimeIsCalled() throws Exception {
        UnbindCommand unbind = new UnbindCommand();
        set(unbind, "runtime", runtime);
        set(unbind, "log", log);
        set(unbind, "point", "weather");
        set(unbind, "reason", List.of("x"));
        assertThrows(IllegalArgumentException.class, unbind::execute);
        assertTrue(runtime.calls.isEmpty());
        assertTrue(log.events.isEmpty(), "a command refused at its arguments touched no data");

        set(unbind, "point", "TRIAGE");
        String out = runAs("carla", unbind::execute);
        assertEquals(List.of("unbind TRIAGE null x"), runtime.calls);
        assertEquals("Unbound TRIAGE for the region", out.strip());
        assertEquals(AccessAction.BINDING_CHANGE, log.events.get(0).action());
    }

    @Test
    void alertsDefaultToAScreenful() throws Exception {
        AlertsCommand alerts = new AlertsCommand();
        set(alerts, "runtime", runtime);
        set(alerts, "log", log);
        String out = runAs("carla", alerts::execute);
        assertEquals(List.of("alerts 20"), runtime.calls);
        assertTrue(out.contains("No alerts"), out);
        assertEquals(AccessAction.READ, log.events.get(0).action(), "a read from the shell is logged");
        assertEquals("shell:carla", log.events.get(0).userId());
    }

    @Test
    void withoutTheLogACommandShowsNothing() throws Exception {
        AlertsCommand alerts = new AlertsCommand();
        set(alerts, "runtime", runtime);
        set(alerts, "log", log);
        log.failing = true;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThrows(IllegalStateException.class, alerts::execute);
        } finally {
            System.setOut(out);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "no log, no answer");
    }

    @Test
    void pluginIdsCompleteFromThePluginsPresent() throws Exception {
        PluginIdCompleter completer = new PluginIdCompleter();
        set(completer, "runtime", runtime);
        List<String> candidates = new ArrayList<>();
        // "proeftuin:bind triage si" with the cursor at the end
        int at = completer.complete(null, line("proeftuin:bind triage si", "si"), candidates);
        assertEquals(List.of("simple-triage"), candidates);
        assertEquals("proeftuin:bind triage ".length(), at);
        candidates.clear();
        assertEquals(-1, new PointCompleter().complete(null, line("proeftuin:bind x", "x"), candidates));
        assertTrue(candidates.isEmpty(), candidates.toString());
    }

    private static CommandLine line(String buffer, String cursorArgument) {
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return getArguments().length - 1;
            }

            @Override
            public String getCursorArgument() {
                return cursorArgument;
            }

            @Override
            public int getArgumentPosition() {
                return cursorArgument.length();
            }

            @Override
            public String[] getArguments() {
                return buffer.split(" ");
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        };
    }

    private static java.nio.file.Path document(java.nio.file.Path dir, String pluginId) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("region.json");
        java.nio.file.Files.writeString(file, "{\"version\":1,\"exportedAt\":\"2026-03-01T10:00:00Z\","
                + "\"exportedBy\":\"carla\",\"bindings\":[{\"point\":\"TRIAGE\",\"municipality\":\"Arnhem\","
                + "\"pluginId\":\"" + pluginId + "\",\"pluginVersion\":\"1.0.0\",\"configuration\":{\"threshold\":\"3\"}}]}");
        return file;
    }

    @Test
    void configurationImportDryRunPrintsTheDifferencesChangesNothingAndIsLoggedAsARead(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ConfigurationImportCommand command = new ConfigurationImportCommand();
        set(command, "runtime", runtime);
        set(command, "users", users);
        set(command, "log", log);
        set(command, "dryRun", true);
        set(command, "file", document(dir, "veiligheidshuis").toString());
        String out = runAs("carla", command::execute);
        assertEquals(List.of("import 1 null true"), runtime.calls, "a dry run needs no reason and says so to the runtime");
        assertTrue(out.startsWith("Dry run, nothing changed: 1 differences, 2 unchanged"), out);
        assertTrue(out.contains("CHANGED TRIAGE municipality Arnhem: simple-triage {threshold=2} -> veiligheidshuis {threshold=3}"), out);
        assertEquals(1, log.events.size());
        assertEquals(AccessAction.READ, log.events.get(0).action());
        assertEquals("shell:carla", log.events.get(0).userId());
    }

    @Test
    void configurationImportNeedsAReasonAndLogsEveryDifferenceItApplied(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ConfigurationImportCommand command = new ConfigurationImportCommand();
        set(command, "runtime", runtime);
        set(command, "users", users);
        set(command, "log", log);
        set(command, "file", document(dir, "veiligheidshuis").toString());
        assertThrows(IllegalArgumentException.class, () -> runAs("carla", command::execute));
        assertEquals(List.of(), runtime.calls, "without a reason nothing is imported");

        set(command, "reason", List.of("promote", "test", "region"));
        String out = runAs("carla", command::execute);
        assertEquals(List.of("import 1 promote test region false"), runtime.calls);
        assertTrue(out.startsWith("Applied: 1 differences, 2 unchanged"), out);
        assertEquals(2, log.events.size(), "the import, then what it applied");
        assertEquals(AccessAction.BINDING_CHANGE, log.events.get(0).action());
        AccessEvent applied = log.events.get(1);
        assertEquals(AccessAction.BINDING_CHANGE, applied.action());
        assertTrue(applied.detail().contains("CHANGED TRIAGE municipality Arnhem: simple-triage {threshold=2} -> veiligheidshuis {threshold=3}")
                && applied.detail().endsWith("reason: promote test region"), applied.detail());
    }

    @Test
    void configurationImportRefusesAMissingFileOrABadDocumentWithAMessageAndLogsTheRefusal(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ConfigurationImportCommand command = new ConfigurationImportCommand();
        set(command, "runtime", runtime);
        set(command, "users", users);
        set(command, "log", log);
        set(command, "dryRun", true);
        set(command, "file", dir.resolve("absent.json").toString());
        Exception missing = assertThrows(IllegalArgumentException.class, () -> runAs("carla", command::execute));
        assertTrue(missing.getMessage().startsWith("No such file"), missing.getMessage());

        java.nio.file.Path garbage = dir.resolve("garbage.json");
        java.nio.file.Files.writeString(garbage, "{\"version\": [");
        set(command, "file", garbage.toString());
        Exception notJson = assertThrows(IllegalArgumentException.class, () -> runAs("carla", command::execute));
        assertTrue(notJson.getMessage().startsWith("Not a configuration document"), notJson.getMessage());
        assertEquals(List.of(), runtime.calls);

        set(command, "file", document(dir, "missing-plugin").toString());
        Exception refused = assertThrows(IllegalArgumentException.class, () -> runAs("carla", command::execute));
        assertTrue(refused.getMessage().contains("nothing was changed: bindings[0].pluginId: no plugin missing-plugin here"),
                refused.getMessage());
        assertEquals(AccessEvent.FAILURE, log.events.get(log.events.size() - 1).outcome(), "the refusal is logged");
    }
}
