package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/** The client's address behind HAProxy: believed only from a configured proxy, only as the proxy wrote it. */
class ForwardedClientFilterTest {
    private static final Set<String> HAPROXY = Set.of("127.0.0.1");

    @Test
    void theForwardedAddressCountsOnlyFromATrustedProxy() {
        assertEquals("203.0.113.7", ForwardedClientFilter.client("127.0.0.1", List.of("203.0.113.7"), HAPROXY));
        assertEquals("198.51.100.9", ForwardedClientFilter.client("198.51.100.9", List.of("203.0.113.7"), HAPROXY),
                "a client talking to the node directly cannot choose its address");
        assertEquals("127.0.0.1", ForwardedClientFilter.client("127.0.0.1", List.of("203.0.113.7"), Set.of()),
                "nothing is trusted by default");
        assertEquals("127.0.0.1", ForwardedClientFilter.client("127.0.0.1", List.of(), HAPROXY));
    }

    @Test
    void aClientsOwnHeaderToTheLeftIsNeverBelieved() {
        // the client sent "X-Forwarded-For: 10.9.9.9"; HAProxy appended the real address
        assertEquals("203.0.113.7", ForwardedClientFilter.client("127.0.0.1", List.of("10.9.9.9, 203.0.113.7"), HAPROXY));
        assertEquals("203.0.113.7", ForwardedClientFilter.client("127.0.0.1", List.of("10.9.9.9", "203.0.113.7"), HAPROXY));
        // two trusted proxies in a row: the first address left of them
        assertEquals("203.0.113.7", ForwardedClientFilter.client("127.0.0.1",
                List.of("10.9.9.9, 203.0.113.7, 127.0.0.1"), HAPROXY));
        // garbage where the proxy writes: nothing further left is believed
        assertEquals("127.0.0.1", ForwardedClientFilter.client("127.0.0.1", List.of("203.0.113.7, evil<script>"), HAPROXY));
        assertEquals("127.0.0.1", ForwardedClientFilter.client("127.0.0.1", List.of("203.0.113.7, 999.1.1.1"), HAPROXY));
        assertEquals("2001:db8::7", ForwardedClientFilter.client("127.0.0.1", List.of("2001:db8::7"), HAPROXY));
        assertFalse(ForwardedClientFilter.ipAddress("unknown"));
        // an IPv6 proxy configured as ::1 matches the peer as Jetty spells it
        assertEquals("203.0.113.7", ForwardedClientFilter.client("0:0:0:0:0:0:0:1", List.of("203.0.113.7"),
                Set.of(ForwardedClientFilter.normal("::1"))));
        assertTrue(ForwardedClientFilter.ipAddress("::1"));
    }

    @Test
    void theRequestBehindTheFilterCarriesTheClientsAddress() throws Exception {
        HttpServletRequest fromHaproxy = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getHeaders" -> Collections.enumeration(List.of("203.0.113.7"));
                    default -> null;
                });
        AtomicReference<String> seen = new AtomicReference<>();
        new ForwardedClientFilter(HAPROXY).doFilter(fromHaproxy, null,
                (req, resp) -> seen.set(req.getRemoteAddr()));
        assertEquals("203.0.113.7", seen.get());
        new ForwardedClientFilter(Set.of()).doFilter(fromHaproxy, null, (req, resp) -> seen.set(req.getRemoteAddr()));
        assertEquals("127.0.0.1", seen.get());
    }
}
