package nl.proeftuin.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.testing.LoopbackPorts;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the project's real distribution (the tar.gz this reactor built) in its own JVM, on free
 * ports, and gives the tests an HTTP client against it.
 */
public abstract class KarafTestSupport {
    /** Set in the container (system property) so the tests inside know the HTTP port. */
    static final String HTTP_PORT = "proeftuin.test.http.port";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The options every test class starts from; subclasses may add their own. */
    protected static List<Option> baseOptions() {
        String distribution = System.getProperty("proeftuin.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("Distribution not built: " + distribution
                    + " (run the tests through Maven: mvn verify)");
        }
        String http = String.valueOf(LoopbackPorts.free());
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .karafVersion(System.getProperty("karaf.version", "4.4.10"))
                        .name("Proeftuin")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevelOption.LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(LoopbackPorts.free())),
                systemProperty(HTTP_PORT).value(http)));
        options.addAll(noMavenFallback());
        // The test users, written into the realm's users file before the first start, as an operator
        // would with proeftuin:user-add: the distribution ships the file empty (no default credentials).
        // Their accounts (name, scope) are created at their first login.
        for (String[] user : USERS) {
            options.add(editConfigurationFilePut(USERS_FILE, user[0], "{CRYPT}" + PASSWORD_HASH + "{CRYPT}," + user[1]));
        }
        return options;
    }

    static final String MVN_CFG = "etc/org.ops4j.pax.url.mvn.cfg";
    /** The distribution's own repositories (etc/org.ops4j.pax.url.mvn.cfg as Karaf ships it). */
    static final String DISTRIBUTION_REPOSITORIES = "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
            + " ${karaf.data.uri}kar@id=kar.repository@multi@snapshots,"
            + " ${karaf.base.uri}${karaf.default.repository}@id=child.system.repository@snapshots";

    /**
     * Karaf resolves {@code mvn:} URLs from system/ first and then, silently, from the local Maven
     * repository (~/.m2 or wherever the user's settings point) and remote ones: a feature whose jar is
     * missing from system/ would still install in a test, and an IT once ran a stale plugin jar from
     * ~/.m2. So the container's pax-url-mvn gets an empty local repository of its own, no remote
     * repository, offline mode, and next to the distribution's system/ only a repository with Pax
     * Exam's own bundles (the "exam" feature it boots to talk to the test), copied from the build's
     * local repository: never a Proeftuin artifact. Every Proeftuin jar the container runs is the
     * one in the distribution (or a file a test installs by path).
     */
    static List<Option> noMavenFallback() {
        File exam = examRepository();
        File empty = new File("target/exam-m2-empty");
        empty.mkdirs();
        return List.of(
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.localRepository", empty.getAbsolutePath()),
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.defaultLocalRepoAsRemote", "false"),
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.useFallbackRepositories", "false"),
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.offline", "true"),
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.settings",
                        new File("target/exam-m2-settings.xml").getAbsolutePath()),
                editConfigurationFilePut(MVN_CFG, "org.ops4j.pax.url.mvn.defaultRepositories",
                        DISTRIBUTION_REPOSITORIES + ", " + exam.toURI() + "@id=pax.exam"));
    }

    /** Pax Exam's feature repository and its bundles, in Maven layout under target/exam-repo. */
    private static synchronized File examRepository() {
        File target = new File("target/exam-repo");
        try {
            String settings = "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\"><offline>true</offline></settings>\n";
            java.nio.file.Files.writeString(new File("target/exam-m2-settings.xml").toPath(), settings);
            java.nio.file.Path source = java.nio.file.Path.of(System.getProperty("proeftuin.maven.repo.local",
                    System.getProperty("user.home") + "/.m2/repository"));
            String version = System.getProperty("paxexam.version", "4.14.0");
            String features = "org/ops4j/pax/exam/pax-exam-features/" + version + "/pax-exam-features-" + version + ".xml";
            List<String> paths = new ArrayList<>(List.of(features));
            java.util.regex.Matcher mvn = java.util.regex.Pattern.compile("mvn:([^/<]+)/([^/<]+)/([^/<]+)<")
                    .matcher(java.nio.file.Files.readString(source.resolve(features)));
            while (mvn.find()) {
                paths.add(mvn.group(1).replace('.', '/') + "/" + mvn.group(2) + "/" + mvn.group(3) + "/"
                        + mvn.group(2) + "-" + mvn.group(3) + ".jar");
            }
            for (String path : paths) {
                if (path.startsWith("nl/proeftuin/")) {
                    throw new IllegalStateException("not a Pax Exam artifact: " + path);
                }
                java.nio.file.Path to = target.toPath().resolve(path);
                java.nio.file.Files.createDirectories(to.getParent());
                java.nio.file.Files.copy(source.resolve(path), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy Pax Exam's bundles into " + target, e);
        }
        return target;
    }

    static final String USERS_FILE = "etc/proeftuin-users.properties";
    /** The password of every test user (it passes the platform's policy: 12+ characters, not a common one). */
    static final String PASSWORD = "itest passphrase for every test user";
    /**
     * {@link #PASSWORD} as the realm's PBKDF2 encryption service stores it ({@code pbkdf2sha256.<iterations>.
     * <salt hex>.<hash hex>}), computed once with a fixed salt. 10,000 iterations instead of the platform's
     * 600,000 keep the many logins of the tests quick; the count travels with the hash.
     */
    static final String PASSWORD_HASH =
            "pbkdf2sha256.10000.7e3f9a2c51d04b8e96a1c3f5d7e9b102.704d250f8131a09578080e5467c3c6fb1dba9bbeb4e36c5b070a29ceba76d105";

    /** A professional: opens the tests' cases, so counts as assigned to them until a team exists. */
    protected static final String PROFESSIONAL = "anna.local";
    /** A second professional, who takes cases over in a handover. */
    protected static final String FATIMA = "fatima.local";
    /** A professional scoped to Nijmegen (AuthorisationIT sets the scope after the first login). */
    protected static final String NIJMEGEN = "nina.nijmegen";
    protected static final String COORDINATOR = "carla.coord";
    protected static final String AUDITOR = "audrey.audit";
    protected static final String ADMINISTRATOR = "rik.admin";
    // --- living (issue 14): an independent reviewer and the joint triage's directors
    protected static final String REVIEWER = "iris.review";
    protected static final String SAFETY_DIRECTOR = "sara.safety";
    protected static final String PROCESS_DIRECTOR = "pim.process";
    /** One person holding both director roles. */
    protected static final String BOTH_DIRECTORS = "bo.both";
    static final String[][] USERS = {{PROFESSIONAL, "PROFESSIONAL"}, {FATIMA, "PROFESSIONAL"}, {NIJMEGEN, "PROFESSIONAL"},
            {COORDINATOR, "COORDINATOR"}, {AUDITOR, "AUDITOR"}, {ADMINISTRATOR, "REGIONAL_ADMINISTRATOR"},
            {REVIEWER, "INDEPENDENT_REVIEWER"}, {SAFETY_DIRECTOR, "SAFETY_DIRECTOR"}, {PROCESS_DIRECTOR, "PROCESS_DIRECTOR"},
            {BOTH_DIRECTORS, "SAFETY_DIRECTOR,PROCESS_DIRECTOR"}};

    /** Bearer tokens of the users logged in so far, in this container. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** Whose token {@link #send}, {@link #get} and {@link #post} carry; every test starts as {@link #PROFESSIONAL}. */
    private static volatile String current = PROFESSIONAL;

    @Before
    public void actAsTheProfessional() {
        as(PROFESSIONAL);
    }

    /** From now on the helpers act as this user (null: without a token). */
    protected static void as(String userId) {
        current = userId;
    }

    /**
     * Logs the user in once (POST /auth/login) and keeps the token. Before the first login the
     * region's register is seeded (as a region feature or the regional administrator would); at a
     * user's first login an administrator grants the account all municipalities ('*'), because an
     * account without municipalities sees none. Tests that need a narrower scope set it afterwards.
     */
    protected static String token(String userId) throws IOException, InterruptedException {
        String token = TOKENS.get(userId);
        if (token == null) {
            Scope.seedRegister();
            token = login(userId, PASSWORD);
            Scope.grantAllOnFirstLogin(userId);
            TOKENS.put(userId, token);
        }
        return token;
    }

    /** The register and the accounts' scope, set through the platform's own services in the container. */
    static final class Scope {
        /** The municipalities the tests name (CBS code, name). */
        static final Map<String, String> MUNICIPALITIES = Map.of("GM0202", "Arnhem", "GM0228", "Ede", "GM0299",
                "Zevenaar", "GM0268", "Nijmegen", "GM0289", "Wageningen", "GM0274", "Renkum", "GM0226", "Duiven");
        private static final java.util.Set<String> GRANTED = ConcurrentHashMap.newKeySet();

        private Scope() {
        }

        static synchronized void seedRegister() throws InterruptedException {
            nl.proeftuin.core.api.region.MunicipalityRegister register = service(
                    nl.proeftuin.core.api.region.MunicipalityRegister.class);
            java.util.Set<String> present = new java.util.HashSet<>();
            register.municipalities().forEach(m -> present.add(m.code()));
            MUNICIPALITIES.forEach((code, name) -> {
                if (!present.contains(code)) {
                    try {
                        register.add(new nl.proeftuin.core.api.dto.Actor("itest", "itest"),
                                new nl.proeftuin.core.api.region.MunicipalityInput(code, name, null));
                    } catch (nl.proeftuin.core.api.RuleViolationException e) {
                        // a region feature registered it (under its code or name) meanwhile
                    }
                }
            });
        }

        static void grantAllOnFirstLogin(String userId) throws InterruptedException {
            if (GRANTED.add(userId)) {
                nl.proeftuin.core.security.UserAdministration users = service(
                        nl.proeftuin.core.security.UserAdministration.class);
                if (users.account(userId).municipalities().isEmpty()) {
                    users.setMunicipalities(userId, java.util.Set.of(nl.proeftuin.core.security.Principal.ALL_MUNICIPALITIES));
                }
            }
        }
    }

    /** Forgets a token kept by {@link #token}, for a test that ended its session. */
    protected static void forget(String userId) {
        TOKENS.remove(userId);
    }

    /** A fresh login: a new session and its token. */
    protected static String login(String userId, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = sendAs(null, "POST", "/api/v1/auth/login",
                JSON.writeValueAsString(Map.of("username", userId, "password", password)), "application/json");
        assertEquals("login " + userId + ": " + response.body(), 200, response.statusCode());
        return JSON.readTree(response.body()).path("token").asText();
    }

    /** The platform's base URL, e.g. {@code http://127.0.0.1:41234}; only valid inside the container. */
    protected static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty(HTTP_PORT);
    }

    protected static HttpResponse<String> send(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        return send(method, path, body, contentType, new String[0]);
    }

    /** Sends a request as the current user with extra headers given as name, value, name, value, ... */
    protected static HttpResponse<String> send(String method, String path, String body, String contentType,
            String... headers) throws IOException, InterruptedException {
        return sendAs(current, method, path, body, contentType, headers);
    }

    /**
     * Sends a request as a user (null: without a token; a header Authorization among the extra
     * headers replaces the user's token).
     */
    protected static HttpResponse<String> sendAs(String userId, String method, String path, String body,
            String contentType, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            ownAuthorization |= "Authorization".equalsIgnoreCase(headers[i]);
        }
        if (userId != null && !ownAuthorization) {
            request.header("Authorization", "Bearer " + token(userId));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    protected static HttpResponse<String> getAs(String userId, String path) throws IOException, InterruptedException {
        return sendAs(userId, "GET", path, null, null);
    }

    /**
     * Polls health until it answers 200 (readiness is real: 503 until the core is wired), never a
     * fixed sleep.
     */
    protected static HttpResponse<String> awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitBootFinished(timeout);
        HttpResponse<String> last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = sendAs(null, "GET", "/api/v1/health", null, null);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException e) {
                lastError = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Platform not ready within " + timeout + "; last answer: "
                + (last == null ? String.valueOf(lastError) : last.statusCode() + " " + last.body()));
    }

    /**
     * Waits until Karaf has installed its boot features (it registers {@code BootFinished} then). Until
     * that, the features service may still be deploying, and a deployment starts every feature bundle
     * that is not active: a bundle a test stopped on purpose would be started again behind its back.
     */
    private static void awaitBootFinished(Duration timeout) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(KarafTestSupport.class).getBundleContext();
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter("(objectClass=org.apache.karaf.features.BootFinished)"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open(true);
        try {
            if (tracker.waitForService(timeout.toMillis()) == null) {
                throw new AssertionError("Karaf did not finish installing its boot features within " + timeout);
            }
        } finally {
            tracker.close();
        }
    }

    /** The service of this type registered now, waiting at most 90 s for one. */
    static <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(KarafTestSupport.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(Duration.ofSeconds(90).toMillis());
            if (service == null) {
                throw new IllegalStateException("no " + type.getName() + " in the container");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /**
     * The features service registered now. Not an injected one: on a first boot Karaf now and then
     * starts its features service a second time, when its configuration reaches it after it had
     * started (karaf.log: "Error installing boot features ... RejectedExecutionException", then a
     * second provisioning). An instance taken before that is stopped, and knows no feature: CI once
     * failed with "No matching features for proeftuin-plugin-localteam-rest".
     */
    protected static FeaturesService features() throws InterruptedException {
        return service(FeaturesService.class);
    }

    /** Installs a feature through the features service registered now, once that service knows it (at most 60 s). */
    protected static void installFeature(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        FeaturesService features = features();
        while (features.getFeature(name) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the features service does not know " + name + " within 60 s");
            }
            Thread.sleep(200);
            features = features();
        }
        features.installFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    /** No extra headers (the user is the current one's token). */
    protected static final String[] NONE = {};

    protected static String[] with(String[] headers, String name, String value) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    protected static String person(String given, String family, String born) throws Exception {
        return post("/api/v1/persons", "{\"givenName\":\"%s\",\"familyName\":\"%s\",\"dateOfBirth\":\"%s\"}"
                .formatted(given, family, born), 201).path("id").asText();
    }

    /**
     * Opens a case from a police signal received today in Arnhem, as the current user, with these members
     * given as person id, role, person id, role, ...; returns its id.
     */
    protected static String openArnhemCase(String... membersAndRoles) throws Exception {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < membersAndRoles.length; i += 2) {
            members.append(i == 0 ? "" : ",").append("{\"personId\":\"%s\",\"roles\":[\"%s\"]}"
                    .formatted(membersAndRoles[i], membersAndRoles[i + 1]));
        }
        return post("/api/v1/cases", """
                {"kind":"SIGNAL","source":"POLICE","description":"Melding","receivedOn":"%s","municipality":"Arnhem",
                 "members":[%s]}""".formatted(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")), members),
                201).path("id").asText();
    }

    protected static JsonNode post(String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = send("POST", path, body, "application/json");
        assertEquals(path + " -> " + response.body(), expectedStatus, response.statusCode());
        return JSON.readTree(response.body());
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.path("status").asInt());
        assertFalse(problem.path("detail").asText().isEmpty());
        return problem;
    }
}
