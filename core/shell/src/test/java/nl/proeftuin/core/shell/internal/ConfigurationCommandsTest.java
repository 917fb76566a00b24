package nl.proeftuin.core.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.security.UserAdministration;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region's configuration from the shell, as through the REST API: for a coordinator or regional
 * administrator granted all municipalities; the file read or written by the platform's own system user is
 * in the access log (refusals included), an import never shows what a file holds, and an export never
 * replaces a file unasked nor writes through a symbolic link.
 */
class ConfigurationCommandsTest {
    /** What an access-log key file looks like: one line of secret text, no JSON. */
    static final String SECRET = "c2VjcmV0LWFjY2Vzcy1sb2cta2V5LW5ldmVyLXRvLWJlLXNob3du";

    final BindCommandTest.RecordingRuntime runtime = new BindCommandTest.RecordingRuntime();
    final BindCommandTest.RecordingLog log = new BindCommandTest.RecordingLog();
    /** The platform's accounts: carla a coordinator granted all municipalities. */
    final UserAdministration users = BindCommandTest.wholeRegionCoordinator("carla");

    @TempDir
    Path dir;

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static Subject shellUser(String user, String... roles) {
        Set<java.security.Principal> principals = new HashSet<>();
        principals.add(new UserPrincipal(user));
        for (String role : roles) {
            principals.add(new RolePrincipal(role));
        }
        return new Subject(true, principals, Set.of(), Set.of());
    }

