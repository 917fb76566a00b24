package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.testing.LoopbackPorts;
import org.junit.After;
import org.junit.Test;

/**
 * Two nodes, one region (issue 16, decision 0027): the real distribution unpacked twice and started as
 * two processes ({@code bin/karaf server}, loopback ports only) on one embedded PostgreSQL, sharing the
 * region's {@code etc/} files (national id key, access log key, users file). Proves, and prints the
 * figures of:
 * <ol>
 * <li>a session opened on A works on B; a logout, a role change and a disabled account on one node count
 * on the other at its very next request;</li>
 * <li>a binding changed on A is what B resolves on its next request (lag measured, p99 under 1 s);</li>
 * <li>two nodes appending at once keep one access-log chain that verifies;</li>
 * <li>a region-wide job (the outbox round, every second) runs once per interval in the region, not once
 * per node, and moves to the other node when its node is killed with {@code kill -9};</li>
 * <li>with PostgreSQL stopped, readiness says 503 within seconds, API routes answer 503
 * problem+json (never 500), liveness stays 200, and the node serves again by itself after PostgreSQL is
 * back;</li>
 * <li>a node started with another national id key than the region's is not ready, says why, and does not
 * serve the routes that need the key.</li>
 * </ol>
 */
public class TwoNodesIT {
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "two-nodes-test-password-1";
    private static final long OUTBOX_INTERVAL_MILLIS = 1000;
    private static final String JOB = "local-team-outbox";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Node> nodes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private Path pgData;
    private int pgPort;

    /** One installation and its process. */
    static final class Node {
        final String id;
        final Path home;
        final int port;
        Process process;

        Node(String id, Path home, int port) {
            this.id = id;
            this.home = home;
            this.port = port;
        }
    }

    @Test
    public void twoNodesBehaveAsOneRegion() throws Exception {
        Path work = Path.of("target", "two-nodes-it").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        pgData = work.resolve("pg");
        pgPort = LoopbackPorts.free();
        startPostgres();

        String nationalIdKey = randomKey();
        String accessLogKey = randomKey();
        Node a = install(work, "node-a", nationalIdKey, accessLogKey);
        Node b = install(work, "node-b", nationalIdKey, accessLogKey);
        // the first administrator (all municipalities, waiting in etc/ for A's first start), then the
        // others, all in A's users file only: A moves them into the database, where B finds them
        Process admin = new ProcessBuilder(a.home.resolve("bin/proeftuin-admin").toString(), "create-administrator",
                "--name", "Two Nodes Admin", "admin").directory(a.home.toFile()).redirectErrorStream(true).start();
        admin.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        admin.getOutputStream().close();
        String said = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("proeftuin-admin: " + said, 0, admin.waitFor());
        Path usersFile = a.home.resolve("etc/proeftuin-users.properties");
        Files.writeString(usersFile, Files.readString(usersFile) + "\n" + usersLine("auditor", "AUDITOR")
                + usersLine("coord", "COORDINATOR") + usersLine("pro", "PROFESSIONAL") + usersLine("pro2", "PROFESSIONAL"));
        // the coordinator is one of the whole region: region-wide bindings are for those only
        Path pending = a.home.resolve("etc/proeftuin-pending-accounts.properties");
        Files.writeString(pending, (Files.exists(pending) ? Files.readString(pending) + "\n" : "")
                + "coord/name = Coord Twee Nodes\ncoord/municipalities = *\n");
        long begun = System.nanoTime();
        start(a);
        start(b);
        awaitReady(a);
        awaitReady(b);
        System.out.printf("[two-nodes] both nodes ready %d s after their start%n", seconds(begun));

        readinessIsCheap(a);
        sessionsCountOnEveryNode(a, b);
        bindingsReachTheOtherNode(a, b);
        aPlannedSwitchTakesEffectOnBothNodes(a, b); // switches (issue 15 part 5)
        Node holder = regionWideJobRunsOnceAndMovesOn(a, b);
        Node survivor = holder == a ? b : a;
        aNodeWithoutItsDatabaseAnswers503AndComesBack(survivor, holder);
        kill9(holder);
        aNodeWithAnotherKeyRefuses(holder, survivor);
        kill9(holder);
        aNodeWithAnotherAccessLogKeyRefuses(holder, nationalIdKey);
    }

