package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.UserAdministration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The edges in the real distribution, over raw connections (as a hostile client sends them): the
 * token compared exactly on a keep-alive connection, undecodable input a 400, errors with the
 * security headers and without Jetty's pages or version, SSH on loopback and the shell realm hashing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EdgesIT extends KarafTestSupport {

    @Inject
    private UserAdministration users;

    /** A shell user of Karaf's own realm, written in clear as an operator (or an old launcher) would. */
    private static final String OPERATOR = "edge.operator";
    private static final String OPERATOR_PASSWORD = "shell passphrase for the edges test";

    @Inject
    private org.osgi.framework.BundleContext context;

    @Configuration
    public Option[] config() {
        java.util.List<Option> options = baseOptions();
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/users.properties", OPERATOR, OPERATOR_PASSWORD + ",viewer"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theShellRealmChecksAndThenHashesAClearPassword() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        assertTrue(karafLogin(OPERATOR, OPERATOR_PASSWORD));
        assertFalse(karafLogin(OPERATOR, "not the passphrase at all"));
        String users = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("karaf.etc"), "users.properties"));
        String line = users.lines().filter(l -> l.startsWith(OPERATOR)).findFirst().orElseThrow();
        assertTrue(line, line.contains("{CRYPT}pbkdf2sha256."));
        assertFalse(line, line.contains(OPERATOR_PASSWORD));
        assertTrue(karafLogin(OPERATOR, OPERATOR_PASSWORD)); // and the hash checks
    }

    /**
     * This container starts with a shell user in etc/users.properties. Karaf's JAAS modules then wait at
     * their start for the encryption service the realm names (10 s of every start, decision 0059); the
     * service is there before they start: registered by the security bundle's activator, at a lower start
     * level than theirs.
     */
    @Test
    public void theShellRealmsHashingIsRegisteredBeforeKarafsJaasModulesStart() throws Exception {
        org.osgi.framework.Bundle security = bundle("nl.proeftuin.core.security");
        org.osgi.framework.Bundle jaas = bundle("org.apache.karaf.jaas.modules");
        int securityLevel = security.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).getStartLevel();
        int jaasLevel = jaas.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).getStartLevel();
        assertTrue(securityLevel + " before " + jaasLevel, securityLevel < jaasLevel);
        org.osgi.framework.ServiceReference<?>[] hashing = context.getServiceReferences(
                "org.apache.karaf.jaas.modules.EncryptionService", "(name=proeftuin-pbkdf2)");
        assertEquals(1, hashing.length);
        assertEquals(security, hashing[0].getBundle());
    }

    private org.osgi.framework.Bundle bundle(String symbolicName) {
        return java.util.Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
    }

    /** A login to Karaf's own JAAS realm ({@code karaf}: the SSH shell's). */
    private boolean karafLogin(String user, String password) throws Exception {
        // LoginContext loads Karaf's proxy login module through the context class loader: one that
        // imports it, as the platform's own password check does
        org.osgi.framework.Bundle boot = bundle("nl.proeftuin.core.security");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(boot.adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader());
        try {
            javax.security.auth.login.LoginContext login = new javax.security.auth.login.LoginContext("karaf",
                    new javax.security.auth.Subject(), callbacks -> {
                        for (javax.security.auth.callback.Callback callback : callbacks) {
                            if (callback instanceof javax.security.auth.callback.NameCallback name) {
                                name.setName(user);
                            } else if (callback instanceof javax.security.auth.callback.PasswordCallback pw) {
                                pw.setPassword(password.toCharArray());
                            }
                        }
                    });
            login.login();
            login.logout();
            return true;
        } catch (javax.security.auth.login.LoginException refused) {
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    public void aTokenWithItsCaseChangedIsRefusedOnAKeepAliveConnection() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String token = login(PROFESSIONAL, PASSWORD);
        StringBuilder changed = new StringBuilder(token);
        for (int i = 0; i < changed.length(); i++) {
            char c = changed.charAt(i);
            changed.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        assertFalse(token.contentEquals(changed));
        try (Socket socket = socket()) {
            assertEquals(200, exchange(socket, "GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\n\r\n").status);
            Response other = exchange(socket, "GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + changed + "\r\n\r\n");
            assertEquals(other.body, 401, other.status);
        }
    }

    @Test
    public void undecodableQueriesAre400AndErrorsCarryTheSecurityHeaders() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        String token = login(PROFESSIONAL, PASSWORD);
        for (String target : new String[] {"/api/v1/persons?name=%C3%28", "/api/v1/cases?name=%FF", "/api/v1/cases?name=%zz"}) {
            Response r = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertEquals(target + " " + r.body, 400, r.status);
            assertTrue(r.body, r.body.contains("undecodable"));
            assertSecurityHeadersAndNoDisclosure(r);
        }
        for (String target : new String[] {"/api/v1/no-such-thing", "/not-the-api", "/api/v1/cases"}) {
            Response r = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(target + " " + r.status, r.status == 404 || r.status == 401);
            assertEquals(r.body, "application/problem+json", r.mediaType());
            assertSecurityHeadersAndNoDisclosure(r);
        }
        for (String target : new String[] {"/%", "/api/v1/%C3%28%"}) {
            Response r = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(target + " " + r.body, 400, r.status);
            assertNull(r.headers.get("Server"));
            String lower = r.body.toLowerCase(Locale.ROOT);
            assertFalse(r.body, lower.contains("jetty") || lower.contains("servlet") || lower.contains("exception"));
        }
    }

    @Test
    public void theStrengthEstimateRunsInTheBundleAndRefusesWeakPasswords() throws Exception {
        awaitReady(Duration.ofSeconds(90));
        NewAccount bert = new NewAccount("bert.edges", "Bert", java.util.Set.of(Role.PROFESSIONAL), java.util.Set.of(), null);
        for (String weak : new String[] {"Welkom012345", "Wachtwoord123", "proeftuin123456", "qwertyuiopasdf", " ".repeat(12)}) {
            try {
                users.add(bert, weak.toCharArray());
                throw new AssertionError("accepted '" + weak + "'");
            } catch (InvalidInputException refused) {
                assertEquals("password", refused.field());
            }
        }
        users.add(bert, "zeven-blauwe-fietsen-in-de-regen".toCharArray());
        assertEquals(200, sendAs(null, "POST", "/api/v1/auth/login",
                "{\"username\":\"bert.edges\",\"password\":\"zeven-blauwe-fietsen-in-de-regen\"}", "application/json").statusCode());
    }

    @Test
    public void sshListensOnLoopbackAndTheShellRealmHashesPasswords() throws Exception {
        Properties shell = etc("org.apache.karaf.shell.cfg");
        assertEquals("127.0.0.1", shell.getProperty("sshHost").strip());
        // Karaf's SFTP is rooted at karaf.base: every shell user would read and write etc/ (the keys), the
        // database and the backups, past every command's role check
        assertEquals("false", shell.getProperty("sftpEnabled").strip());
        Properties jaas = etc("org.apache.karaf.jaas.cfg");
        assertEquals("true", jaas.getProperty("encryption.enabled").strip());
        assertEquals("proeftuin-pbkdf2", jaas.getProperty("encryption.name").strip());
    }

    private static Properties etc(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty("karaf.etc"), name))) {
            properties.load(in);
        }
        return properties;
    }

    private static void assertNull(Object value) {
        assertTrue(String.valueOf(value), value == null);
    }

    private static void assertSecurityHeadersAndNoDisclosure(Response r) {
        assertNotNull(r.headers.toString(), r.headers.get("Content-Security-Policy"));
        assertEquals("nosniff", r.headers.get("X-Content-Type-Options"));
        assertEquals("DENY", r.headers.get("X-Frame-Options"));
        assertNull(r.headers.get("Server"));
        String lower = r.body.toLowerCase(Locale.ROOT);
        assertFalse(r.body, lower.contains("jetty") || lower.contains("servlet"));
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(System.getProperty(HTTP_PORT)));
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static Response send(String request) throws IOException {
        try (Socket socket = socket()) {
            return exchange(socket, request);
        }
    }

    private static Response exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        Response response = new Response(Integer.parseInt(line(in).split(" ")[1]));
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            response.headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(response.headers.get("Transfer-Encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (response.headers.containsKey("Content-Length")) {
            body.write(in.readNBytes(Integer.parseInt(response.headers.get("Content-Length"))));
        } else {
            body.write(in.readAllBytes());
        }
        response.body = body.toString(StandardCharsets.UTF_8);
        return response;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static final class Response {
        final int status;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String body;

        Response(int status) {
            this.status = status;
        }

        String mediaType() {
            String type = headers.get("Content-Type");
            return type == null ? null : type.split(";")[0].strip();
        }
    }
}