    @SuppressWarnings("removal") // Subject.doAs: how Karaf runs a command for the logged-in user
    private static String runAs(Subject subject, PrivilegedExceptionAction<Object> action) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Subject.doAs(subject, action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private ConfigurationExportCommand export(Path file, boolean force) throws ReflectiveOperationException {
        ConfigurationExportCommand export = new ConfigurationExportCommand();
        set(export, "runtime", runtime);
        set(export, "users", users);
        set(export, "log", log);
        set(export, "file", file == null ? null : file.toString());
        set(export, "force", force);
        return export;
    }

    private ConfigurationImportCommand importing(Path file) throws ReflectiveOperationException {
        ConfigurationImportCommand command = new ConfigurationImportCommand();
        set(command, "runtime", runtime);
        set(command, "users", users);
        set(command, "log", log);
        set(command, "dryRun", true);
        set(command, "file", file.toString());
        return command;
    }

    private AccessEvent last() {
        return log.events.get(log.events.size() - 1);
    }

    @Test
    void onlyACoordinatorOrAdministratorOfTheWholeRegionExportsOrImports() throws Exception {
        Path file = dir.resolve("region.json");
        Files.writeString(file, "{\"version\":1,\"bindings\":[]}");
        // a Karaf shell user (admin of the container), no platform account: refused, and logged
        for (Subject someone : List.of(shellUser("mallory", "admin", "manager", "viewer", "ssh"),
                shellUser("mallory", "PROFESSIONAL", "AUDITOR"))) {
            SecurityException refused = assertThrows(SecurityException.class, () -> runAs(someone, export(null, false)::execute));
            assertTrue(refused.getMessage().contains("coordinator or regional administrator granted all municipalities"),
                    refused.getMessage());
            assertEquals(AccessAction.EXPORT, last().action());
            assertEquals(AccessEvent.FAILURE, last().outcome());
            assertEquals("shell:mallory", last().userId());
            assertThrows(SecurityException.class, () -> runAs(someone, importing(file)::execute));
            assertEquals(AccessAction.READ, last().action());
            assertEquals(AccessEvent.FAILURE, last().outcome());
            assertTrue(last().detail().contains(file.toString()), last().detail());
        }
        assertEquals(List.of(), runtime.calls);
        // the platform account of the shell user's name, a coordinator of all municipalities
        assertTrue(runAs(shellUser("carla", "admin"), export(null, false)::execute).contains("simple-triage"));
        runAs(shellUser("carla", "admin"), importing(file)::execute);
        // or the role in the shell's own realm
        runAs(shellUser("rik", "REGIONAL_ADMINISTRATOR"), export(null, false)::execute);
        runAs(shellUser("co", "COORDINATOR"), importing(file)::execute);
        assertEquals(List.of("export", "import 0 null true", "export", "import 0 null true"), runtime.calls);
    }

    @Test
    void anImportNeverShowsWhatTheFileHolds() throws Exception {
        Path key = dir.resolve("access-log.key");
        Files.writeString(key, SECRET + "\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> runAs(shellUser("carla"), importing(key)::execute));
        assertFalse(refused.getMessage().contains(SECRET.substring(0, 12)), refused.getMessage());
        assertTrue(refused.getMessage().contains("not valid JSON at line 1, column"), refused.getMessage());
        assertEquals(null, refused.getCause(), "no cause that would carry the parser's message");
        assertEquals(AccessEvent.FAILURE, last().outcome(), "the read of the file is logged");
        assertFalse(last().detail().contains(SECRET.substring(0, 12)), last().detail());

        // valid JSON of another shape: the value is not quoted either
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\n  \"version\": \"" + SECRET + "\"\n}");
        refused = assertThrows(IllegalArgumentException.class, () -> runAs(shellUser("carla"), importing(other)::execute));
        assertFalse(refused.getMessage().contains(SECRET.substring(0, 12)), refused.getMessage());
        assertTrue(refused.getMessage().contains("at line 2, column"), refused.getMessage());
        assertEquals(List.of(), runtime.calls);
    }

    @Test
    void anExportReplacesAnExistingFileOnlyWithForce() throws Exception {
        Path file = dir.resolve("region.json");
        Files.writeString(file, "precious");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> runAs(shellUser("carla"), export(file, false)::execute));
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
        assertEquals("precious", Files.readString(file));
        assertEquals(AccessEvent.FAILURE, last().outcome());
        assertEquals(List.of(), runtime.calls, "nothing is exported for a refused file");

        String out = runAs(shellUser("carla"), export(file, true)::execute);
        assertTrue(out.startsWith("1 bindings written to " + file), out);
        assertTrue(Files.readString(file).contains("simple-triage"));
        assertEquals(AccessEvent.SUCCESS, last().outcome());
        assertTrue(last().detail().contains("--force " + file), last().detail());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anExportNeverWritesThroughASymbolicLink() throws Exception {
        Path precious = dir.resolve("etc-file.cfg");
        Files.writeString(precious, "precious");
        Path link = dir.resolve("region.json");
        Files.createSymbolicLink(link, precious);
        for (boolean force : new boolean[] {false, true}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> runAs(shellUser("carla"), export(link, force)::execute));
            assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
            assertEquals(AccessEvent.FAILURE, last().outcome());
        }
        // a link to a file that does not exist yet is not followed either
        Path dangling = dir.resolve("new.json");
        Path created = dir.resolve("created-through-the-link");
        Files.createSymbolicLink(dangling, created);
        assertThrows(IllegalArgumentException.class, () -> runAs(shellUser("carla"), export(dangling, false)::execute));
        assertEquals("precious", Files.readString(precious));
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(created));
    }

    @Test
    void theExportWritesANewFileThroughATemporaryOneInTheSameFolder() throws Exception {
        Path file = dir.resolve("region.json");
        // a link planted where a predictable temporary file would be is never written through
        Path precious = dir.resolve("precious");
        Files.writeString(precious, "precious");
        Files.createSymbolicLink(dir.resolve("region.json.tmp"), precious);
        runAs(shellUser("carla"), export(file, false)::execute);
        assertTrue(Files.readString(file).contains("simple-triage"));
        assertFalse(Files.isSymbolicLink(file));
        assertEquals("precious", Files.readString(precious));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> runAs(shellUser("carla"), export(dir.resolve("no-such-folder/region.json"), false)::execute));
        assertTrue(refused.getMessage().startsWith("No such folder"), refused.getMessage());
    }
}