    /** A load balancer polls readiness every second: it must answer fast (cached verdict, one heartbeat write a second). */
    private void readinessIsCheap(Node n) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long t = System.nanoTime();
            assertEquals(200, get(n, "/api/v1/health/ready").statusCode());
            micros.add((System.nanoTime() - t) / 1000);
            Thread.sleep(20);
        }
        micros.sort(null);
        long t = System.nanoTime();
        assertEquals(200, get(n, "/api/v1/health/live").statusCode());
        System.out.printf(Locale.ROOT, "[two-nodes] GET /health/ready x50: p50 %.1f ms, max %.1f ms; /health/live %.1f ms%n",
                micros.get(25) / 1000.0, micros.get(49) / 1000.0, (System.nanoTime() - t) / 1e6);
        assertTrue("readiness answers within 1 s", micros.get(49) < 1_000_000);
    }

    // --- 1. sessions ---------------------------------------------------------------------------------

    private void sessionsCountOnEveryNode(Node a, Node b) throws Exception {
        String admin = login(a, "admin");
        String pro = login(a, "pro");
        assertEquals("a session opened on A is valid on B", 200, send(b, "GET", "/api/v1/auth/me", pro, null).statusCode());
        assertEquals(204, send(a, "POST", "/api/v1/auth/logout", pro, null).statusCode());
        assertEquals("logged out on A: B refuses the token at its next request", 401,
                send(b, "GET", "/api/v1/auth/me", pro, null).statusCode());

        pro = login(b, "pro");
        assertEquals("a professional is no coordinator", 403, send(a, "GET", "/api/v1/bindings", pro, null).statusCode());
        HttpResponse<String> roles = send(b, "PUT", "/api/v1/users/pro/roles", admin,
                "{\"roles\":[\"PROFESSIONAL\",\"COORDINATOR\"]}");
        assertEquals(roles.body(), 200, roles.statusCode());
        assertEquals("a role given on B counts on A at once, in the open session", 200,
                send(a, "GET", "/api/v1/bindings", pro, null).statusCode());

        String pro2 = login(b, "pro2");
        assertEquals(200, send(a, "GET", "/api/v1/auth/me", pro2, null).statusCode());
        HttpResponse<String> disabled = send(a, "PUT", "/api/v1/users/pro2/disabled", admin,
                "{\"disabled\":true}");
        assertEquals(disabled.body(), 200, disabled.statusCode());
        assertEquals("disabled on A: B refuses the session at its next request", 401,
                send(b, "GET", "/api/v1/auth/me", pro2, null).statusCode());
        assertEquals("and its login", 401, loginStatus(b, "pro2"));

        // The accounts themselves live in the database: a user created on A logs in on B, a password
        // changed on B no longer lets them in on A, and a role given on A comes with a new login on B.
        HttpResponse<String> created = send(a, "POST", "/api/v1/users", admin, "{\"userId\":\"nieuw\",\"name\":"
                + "\"Nieuwe Collega\",\"roles\":[\"PROFESSIONAL\"],\"municipalities\":[\"*\"],\"password\":\"" + PASSWORD + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String nieuw = login(b, "nieuw");
        HttpResponse<String> changed = send(b, "PUT", "/api/v1/users/nieuw/password", admin,
                "{\"password\":\"een-ander-wachtwoord-voor-node-b\"}");
        assertEquals(changed.body(), 200, changed.statusCode());
        assertEquals("a new password ends the sessions on every node", 401,
                send(a, "GET", "/api/v1/auth/me", nieuw, null).statusCode());
        assertEquals("the old password no longer counts on A", 401, loginStatus(a, "nieuw"));
        HttpResponse<String> newPassword = send(a, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"nieuw\",\"password\":\"een-ander-wachtwoord-voor-node-b\"}");
        assertEquals(newPassword.body(), 200, newPassword.statusCode());
        assertEquals(200, send(a, "PUT", "/api/v1/users/nieuw/roles", admin, "{\"roles\":[\"AUDITOR\"]}").statusCode());
        HttpResponse<String> onB = send(b, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"nieuw\",\"password\":\"een-ander-wachtwoord-voor-node-b\"}");
        assertEquals(onB.body(), 200, onB.statusCode());
        assertTrue("a new login on B has the role given on A: " + onB.body(), onB.body().contains("AUDITOR")
                && !onB.body().contains("PROFESSIONAL"));
        System.out.println("[two-nodes] logout, role change, disabled account, new user and new password counted on the"
                + " other node at its next request");
    }

    // --- 2. bindings ---------------------------------------------------------------------------------

    private void bindingsReachTheOtherNode(Node a, Node b) throws Exception {
        String coordA = login(a, "coord");
        String coordB = login(b, "coord");
        List<Long> lags = new ArrayList<>();
        String[] plugins = {"example-triage", "triage-threeway"};
        // the other node reads at the same time: the access log takes appends from both nodes at once
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> load = new ArrayList<>();
        for (Node n : List.of(a, b)) {
            String token = n == a ? coordA : coordB;
            load.add(readers.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 60; i++) {
                    ok += send(n, "GET", "/api/v1/bindings", token, null).statusCode() == 200 ? 1 : 0;
                }
                return ok;
            }));
        }
        for (int i = 0; i < 30; i++) {
            String plugin = plugins[i % 2];
            HttpResponse<String> put = send(a, "PUT", "/api/v1/bindings/TRIAGE/region", coordA,
                    "{\"pluginId\":\"" + plugin + "\",\"configuration\":{},\"reason\":\"two-nodes lag " + i + "\"}");
            assertEquals(put.body(), 200, put.statusCode());
            long acknowledged = System.nanoTime();
            long deadline = acknowledged + Duration.ofSeconds(5).toNanos();
            int asks = 0;
            while (true) {
                asks++;
                HttpResponse<String> seen = send(b, "GET", "/api/v1/bindings/effective?point=TRIAGE", coordB, null);
                if (seen.statusCode() == 200 && seen.body().contains("\"pluginId\":\"" + plugin + "\"")) {
                    break;
                }
                assertTrue("B did not resolve " + plugin + " within 5 s: " + seen.body(), System.nanoTime() < deadline);
            }
            lags.add((System.nanoTime() - acknowledged) / 1_000);
            assertEquals("B's very next request resolves the new binding", 1, asks);
        }
        int reads = 0;
        for (Future<Integer> f : load) {
            reads += f.get(2, TimeUnit.MINUTES);
        }
        readers.shutdown();
        assertEquals("every concurrent read answered", 120, reads);
        lags.sort(null);
        long p50 = lags.get(lags.size() / 2);
        long p99 = lags.get((int) Math.ceil(lags.size() * 0.99) - 1);
        System.out.printf(Locale.ROOT, "[two-nodes] binding changed on A, resolved by B's next request: %d changes,"
                + " lag p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", lags.size(), p50 / 1000.0, p99 / 1000.0,
                lags.get(lags.size() - 1) / 1000.0);
        assertTrue("p99 lag under 1 s", p99 < 1_000_000);

        String auditor = login(b, "auditor");
        HttpResponse<String> verify = send(b, "GET", "/api/v1/audit/verify", auditor, null);
        assertEquals(verify.body(), 200, verify.statusCode());
        assertTrue("one access-log chain, appended by both nodes at once, verifies: " + verify.body(),
                verify.body().contains("\"intact\":true"));
        System.out.println("[two-nodes] access log after concurrent appends from both nodes: " + verify.body());
    }

    /**
     * switches (decision 0031): a switch planned on A a few seconds ahead is what both nodes resolve
     * from its time on, with no write and no restart in between; B refuses a rebind against A's
     * revision that the switch replaced (409 binding-changed).
     */
    private void aPlannedSwitchTakesEffectOnBothNodes(Node a, Node b) throws Exception {
        String coordA = login(a, "coord");
        String coordB = login(b, "coord");
        HttpResponse<String> before = send(b, "GET", "/api/v1/bindings/effective?point=TRIAGE", coordB, null);
        assertEquals(before.body(), 200, before.statusCode());
        String old = before.body().contains("\"pluginId\":\"example-triage\"") ? "example-triage" : "triage-threeway";
        String next = old.equals("example-triage") ? "triage-threeway" : "example-triage";
        long oldRevision = Long.parseLong(before.body().replaceAll("(?s).*\"revision\":(\\d+).*", "$1"));
        java.time.Instant from = java.time.Instant.now().plusSeconds(3);
        HttpResponse<String> planned = send(a, "POST", "/api/v1/bindings/TRIAGE/switches", coordA,
                "{\"pluginId\":\"" + next + "\",\"configuration\":{},\"from\":\"" + from
                + "\",\"reason\":\"two-nodes planned switch\"}");
        assertEquals(planned.body(), 201, planned.statusCode());
        for (Node n : List.of(a, b)) {
            String seen = send(n, "GET", "/api/v1/bindings/effective?point=TRIAGE", n == a ? coordA : coordB, null).body();
            assertTrue("before its time: " + seen, seen.contains("\"pluginId\":\"" + old + "\""));
        }
        Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), from).toMillis() + 200));
        for (Node n : List.of(b, a)) {
            String seen = send(n, "GET", "/api/v1/bindings/effective?point=TRIAGE", n == a ? coordA : coordB, null).body();
            assertTrue("at its time on " + n.id + ": " + seen, seen.contains("\"pluginId\":\"" + next + "\""));
        }
        HttpResponse<String> stale = send(b, "PUT", "/api/v1/bindings/TRIAGE/region", coordB, "{\"pluginId\":\"" + old
                + "\",\"configuration\":{},\"reason\":\"two-nodes stale\",\"expectedRevision\":" + oldRevision + "}");
        assertEquals(stale.body(), 409, stale.statusCode());
        assertTrue(stale.body(), stale.body().contains("binding-changed"));
        System.out.println("[two-nodes] a switch planned on A took effect at its time on both nodes");
    }

    // --- 3. region-wide jobs -------------------------------------------------------------------------

    private Node regionWideJobRunsOnceAndMovesOn(Node a, Node b) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lease() == null) {
            assertTrue("the outbox round never took its lease", System.nanoTime() < deadline);
            Thread.sleep(200);
        }
        Lease first = lease();
        long window = 8_000;
        List<String> holders = new ArrayList<>();
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < window) {
            Lease l = lease();
            if (!holders.contains(l.holder)) {
                holders.add(l.holder);
            }
            Thread.sleep(100);
        }
        Lease last = lease();
        long runs = last.runs - first.runs;
        double perNode = (double) window / OUTBOX_INTERVAL_MILLIS;
        System.out.printf(Locale.ROOT, "[two-nodes] outbox round (interval %d ms) in %d ms: %d runs in the region"
                + " (one per interval: about %.0f; once per node would be about %.0f); holders seen %s%n",
                OUTBOX_INTERVAL_MILLIS, window, runs, perNode, 2 * perNode, holders);
        assertTrue("once per region per interval, not per node: " + runs + " runs in " + window + " ms",
                runs >= perNode / 2 && runs <= perNode + 2);
        assertEquals("the holder keeps the job while it keeps its turns", 1, holders.size());

        Node holder = last.holder.equals(a.id) ? a : b;
        Node other = holder == a ? b : a;
        kill9(holder);
        long killed = System.nanoTime();
        Lease before = lease();
        while (true) {
            Lease now = lease();
            if (now.holder.equals(other.id) && now.runs > before.runs) {
                break;
            }
            assertTrue("the job did not move to " + other.id + " within 20 s", System.nanoTime() - killed
                    < Duration.ofSeconds(20).toNanos());
            Thread.sleep(50);
        }
        double moved = (System.nanoTime() - killed) / 1e9;
        Lease after = lease();
        Thread.sleep(4 * OUTBOX_INTERVAL_MILLIS);
        Lease later = lease();
        System.out.printf(Locale.ROOT, "[two-nodes] kill -9 of %s (the job's holder): %s ran it %.2f s later; then"
                + " %d runs in %d ms%n", holder.id, other.id, moved, later.runs - after.runs, 4 * OUTBOX_INTERVAL_MILLIS);
        assertTrue("taken over within 5 s", moved < 5);
        assertTrue("and kept running", later.runs - after.runs >= 2);
        return holder;
    }

    record Lease(String holder, long runs) {
    }

    private Lease lease() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT holder, runs FROM job_lease WHERE job_name = ?")) {
            ps.setString(1, JOB);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? new Lease(rs.getString(1), rs.getLong(2)) : null;
            }
        } catch (SQLException e) {
            if (e.getMessage().contains("job_lease")) {
                return null; // not migrated yet
            }
            throw e;
        }
    }

    // --- 4. database outage --------------------------------------------------------------------------

    /**
     * {@code n} runs through the outage; {@code late} (stopped) is started while PostgreSQL is away, as in a
     * rolling restart during a database failover: both serve again when it is back, with no restart.
     */
    private void aNodeWithoutItsDatabaseAnswers503AndComesBack(Node n, Node late) throws Exception {
        String coord = login(n, "coord");
        assertEquals(200, send(n, "GET", "/api/v1/bindings", coord, null).statusCode());
        postgres.close();
        long stopped = System.nanoTime();
        while (get(n, "/api/v1/health/ready").statusCode() != 503) {
            assertTrue("readiness did not say 503 within 30 s", System.nanoTime() - stopped < Duration.ofSeconds(30).toNanos());
            Thread.sleep(100);
        }
        double down = (System.nanoTime() - stopped) / 1e9;
        assertEquals("live without the database", 200, get(n, "/api/v1/health/live").statusCode());
        List<String> answers = new ArrayList<>();
        for (String[] r : new String[][] {{"GET", "/api/v1/bindings"}, {"GET", "/api/v1/auth/me"},
            {"GET", "/api/v1/persons?name=x"}}) {
            HttpResponse<String> h = send(n, r[0], r[1], coord, null);
            answers.add(r[0] + " " + r[1] + " " + h.statusCode());
            assertEquals(r[1] + ": " + h.body(), 503, h.statusCode());
            assertEquals("application/problem+json", h.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
        HttpResponse<String> login = send(n, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"coord\",\"password\":\"" + PASSWORD + "\"}");
        answers.add("POST /api/v1/auth/login " + login.statusCode());
        assertEquals(login.body(), 503, login.statusCode());
        Thread.sleep(5000); // a database away for a while, not only for a moment
        start(late);
        Path lateLog = late.home.resolve("data/log/karaf.log");
        long lateBegun = System.nanoTime();
        while (!Files.exists(lateLog) || !Files.readString(lateLog).contains("The database could not be opened at start")) {
            assertTrue(late.id + " started without its database did not say so within " + READY_WITHIN,
                    System.nanoTime() - lateBegun < READY_WITHIN.toNanos());
            Thread.sleep(500);
        }
        startPostgres();
        long back = System.nanoTime();
        while (get(n, "/api/v1/health/ready").statusCode() != 200) {
            assertTrue("not ready again within 60 s after PostgreSQL came back",
                    System.nanoTime() - back < Duration.ofSeconds(60).toNanos());
            Thread.sleep(200);
        }
        double up = (System.nanoTime() - back) / 1e9;
        awaitReady(late);
        System.out.printf(Locale.ROOT, "[two-nodes] %s, started while PostgreSQL was away, ready %.1f s after it came"
                + " back, no restart%n", late.id, (System.nanoTime() - back) / 1e9);
        assertEquals("the session outlived the outage", 200, send(n, "GET", "/api/v1/bindings", coord, null).statusCode());
        System.out.printf(Locale.ROOT, "[two-nodes] PostgreSQL stopped: %s not ready after %.1f s, answers %s (all"
                + " problem+json), live 200; PostgreSQL back: ready again after %.1f s, no restart%n", n.id, down,
                answers, up);
    }

    // --- 5. national id key --------------------------------------------------------------------------

    private void aNodeWithAnotherKeyRefuses(Node stranger, Node regional) throws Exception {
        writeNationalIdKey(stranger.home, randomKey());
        start(stranger);
        long begun = System.nanoTime();
        String why = null;
        String admin = null;
        while (why == null) {
            assertTrue("the node with another key did not say why within " + READY_WITHIN,
                    System.nanoTime() - begun < READY_WITHIN.toNanos());
            Thread.sleep(500);
            try {
                if (admin == null) {
                    admin = login(stranger, "admin");
                }
                HttpResponse<String> details = send(stranger, "GET", "/api/v1/health/details", admin, null);
                if (details.body().contains("differs from the region")) {
                    assertEquals(503, details.statusCode());
                    why = details.body();
                }
            } catch (IOException | AssertionError notYet) {
                // starting
            }
        }
        assertEquals("not ready", 503, get(stranger, "/api/v1/health/ready").statusCode());
        String pro = login(stranger, "pro");
        HttpResponse<String> persons = send(stranger, "GET", "/api/v1/persons?name=x", pro, null);
        assertEquals("a route that needs the key: " + persons.body(), 503, persons.statusCode());
        assertEquals("the region's node serves it", 200, send(regional, "GET", "/api/v1/persons?name=x",
                login(regional, "pro"), null).statusCode());
        String log = Files.readString(stranger.home.resolve("data/log/karaf.log"));
        assertTrue("the log says why", log.contains("national id (BSN) key differs from the region's"));
        Matcher m = Pattern.compile("This node's national id \\(BSN\\) key differs[^\"\\n]*").matcher(log);
        System.out.println("[two-nodes] node with another national id key: ready 503, GET /persons 503; log: "
                + (m.find() ? m.group() : "?"));
    }

    /**
     * The region's BSN key but another access-log key: its entries would not verify on the other nodes,
     * so its access log does not start (nothing written), the node is not ready and its log says why.
     */
    private void aNodeWithAnotherAccessLogKeyRefuses(Node stranger, String nationalIdKey) throws Exception {
        writeNationalIdKey(stranger.home, nationalIdKey);
        Files.writeString(stranger.home.resolve("etc/proeftuin-access-log.key"), randomKey() + "\n");
        Path logFile = stranger.home.resolve("data/log/karaf.log");
        long before = Files.size(logFile);
        start(stranger);
        long begun = System.nanoTime();
        String said = "";
        while (!said.contains("access log key differs from the region's")) {
            assertTrue("the node with another access-log key did not say why within " + READY_WITHIN + "; see " + logFile,
                    System.nanoTime() - begun < READY_WITHIN.toNanos());
            Thread.sleep(500);
            String log = Files.readString(logFile);
            said = log.length() > before ? log.substring((int) before) : log;
        }
        Thread.sleep(2000); // the HTTP service is up by now, or soon: it must say not ready
        long askedSince = System.nanoTime();
        int ready = 0;
        while (ready == 0 && System.nanoTime() - askedSince < READY_WITHIN.toNanos()) {
            try {
                ready = get(stranger, "/api/v1/health/ready").statusCode();
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        assertEquals("not ready", 503, ready);
        assertEquals("no login without an access log", 503, loginStatus(stranger, "pro"));
        Matcher m = Pattern.compile("This node's access log key differs[^\"\\n]*").matcher(said);
        System.out.println("[two-nodes] node with another access-log key: ready 503, login 503; log: "
                + (m.find() ? m.group() : "?"));
    }

    // --- the installations ---------------------------------------------------------------------------

    private void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
    }

    private Node install(Path work, String id, String nationalIdKey, String accessLogKey)
            throws IOException, InterruptedException {
        Path tarball = Path.of(System.getProperty("proeftuin.distribution"));
        assertTrue("no distribution at " + tarball, Files.isRegularFile(tarball));
        Path dir = work.resolve(id);
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", dir.toString()).inheritIO().start();
        assertEquals("tar", 0, tar.waitFor());
        Path home;
        try (Stream<Path> top = Files.list(dir)) {
            home = top.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path etc = home.resolve("etc");
        int port = LoopbackPorts.free();
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(port));
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(LoopbackPorts.free()));
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        // the region's database
        Path db = etc.resolve("nl.proeftuin.core.store.internal.JdbcDatabase.cfg");
        set(db, "url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
        set(db, "dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)");
        set(db, "user", "postgres");
        // this node's id, and a fast outbox round to count
        Files.writeString(etc.resolve("nl.proeftuin.core.store.internal.LeasedRegionJobs.cfg"), "nodeId = " + id + "\n");
        Files.writeString(etc.resolve("nl.proeftuin.core.engine.internal.OutboxLocalTeamExchange.cfg"),
                "pollIntervalMillis = " + OUTBOX_INTERVAL_MILLIS + "\n");
        // the region's shared etc/ files
        writeNationalIdKey(home, nationalIdKey);
        Files.writeString(etc.resolve("proeftuin-access-log.key"), accessLogKey + "\n");
        // two triage plugins to bind
        Path features = etc.resolve("org.apache.karaf.features.cfg");
        String boot = Files.readString(features);
        int at = boot.indexOf("proeftuin-core/");
        assertTrue("proeftuin-core is a boot feature", at >= 0);
        int comma = boot.indexOf(',', at);
        Files.writeString(features, boot.substring(0, comma + 1)
                + " proeftuin-plugin-example-triage, proeftuin-plugin-triage-threeway," + boot.substring(comma + 1));
        Node node = new Node(id, home, port);
        nodes.add(node);
        return node;
    }

    private static void writeNationalIdKey(Path home, String key) throws IOException {
        Files.writeString(home.resolve("etc/nl.proeftuin.core.engine.internal.NationalIdProtection.cfg"),
                ".key = " + key + "\n");
    }

    private void start(Node n) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(n.home.resolve("bin/karaf").toString(), "server")
                .directory(n.home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(n.home.resolve("karaf.out").toFile()));
        builder.environment().put("JAVA_MAX_MEM", "640m");
        n.process = builder.start();
    }

    private void awaitReady(Node n) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertTrue(n.id + " exited; see " + n.home.resolve("data/log/karaf.log"), n.process.isAlive());
            try {
                HttpResponse<String> ready = get(n, "/api/v1/health/ready");
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(n.id + " not ready within " + READY_WITHIN + ": " + last + "; see "
                + n.home.resolve("data/log/karaf.log"));
    }

    /** kill -9 of a node's process tree. */
    private static void kill9(Node n) throws InterruptedException {
        if (n.process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(n.process.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        n.process.destroyForcibly();
        n.process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle p : all) {
            p.onExit().toCompletableFuture().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
        }
        n.process = null;
    }

    @After
    public void tearDown() throws Exception {
        for (Node n : nodes) {
            kill9(n);
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // already stopped
            }
        }
    }

    // --- HTTP ----------------------------------------------------------------------------------------

    private String login(Node n, String user) throws IOException, InterruptedException {
        HttpResponse<String> r = send(n, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals("login of " + user + " on " + n.id + ": " + r.body(), 200, r.statusCode());
        Matcher m = TOKEN.matcher(r.body());
        assertTrue(r.body(), m.find());
        return m.group(1);
    }

    private int loginStatus(Node n, String user) throws IOException, InterruptedException {
        return send(n, "POST", "/api/v1/auth/login", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}").statusCode();
    }

    private HttpResponse<String> get(Node n, String path) throws IOException, InterruptedException {
        return send(n, "GET", path, null, null);
    }

    private HttpResponse<String> send(Node n, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A line of core/security's users file (PBKDF2, as the realm verifies it). */
    private static String usersLine(String user, String roles) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 10_000;
        byte[] hash;
        try {
            hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new javax.crypto.spec.PBEKeySpec(PASSWORD.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        HexFormat hex = HexFormat.of();
        return user + " = {CRYPT}pbkdf2sha256." + iterations + "." + hex.formatHex(salt) + "." + hex.formatHex(hash)
                + "{CRYPT}," + roles + "\n";
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }

    private static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*#?\\s*" + Pattern.quote(key) + "\\s*=.*") && !found) {
                lines.set(i, key + " = " + value);
                found = true;
            } else if (lines.get(i).matches("\\s*" + Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, "# " + lines.get(i));
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
