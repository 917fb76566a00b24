package nl.proeftuin.plugins.procurement.ijw.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.spi.CareAllocation;
import nl.proeftuin.core.spi.InboxUnavailableException;
import nl.proeftuin.core.spi.ProcurementInbox;
import nl.proeftuin.plugins.procurement.ijw.testing.ServletCall;
import nl.proeftuin.plugins.procurement.ijw.testing.ServletCall.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Jw301ServletTest {

    /** The core's inbox: records, knows one request. */
    static final class RecordingInbox implements ProcurementInbox {
        final List<CareAllocation> received = new ArrayList<>();
        /** The statuses reported as refused, for the access log. */
        final List<Integer> refusals = new ArrayList<>();
        boolean logDown;

        @Override
        public void refused(String pluginId, int status, String reason) {
            assertEquals("procurement-ijw", pluginId);
            if (logDown) {
                throw new InboxUnavailableException("access log down", null);
            }
            refusals.add(status);
        }

        @Override
        public boolean allocated(String pluginId, CareAllocation allocation) {
            assertEquals("procurement-ijw", pluginId);
            if (logDown) {
                throw new InboxUnavailableException("access log down", null);
            }
            if (!allocation.requestId().equals(Messages.REQUEST_ID)) {
                throw new NotFoundException("care request " + allocation.requestId());
            }
            boolean fresh = received.stream().noneMatch(a -> a.allocationRef().equals(allocation.allocationRef()));
            received.add(allocation);
            return fresh;
        }
    }

    static Jw301ServletConfig config(String tokenName, String secretsFile) {
        return new Jw301ServletConfig() {
            @Override public Class<? extends Annotation> annotationType() { return Jw301ServletConfig.class; }
            @Override public String tokenName() { return tokenName; }
            @Override public String secretsFile() { return secretsFile; }
            @Override public int maxBytes() { return 20_000; }
        };
    }

    @TempDir
    Path etc;
    final RecordingInbox inbox = new RecordingInbox();
    Jw301Servlet servlet;

    @org.junit.jupiter.api.BeforeEach
    void servlet() throws Exception {
        Path secrets = etc.resolve("proeftuin-procurement-ijw-credentials.properties");
        Files.writeString(secrets, "ijw.token = s3cret\n");
        servlet = new Jw301Servlet(inbox, config("ijw.token", secrets.toString()));
    }

    @Test
    void aValidJw301IsAcceptedAndHandedToTheCore() throws Exception {
        Answer a = ServletCall.post(servlet, "application/xml", "Bearer s3cret", Messages.jw301(Messages.REQUEST_ID));
        assertEquals(202, a.status(), a.body());
        assertEquals("{\"received\":1,\"new\":1,\"allocations\":[\"7001234\"]}", a.body());
        assertEquals(1, inbox.received.size());
        Answer again = ServletCall.post(servlet, "text/xml; charset=UTF-8", "bearer s3cret",
                Messages.jw301(Messages.REQUEST_ID));
        assertEquals(202, again.status());
        assertTrue(again.body().contains("\"new\":0"), again.body());
    }

    @Test
    void theTokenIsRequired() throws Exception {
        Answer none = ServletCall.post(servlet, "application/xml", null, Messages.jw301(Messages.REQUEST_ID));
        assertEquals(401, none.status());
        assertEquals("application/problem+json", none.contentType());
        assertTrue(none.headers().get("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(401, ServletCall.post(servlet, "application/xml", "Bearer wrong", "x").status());
        assertTrue(inbox.received.isEmpty());
        assertEquals(List.of(401, 401), inbox.refusals, "both refusals go to the access log");
    }

    @Test
    void withoutAConfiguredTokenTheInboxIsShut() throws Exception {
        Jw301Servlet shut = new Jw301Servlet(inbox, config("ijw.absent", etc.resolve("none.properties").toString()));
        Answer a = ServletCall.post(shut, "application/xml", "Bearer anything", Messages.jw301(Messages.REQUEST_ID));
        assertEquals(503, a.status());
        assertTrue(a.body().contains("ijw.absent"), a.body());
        Jw301Servlet noFile = new Jw301Servlet(inbox, config("ijw.token", ""));
        assertEquals(503, ServletCall.post(noFile, "application/xml", "Bearer s3cret",
                Messages.jw301(Messages.REQUEST_ID)).status());
    }

    @Test
    void theTokenIsNeverAnEnvironmentVariable() throws Exception {
        // HOME is set in every test environment: as a token name it must not open the inbox with its value
        String home = System.getenv("HOME");
        Jw301Servlet env = new Jw301Servlet(inbox, config("HOME", etc.resolve("none.properties").toString()));
        Answer a = ServletCall.post(env, "application/xml", "Bearer " + home, Messages.jw301(Messages.REQUEST_ID));
        assertEquals(503, a.status(), a.body());
        assertTrue(inbox.received.isEmpty());
    }

    @Test
    void withoutTheAccessLogNothingIsTaken() throws Exception {
        inbox.logDown = true;
        Answer valid = ServletCall.post(servlet, "application/xml", "Bearer s3cret", Messages.jw301(Messages.REQUEST_ID));
        assertEquals(503, valid.status(), valid.body());
        assertEquals(503, ServletCall.post(servlet, "application/xml", "Bearer wrong", "x").status());
        assertTrue(inbox.received.isEmpty() && inbox.refusals.isEmpty());
    }

    @Test
    void badMessagesGetAProblemWithTheReason() throws Exception {
        Answer notXml = ServletCall.post(servlet, "application/json", "Bearer s3cret", "{}");
        assertEquals(415, notXml.status());
        Answer broken = ServletCall.post(servlet, "application/xml", "Bearer s3cret", "<jw301:Bericht");
        assertEquals(400, broken.status());
        assertEquals("application/problem+json", broken.contentType());
        assertTrue(broken.body().contains("\"title\":\"Invalid JW301\"") && broken.body().contains("not well-formed"),
                broken.body());
        Answer xxe = ServletCall.post(servlet, "application/xml", "Bearer s3cret",
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");
        assertEquals(400, xxe.status());
        assertTrue(xxe.body().contains("DOCTYPE is not allowed"), xxe.body());
        Answer tooBig = ServletCall.post(servlet, "application/xml", "Bearer s3cret", "x".repeat(20_001));
        assertEquals(413, tooBig.status());
        Answer unknown = ServletCall.post(servlet, "application/xml", "Bearer s3cret", Messages.jw301("other-request"));
        assertEquals(422, unknown.status());
        assertTrue(unknown.body().contains("other-request"), unknown.body());
        assertTrue(inbox.received.isEmpty());
        assertEquals(List.of(415, 400, 400, 413), inbox.refusals, "the servlet's refusals go to the access log;"
                + " the core logs the allocation it refuses (422) itself");
    }

    @Test
    void aProblemDetailWithQuotesAndBackslashesStaysValidJson() throws Exception {
        Answer answer = ServletCall.post(servlet, "application/xml", "Bearer s3cret",
                Messages.jw301("quote\"back\\slash"));
        assertEquals(422, answer.status());
        var problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        assertTrue(problem.path("detail").asText().contains("quote\"back\\slash"), answer.body());
    }
}
