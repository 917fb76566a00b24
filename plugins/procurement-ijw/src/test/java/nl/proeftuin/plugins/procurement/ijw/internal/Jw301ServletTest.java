package nl.proeftuin.plugins.procurement.ijw.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.spi.CareAllocation;
import nl.proeftuin.core.spi.ProcurementInbox;
import nl.proeftuin.plugins.procurement.ijw.testing.ServletCall;
import nl.proeftuin.plugins.procurement.ijw.testing.ServletCall.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Jw301ServletTest {

    /** The core's inbox: records, knows one request. */
    static final class RecordingInbox implements ProcurementInbox {
        final List<CareAllocation> received = new ArrayList<>();

        @Override
        public boolean allocated(String pluginId, CareAllocation allocation) {
            assertEquals("procurement-ijw", pluginId);
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

    final RecordingInbox inbox = new RecordingInbox();
    final Jw301Servlet servlet = new Jw301Servlet(inbox, config("IJW_TOKEN", ""), Map.of("IJW_TOKEN", "s3cret")::get);

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
    }

    @Test
    void withoutAConfiguredTokenTheInboxIsShut() throws Exception {
        Jw301Servlet shut = new Jw301Servlet(inbox, config("IJW_TOKEN", ""), name -> null);
        Answer a = ServletCall.post(shut, "application/xml", "Bearer anything", Messages.jw301(Messages.REQUEST_ID));
        assertEquals(503, a.status());
        assertTrue(a.body().contains("IJW_TOKEN"), a.body());
    }

    @Test
    void theTokenCanComeFromTheSecretsFile(@TempDir Path etc) throws Exception {
        Path secrets = etc.resolve("secrets.properties");
        Files.writeString(secrets, "IJW_TOKEN = from-file\n");
        Jw301Servlet fromFile = new Jw301Servlet(inbox, config("IJW_TOKEN", secrets.toString()), name -> null);
        assertEquals(202, ServletCall.post(fromFile, "application/xml", "Bearer from-file",
                Messages.jw301(Messages.REQUEST_ID)).status());
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
    }

    @Test
    void quotingKeepsTheJsonValid() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", Jw301Servlet.quote("a\"b\\c\n\u0001"));
    }
}
