package nl.proeftuin.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for a server a test starts, chosen <em>below</em> the kernel's ephemeral range.
 *
 * <p>A test that polls a server's port before the server listens opens connections to a free port.
 * On loopback, Linux gives each outgoing connection a source port from the ephemeral range
 * ({@code /proc/sys/net/ipv4/ip_local_port_range}, 32768-60999 here). When the port polled is in that
 * range, a connection can get that very port as its source and connect to itself (a TCP simultaneous
 * open): the poll reads nothing, and the port stays taken, so the server then fails to bind it. CI saw
 * exactly that ({@code RestartIT}: "Failed to bind to /127.0.0.1:42451: Address already in use").
 * {@code new ServerSocket(0)} hands out ports from that same range; a port below it can never be a
 * connection's source port, so polling it is safe.
 */
public final class LoopbackPorts {

    /** The lowest port handed out (above the well-known and most registered service ports). */
    static final int FLOOR = 10_000;

    private LoopbackPorts() {
    }

    /** @return a port that nothing on loopback listens on now, below the ephemeral range */
    public static int free() {
        int ceiling = ephemeralRangeStart();
        if (ceiling - FLOOR < 1_000) {
            // an unusual ephemeral range leaves no room below it: the kernel's choice, as before
            return bindable(0);
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FLOOR, ceiling);
            int bound = bindable(port);
            if (bound > 0) {
                return bound;
            }
        }
        throw new IllegalStateException("no free loopback port between " + FLOOR + " and " + ceiling);
    }

    /** @return the first port of the kernel's ephemeral range (32768 when it cannot be read) */
    static int ephemeralRangeStart() {
        // line by line: Files.readString gave only the first character of this /proc file (JDK 17)
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }

    /** @return the port bound (0: the kernel picks), or -1 when it is taken */
    private static int bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException taken) {
            if (port == 0) {
                throw new UncheckedIOException(taken);
            }
            return -1;
        }
    }
}
