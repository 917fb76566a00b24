package nl.proeftuin.core.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The connectors' URL allow-list: https, http only to loopback when allowed, never link-local or another scheme. */
class OutboundUrlsTest {

    static String refused(String url, boolean allowHttpLoopback) {
        return assertThrows(IllegalArgumentException.class, () -> OutboundUrls.check("baseUrl", url, allowHttpLoopback),
                url).getMessage();
    }

    @Test
    void httpsToAnOrdinaryHostIsAllowed() {
        assertEquals(URI.create("https://wijkteam.arnhem.example/api"),
                OutboundUrls.check("baseUrl", " https://wijkteam.arnhem.example/api ", false));
        assertDoesNotThrow(() -> OutboundUrls.check("baseUrl", "https://10.1.2.3:8443/x", false));
    }

    @Test
    void otherSchemesAreRefused() {
        for (String url : new String[] {"file:///etc/passwd", "jar:file:/x.jar!/a", "ftp://x.example/", "gopher://x/",
            "mailto:a@b.example", "/relative/path", "//no-scheme.example/"}) {
            assertTrue(refused(url, true).startsWith("baseUrl:"), url);
        }
        assertTrue(refused("file:///etc/passwd", true).contains("scheme 'file'"));
    }

    @Test
    void linkLocalAndUnspecifiedAddressesAreRefusedWhateverTheScheme() {
        for (String url : new String[] {"http://169.254.169.254/", "https://169.254.169.254/latest/meta-data/",
            "https://[fe80::1]/", "http://[fe80::a9fe:a9fe]/", "https://0.0.0.0/", "https://[::]/",
            "https://[::ffff:169.254.169.254]/", "https://224.0.0.1/"}) {
            refused(url, true);
        }
        assertTrue(refused("http://169.254.169.254/", true).contains("link-local"));
    }

    @Test
    void numericHostFormsThatHideAnAddressAreRefused() {
        for (String url : new String[] {"https://2852039166/", "https://0xA9FEA9FE/", "https://169.254.43518/",
            "https://0xa9.0xfe.0xa9.0xfe/"}) {
            refused(url, true);
        }
    }

    @Test
    void httpOnlyToLoopbackAndOnlyWhenAllowed() {
        assertTrue(refused("http://127.0.0.1:8080/", false).contains("allowHttpLoopback"));
        assertDoesNotThrow(() -> OutboundUrls.check("baseUrl", "http://127.0.0.1:8080/", true));
        assertDoesNotThrow(() -> OutboundUrls.check("baseUrl", "http://[::1]:8080/", true));
        assertDoesNotThrow(() -> OutboundUrls.check("baseUrl", "http://localhost:8080/", true));
        refused("http://wijkteam.arnhem.example/", true);
        refused("http://10.0.0.5/", true);
    }

    @Test
    void userInfoAndFragmentsAreRefused() {
        assertTrue(refused("https://user:secret@x.example/", false).contains("user info"));
        refused("https://x.example/#a", false);
    }

    @Test
    void theResolvedAddressIsCheckedToo() throws Exception {
        OutboundUrls.checkResolved(URI.create("http://localhost:8080/"), true);
        assertThrows(IllegalArgumentException.class,
                () -> OutboundUrls.checkResolved(URI.create("http://localhost:8080/"), false));
        assertThrows(IllegalArgumentException.class,
                () -> OutboundUrls.checkResolved(URI.create("https://169.254.169.254/"), false));
    }

    @Test
    void aRefusalNeverRepeatsASecretTheUrlCarries() {
        IllegalArgumentException userInfo = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OutboundUrls.check("baseUrl", "https://svc:s3cret-pass@lt.example.nl/x", false));
        IllegalArgumentException query = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OutboundUrls.check("baseUrl", "http://lt.example.nl/x?apikey=s3cret-key", false));
        for (IllegalArgumentException e : java.util.List.of(userInfo, query)) {
            org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
    }
}
