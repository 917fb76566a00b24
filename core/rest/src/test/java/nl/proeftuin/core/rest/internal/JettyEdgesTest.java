package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import nl.proeftuin.core.api.CaseService;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The edges over a real connection: the Jetty 9.4 that Pax Web embeds, configured by the
 * distribution's own {@code etc/jetty.xml} (as Pax Web does: its HttpConfiguration for the connector,
 * its server error handler), with the API, the fallback servlet as the context's error page (as the
 * whiteboard registers it) and the security headers filter on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JettyEdgesTest {
    private static final Path JETTY_XML = Path.of("../../distribution/src/main/resources/etc/jetty.xml");
    private Server server;
    private int port;

    @BeforeAll
    void start() throws Exception {
        server = new Server();
        XmlConfiguration xml = new XmlConfiguration(Resource.newResource(JETTY_XML.toFile()));
        xml.configure(server);
        HttpConfiguration config = (HttpConfiguration) xml.getIdMap().get("httpConfig");
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        InMemoryCore core = new InMemoryCore();
        TestSecurity security = TestSecurity.over(core);
        AtomicReference<CaseService> cases = new AtomicReference<>(core.cases);
        ApiDispatcher api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, cases::get,
                () -> core.plans, () -> null, () -> null, security.services());
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                api.service(req, resp);
            }
        }), "/api/v1/*");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                throw new IllegalStateException("a servlet that fails");
            }
        }), "/boom");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.sendError(405);
            }
        }), "/refuses");
        ServletHolder fallback = new ServletHolder(new FallbackServlet());
        context.addServlet(fallback, "/");
        context.addServlet(fallback, "/proeftuin-error");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(400, 599, "/proeftuin-error");
        errors.addErrorPage(Throwable.class, "/proeftuin-error");
        context.setErrorHandler(errors);
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", java.util.EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void paxWebReadsThisJettyXml() throws IOException {
        java.util.Properties paxWeb = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(JETTY_XML.resolveSibling("org.ops4j.pax.web.cfg"))) {
            paxWeb.load(in);
        }
        assertEquals("${karaf.etc}/jetty.xml", paxWeb.getProperty("org.ops4j.pax.web.config.file"));
    }

    @Test
    void aTokenWithItsCaseChangedIsRefusedOnAKeepAliveConnectionThatCarriedTheRealOne() throws IOException {
        String token = TestSecurity.token("anna.local");
        String changed = token.toUpperCase(Locale.ROOT);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            Response first = exchange(socket, "GET /api/v1/persons?name=x HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n");
            assertEquals(200, first.status, first.body);
            Response second = exchange(socket, "GET /api/v1/persons?name=x HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + changed + "\r\n\r\n");
            assertEquals(401, second.status, "the same connection, the token in other case: " + second.body);
            Response third = exchange(socket, "GET /api/v1/persons?name=x HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n");
            assertEquals(200, third.status, third.body);
        }
    }

    @Test
    void invalidUtf8InAQueryOverHttpIs400ProblemWithTheSecurityHeaders() throws IOException {
        for (String bad : new String[] {"%C3%28", "%FF%FE", "%zz", "%"}) {
            Response r = send("GET /api/v1/persons?name=" + bad + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestSecurity.token("anna.local") + "\r\nConnection: close\r\n\r\n");
            assertEquals(400, r.status, bad + ": " + r.body);
            assertEquals("application/problem+json", r.mediaType(), r.body);
            assertTrue(r.body.contains("\"undecodable\""), r.body);
            assertSecurityHeaders(r);
        }
    }

    @Test
    void invalidUtf8InAPathOrAHeaderIsAClientErrorNeverA500() throws IOException {
        String token = TestSecurity.token("anna.local");
        for (String target : new String[] {"/api/v1/persons/%C3%28", "/api/v1/cases/%FF%FE/history", "/api/v1/persons/%ED%A0%80"}) {
            Response r = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(r.status >= 400 && r.status < 500, target + " " + r.status + " " + r.body);
            assertNoDisclosure(r);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/persons?name=x HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: \"").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
            out.write(("\"\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Response r = exchange(socket, "");
            assertTrue(r.status < 500, r.status + " " + r.body);
        }
    }

    @Test
    void errorsTheContainerRaisesAnswerProblemJsonWithTheSecurityHeadersAndNoServletName() throws IOException {
        for (String target : new String[] {"/nothing-here", "/boom", "/refuses", "/api/v1/nothing"}) {
            Response r = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(r.status >= 400, target + " " + r.status);
            assertEquals("application/problem+json", r.mediaType(), target + ": " + r.body);
            assertSecurityHeaders(r);
            assertNoDisclosure(r);
            assertFalse(r.body.contains("a servlet that fails"), r.body);
        }
    }

    @Test
    void requestsJettyRefusesBeforeAnyServletAreProblemJsonWithTheSecurityHeadersAndNoVersion() throws IOException {
        String token = TestSecurity.token("anna.local");
        for (String request : new String[] {"GET /% HTTP/1.1\r\n", "GET /api/v1/%C3%28% HTTP/1.1\r\n",
            "GET /a/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n", "GET /api/v1/cases/%00 HTTP/1.1\r\n",
            "GET /api/v1/cases HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n"}) {
            Response r = send(request + "Host: localhost\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
            String what = request.substring(0, Math.min(40, request.length()));
            assertTrue(r.status >= 400 && r.status < 500, what + " " + r.status + " " + r.body);
            // Jetty's own handler wrote an HTML page here; etc/jetty.xml names core/jetty's ProblemErrorHandler
            assertEquals("application/problem+json", r.mediaType(), what + ": " + r.body);
            assertTrue(r.body.contains("\"status\":" + r.status), r.body);
            assertEquals("nosniff", r.headers.get("X-Content-Type-Options"), what);
            assertEquals("DENY", r.headers.get("X-Frame-Options"), what);
            assertEquals("no-store", r.headers.get("Cache-Control"), what);
            assertNoDisclosure(r);
        }
    }

    private static void assertSecurityHeaders(Response r) {
        assertEquals(SecurityHeadersFilter.CSP, r.headers.get("Content-Security-Policy"), r.headers.toString());
        assertEquals("nosniff", r.headers.get("X-Content-Type-Options"));
        assertEquals("DENY", r.headers.get("X-Frame-Options"));
        assertEquals("no-store", r.headers.get("Cache-Control"));
    }

    private static void assertNoDisclosure(Response r) {
        assertNull(r.headers.get("Server"), r.headers.toString());
        assertNull(r.headers.get("X-Powered-By"), r.headers.toString());
        String lower = r.body.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("jetty"), r.body);
        assertFalse(lower.contains("servlet"), r.body);
        assertFalse(lower.contains("exception"), r.body);
    }

    private Response send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            return exchange(socket, request);
        }
    }

    private static Response exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Response response = new Response(Integer.parseInt(statusLine.split(" ")[1]));
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
