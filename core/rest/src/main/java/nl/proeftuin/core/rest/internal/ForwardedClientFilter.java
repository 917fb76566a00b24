package nl.proeftuin.core.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The client's address behind a load balancer: when the request comes from one of the configured
 * {@code trustedProxies} (HAProxy's address as the node sees it), the address is the right-most entry
 * of {@code X-Forwarded-For} that is not itself a trusted proxy; otherwise the peer's own address.
 * Login throttling per address and the access log's "login from" then see the real client, not the
 * load balancer (behind which every client would share one throttle: 20 wrong passwords from anyone
 * would make everyone wait). Nothing is trusted by default, so a client talking to a node directly
 * cannot choose its own address; only the right-most entries are read, which the proxy wrote itself
 * (a client's own header is to the left of them; the sample haproxy.cfg removes it anyway). An entry
 * that is no IP address is ignored.
 */
@Component(service = Filter.class, configurationPid = ForwardedClientFilter.PID)
@Designate(ocd = ForwardedClientFilter.Config.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("proeftuin-forwarded-client")
public class ForwardedClientFilter implements Filter {
    static final String PID = "nl.proeftuin.core.rest.internal.ForwardedClientFilter";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @ObjectClassDefinition(name = "Proeftuin client address behind a load balancer")
    @interface Config {
        @AttributeDefinition(description = "Addresses of the load balancers in front of this node (as the node sees"
                + " them, e.g. 127.0.0.1 when HAProxy runs on the same machine) whose X-Forwarded-For is believed;"
                + " empty: none (the peer's address counts)")
        String[] trustedProxies() default {};
    }

    private final Set<String> trusted;

    @Activate
    public ForwardedClientFilter(Config config) {
        this(Set.of(config.trustedProxies() == null ? new String[0]
                : java.util.Arrays.stream(config.trustedProxies()).map(String::strip).filter(s -> !s.isEmpty())
                        .map(ForwardedClientFilter::normal).distinct().toArray(String[]::new)));
    }

    ForwardedClientFilter(Set<String> trusted) {
        this.trusted = Set.copyOf(trusted.stream().map(ForwardedClientFilter::normal).toList());
    }

    /**
     * An IP address in one spelling ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike, as Jetty reports a
     * peer), parsed as a literal only (never a name lookup); anything else as it is.
     */
    static String normal(String address) {
        if (address == null || !ipAddress(address)) {
            return address;
        }
        try {
            return java.net.InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    @Override
    public void init(javax.servlet.FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!trusted.isEmpty() && request instanceof HttpServletRequest req && trusted.contains(normal(req.getRemoteAddr()))) {
            String client = client(req.getRemoteAddr(), Collections.list(req.getHeaders("X-Forwarded-For")), trusted);
            if (!client.equals(req.getRemoteAddr())) {
                chain.doFilter(new HttpServletRequestWrapper(req) {
                    @Override
                    public String getRemoteAddr() {
                        return client;
                    }

                    @Override
                    public String getRemoteHost() {
                        return client;
                    }
                }, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * @param peer    the address the request came from
     * @param headers the X-Forwarded-For headers, in order
     * @return the right-most forwarded address that is not a trusted proxy, when the peer is one; else the peer
     */
    static String client(String peer, List<String> headers, Set<String> trusted) {
        if (!trusted.contains(normal(peer))) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!ipAddress(hop)) {
                return peer; // not written by a proxy we know: believe nothing further left
            }
            if (!trusted.contains(normal(hop))) {
                return hop;
            }
        }
        return peer;
    }

    static boolean ipAddress(String s) {
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(v4.group(g)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
    }
}
