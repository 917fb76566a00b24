package nl.proeftuin.plugins.localteam.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.InboundRequest;
import nl.proeftuin.core.spi.InboxUnavailableException;
import nl.proeftuin.core.spi.InboundResult;
import nl.proeftuin.core.spi.LocalTeamInbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests from a municipality's local team: {@code POST /localteam/v1/{municipality}/requests}
 * with {@code Authorization: Bearer <token>} (the secret named by the municipality's
 * {@code inboundCredentialsReference}, compared in constant time) and a JSON body read by
 * {@link InboundRequestReader}; handed to the core's {@link LocalTeamInbox}, which opens the case (or
 * answers the case of an idempotency key it knows).
 *
 * <p>Answers: 201 {@code {"caseId","duplicate":false}} for a new case, 200 with
 * {@code "duplicate":true} for a repeated key; as {@code application/problem+json}: 400 (a bad field,
 * with {@code field} and {@code reason}), 401 (no or wrong token), 404 (unknown path, a name that is
 * no municipality name, or a municipality without inbound configuration), 405, 413 (body too large), 415 (not JSON), 503 (the
 * core cannot log the request in the access log now: no log, no answer).
 *
 * <p>Every request is in the access log (NEN 7513): those handed over are logged by the core's inbox;
 * those this servlet refuses itself (a wrong or missing token, an unknown municipality, a body it
 * cannot read) are reported to the inbox ({@link LocalTeamInbox#refused}) before the answer.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(LocalTeamRequestServlet.PATTERN)
@HttpWhiteboardServletName("proeftuin-localteam-rest")
public final class LocalTeamRequestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATTERN = "/localteam/v1/*";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(LocalTeamRequestServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A municipality name as the core accepts one: Latin letters, space, hyphen, apostrophe; 1-100. */
    private static final Pattern MUNICIPALITY = Pattern.compile(
            "(?:[\\p{IsLatin}&&\\p{L}]|['\u2019])(?:[\\p{IsLatin}&&\\p{L}]|[ '\u2019-]){0,99}");

    private final transient LocalTeamInbox inbox;
    private final transient Endpoints endpoints = new Endpoints();
    private final transient InboundRequestReader reader = new InboundRequestReader();

    @Activate
    public LocalTeamRequestServlet(@Reference LocalTeamInbox inbox) {
        this.inbox = inbox;
    }

    /** Dynamic and multiple: municipalities are configured and removed while the servlet serves. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(MunicipalityEndpoint endpoint) {
        endpoints.add(endpoint);
    }

    void removeEndpoint(MunicipalityEndpoint endpoint) {
        endpoints.remove(endpoint);
    }

    /** What is known of one request while it is handled: for the access-log entry of a refusal. */
    private static final class Attempt {
        String municipality;
        boolean handedOver;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Attempt attempt = new Attempt();
        try {
            InboundResult result = handle(request, attempt);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("caseId", result.caseId());
            body.put("duplicate", result.duplicate());
            write(response, result.duplicate() ? 200 : 201, "application/json", body);
        } catch (Problem problem) {
            try {
                if (!attempt.handedOver) {
                    inbox.refused(RestLocalTeamConnector.ID, attempt.municipality, problem.status, problem.getMessage());
                }
            } catch (InboxUnavailableException e) {
                unavailable(response, e);
                return;
            }
            problem.headers.forEach(response::setHeader);
            write(response, problem.status, PROBLEM_JSON, problem.body());
        } catch (InboxUnavailableException e) {
            unavailable(response, e);
        } catch (RuntimeException e) {
            LOG.error("inbound local-team request {} failed", request.getPathInfo(), e);
            if (!attempt.handedOver) {
                try {
                    inbox.refused(RestLocalTeamConnector.ID, attempt.municipality, 500, "not handled: internal error");
                } catch (RuntimeException notLogged) {
                    unavailable(response, new InboxUnavailableException(notLogged.getMessage(), notLogged));
                    return;
                }
            }
            write(response, 500, PROBLEM_JSON, new Problem(500, "Internal Server Error",
                    "the request could not be handled; it is logged").body());
        }
    }

    private static void unavailable(HttpServletResponse response, InboxUnavailableException e) throws IOException {
        LOG.error("inbound local-team request not taken: {}", e.getMessage());
        response.setHeader("Retry-After", "60");
        write(response, 503, PROBLEM_JSON, new Problem(503, "Service Unavailable",
                "the request cannot be recorded in the access log now and was not taken; send it again later").body());
    }

    private InboundResult handle(HttpServletRequest request, Attempt attempt) throws IOException {
        String municipality = municipalityOf(request.getPathInfo());
        attempt.municipality = municipality;
        if (!"POST".equals(request.getMethod())) {
            throw new Problem(405, "Method Not Allowed", request.getMethod() + " is not supported here; use POST")
                    .header("Allow", "POST");
        }
        Endpoint endpoint = endpoints.find(municipality);
        if (endpoint == null || endpoint.inboundCredentialsReference() == null) {
            throw new Problem(404, "Not Found", "no inbound endpoint for municipality '" + municipality + "'");
        }
        authorize(request.getHeader("Authorization"), endpoint);
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json")) {
            throw new Problem(415, "Unsupported Media Type", "send the request as application/json");
        }
        byte[] body = read(request, endpoint.maxRequestBytes());
        InboundRequest inbound = reader.read(body, endpoint.municipality());
        attempt.handedOver = true;
        try {
            InboundResult result = inbox.receive(RestLocalTeamConnector.ID, inbound);
            LOG.info("inbound request {} from {}: case {}{}", inbound.idempotencyKey(), endpoint.municipality(),
                    result.caseId(), result.duplicate() ? " (known key)" : "");
            return result;
        } catch (InvalidInputException e) {
            throw Problem.invalidField(e.field(), e.reason());
        }
    }

    /**
     * {@code /{municipality}/requests}, else 404. The path info comes decoded by the container (once:
     * a second decoding would turn {@code %25} into an error and {@code +} into a space); a name that
     * holds anything but Latin letters, space, hyphen and apostrophe (as the core's municipality
     * names) is no municipality: 404, without echoing it.
     */
    static String municipalityOf(String pathInfo) {
        String[] parts = pathInfo == null ? new String[0] : pathInfo.split("/", -1);
        if (parts.length != 3 || !parts[0].isEmpty() || parts[1].isEmpty() || !"requests".equals(parts[2])) {
            throw new Problem(404, "Not Found", "use POST /localteam/v1/{municipality}/requests");
        }
        String municipality = Normalizer.normalize(parts[1], Normalizer.Form.NFKC);
        if (!MUNICIPALITY.matcher(municipality).matches()) {
            throw new Problem(404, "Not Found", "not a municipality name (only Latin letters, space, hyphen and"
                    + " apostrophe); use POST /localteam/v1/{municipality}/requests");
        }
        return municipality;
    }

    private static void authorize(String header, Endpoint endpoint) {
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        if (presented == null || presented.isEmpty()) {
            throw unauthorized("a bearer token is required");
        }
        String expected = endpoint.credentials().secret(endpoint.inboundCredentialsReference());
        // digests first: equal lengths, so the comparison takes the same time whatever the token's length
        if (!MessageDigest.isEqual(sha256(presented), sha256(expected))) {
            throw unauthorized("the bearer token is not valid for municipality '" + endpoint.municipality() + "'");
        }
    }

    private static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail).header("WWW-Authenticate", "Bearer realm=\"localteam\"");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] read(HttpServletRequest request, int max) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static Problem tooLarge(int max) {
        return new Problem(413, "Payload Too Large", "the body is larger than " + max + " bytes");
    }

    private static void write(HttpServletResponse response, int status, String type, Map<String, Object> body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
