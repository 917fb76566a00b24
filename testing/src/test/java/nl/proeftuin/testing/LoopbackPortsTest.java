package nl.proeftuin.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Ports for servers under test come from below the ephemeral range, where no poll can connect to itself. */
class LoopbackPortsTest {

    @Test
    void everyPortIsFreeAndBelowTheEphemeralRange() throws IOException {
        int ceiling = LoopbackPorts.ephemeralRangeStart();
        for (int i = 0; i < 200; i++) {
            int port = LoopbackPorts.free();
            assertTrue(port >= LoopbackPorts.FLOOR && port < ceiling, port + " is not in [" + LoopbackPorts.FLOOR
                    + ", " + ceiling + ")");
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(server.isBound());
            }
        }
    }

    /**
     * Why: a connection to a port nothing listens on, whose source port is that same port, connects to
     * itself, and the port is then taken. The kernel only picks such a source port from the ephemeral
     * range; here it is forced, to show what a poll of an ephemeral port can do by chance.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aConnectionFromAPortToItselfSucceedsAndTakesThePort() throws IOException {
        // as an HTTP client's socket: without SO_REUSEADDR, so a server's bind cannot share the port
        int port = LoopbackPorts.free();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (Socket self = new Socket()) {
            self.bind(new InetSocketAddress(loopback, port));
            self.connect(new InetSocketAddress(loopback, port), 2_000);
            assertTrue(self.isConnected(), "connected to itself");
            assertThrows(BindException.class, () -> new ServerSocket(port, 1, loopback).close(),
                    "the server under test can no longer bind its port");
        }
    }
}
