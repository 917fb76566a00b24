package nl.proeftuin.plugins.procurement.ijw.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.spi.CareAllocation;
import nl.proeftuin.core.spi.InboxUnavailableException;
import nl.proeftuin.core.spi.ProcurementInbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The JW301 inbox: {@code POST /ijw/v1/jw301} with an iJw JW301 <i>toewijzing</i>
 * ({@code application/xml}) and {@code Authorization: Bearer <token>}. Each allocation is handed to
 * the core's {@link ProcurementInbox} (which matches it to its care request and stores it).
 *
 * <p>Answers: {@code 202} with a JSON summary; {@code 400} a message that is not well-formed, holds a
 * DOCTYPE, is not a JW301 or does not match the schema; {@code 401} no or a wrong token; {@code 413}
 * too large; {@code 415} not XML; {@code 422} a valid JW301 the core cannot place (unknown request,
 * allocation that does not fit its request); {@code 503} no token configured (the inbox stays shut) or
 * the core cannot record the message in the access log now (no log, no answer).
 * Every message is in the access log (NEN 7513): the allocations handed over are logged by the core's
 * inbox; a message this servlet refuses itself (a wrong or missing token, not XML, too large, invalid)
 * is reported to it ({@link ProcurementInbox#refused}) before the answer.
 * The token is a key of this connector's own secrets file, never an environment variable.
 * Every error is {@code application/problem+json} (RFC 9457) with the reason in {@code detail}.
 * Allocations already handed over stay recorded if a later one in the same message is refused; the
 * core ignores a repeat, so the sender may simply send the corrected message again.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(Jw301Servlet.PATH)
@HttpWhiteboardServletName("proeftuin-ijw-jw301")
@Designate(ocd = Jw301ServletConfig.class)
public class Jw301Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/ijw/v1/jw301";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient ProcurementInbox inbox;
    private final transient Jw301ServletConfig config;

    /**
     * @param inbox  the core's inbox for allocations
     * @param config where the token is
     */
    @Activate
    public Jw301Servlet(@Reference ProcurementInbox inbox, Jw301ServletConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            receive(request, response);
        } catch (InboxUnavailableException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.setHeader("Retry-After", "60");
                problem(response, 503, "Service Unavailable", "the message cannot be recorded in the access log now"
                        + " and was not taken; send it again later");
            }
        }
    }

    /** Reports a refusal to the core's inbox (for the access log), then answers it. */
    private void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        inbox.refused(IjwProcurementConnector.ID, status, detail);
        problem(response, status, title, detail);
    }

    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token();
        if (token == null) {
            refuse(response, 503, "Inbox not configured", "no token is configured under the name '"
                    + config.tokenName() + "' in the secrets file: the JW301 inbox is shut");
            return;
        }
        String auth = request.getHeader("Authorization");
        String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
        if (!MessageDigest.isEqual(sha256(given), sha256(token))) {
            inbox.refused(IjwProcurementConnector.ID, 401, given.isEmpty() ? "no bearer token" : "a wrong bearer token");
            response.setHeader("WWW-Authenticate", "Bearer realm=\"proeftuin-ijw\"");
            problem(response, 401, "Unauthorized", "a valid 'Authorization: Bearer' token is required");
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (!type.startsWith("application/xml") && !type.startsWith("text/xml")) {
            refuse(response, 415, "Unsupported Media Type", "send the JW301 as application/xml, not '" + type + "'");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(config.maxBytes() + 1);
        }
        if (body.length > config.maxBytes()) {
            refuse(response, 413, "Content Too Large", "a JW301 may be at most " + config.maxBytes() + " bytes");
            return;
        }
        List<CareAllocation> allocations;
        try {
            allocations = Jw301Message.read(body);
        } catch (IjwXml.InvalidMessage e) {
            refuse(response, 400, "Invalid JW301", e.getMessage());
            return;
        }
        List<String> refs = new ArrayList<>();
        int fresh = 0;
        for (CareAllocation a : allocations) {
            try {
                if (inbox.allocated(IjwProcurementConnector.ID, a)) {
                    fresh++;
                }
                refs.add(a.allocationRef());
            } catch (NotFoundException | InvalidInputException e) {
                problem(response, 422, "Allocation not accepted", "ToewijzingNummer " + a.allocationRef()
                        + " (ReferentieAanbieder " + a.requestId() + "): " + e.getMessage()
                        + (refs.isEmpty() ? "" : "; recorded before it: " + refs));
                return;
            }
        }
        write(response, 202, "application/json", new Receipt(allocations.size(), fresh, refs));
    }

    /** The answer to an accepted message: allocations received, how many were new, their references. */
    record Receipt(int received, @JsonProperty("new") int fresh, List<String> allocations) {
    }

    /** An RFC 9457 problem. */
    record Problem(String type, String title, int status, String detail) {
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The token: the key {@code tokenName} of the secrets file, read on every request (rotation); null = none. */
    private String token() throws IOException {
        String file = config.secretsFile();
        if (file == null || file.isBlank()) {
            return null;
        }
        String etc = System.getProperty("karaf.etc");
        if (file.contains("${karaf.etc}")) {
            if (etc == null) {
                return null;
            }
            file = file.replace("${karaf.etc}", etc);
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return null;
        }
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            secrets.load(in);
        }
        String value = secrets.getProperty(config.tokenName());
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        write(response, status, "application/problem+json", new Problem("about:blank", title, status, detail));
    }

    private static void write(HttpServletResponse response, int status, String type, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
