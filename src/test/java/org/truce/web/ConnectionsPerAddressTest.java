package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/**
 * One address may hold only so many connections open at once: the next is closed before it is read,
 * while other addresses, and the trusted proxies that carry many clients, are served. The loopback
 * network gives each test connection the address it binds (127.0.0.1, .2, .3). Every GET keeps its
 * connection open (HTTP/1.1 persistence), so a connection that was answered is still counted.
 */
class ConnectionsPerAddressTest {
    private static final String GET = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @TempDir
    Path dir;

    /** Sends a GET on {@code s} and reads the answer; a connection the server closed first answers CLOSED (-1). */
    private static int get(Socket s) throws IOException {
        try {
            s.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        } catch (IOException closed) {
            return RawHttp.Answer.CLOSED.status();
        }
        return RawHttp.read(s).status();
    }

    /** Opens {@code n} connections from {@code from}, sends a GET on each and keeps them open; their statuses. */
    private static List<Integer> open(List<Socket> into, String from, int port, int n) throws IOException {
        List<Socket> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) opened.add(RawHttp.connect(from, port));
        into.addAll(opened);
        List<Integer> statuses = new ArrayList<>();
        for (Socket s : opened) statuses.add(get(s));
        return statuses;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket s : sockets) s.close();
        sockets.clear();
    }

    @Test
    void a_connection_past_the_cap_of_its_address_is_closed_and_other_addresses_are_served() throws IOException {
        try (TestNode node = new TestNode(dir, null, false, Map.of(ServerLimits.MAX_CONNECTIONS_PER_ADDRESS, "4"))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                assertThat(open(sockets, "127.0.0.1", node.app.port(), 5)).containsOnly(200, -1).filteredOn(s -> s == -1).hasSize(1);
                assertThat(open(sockets, "127.0.0.2", node.app.port(), 1)).containsExactly(200);
            } finally {
                closeAll(sockets);
            }
        }
    }

    @Test
    void refused_connections_do_not_use_up_places_and_a_closed_one_frees_its_place() throws IOException {
        try (TestNode node = new TestNode(dir, null, false, Map.of(ServerLimits.MAX_CONNECTIONS_PER_ADDRESS, "2"))) {
            int port = node.app.port();
            List<Socket> held = new ArrayList<>();
            List<Socket> refused = new ArrayList<>();
            try {
                assertThat(open(held, "127.0.0.1", port, 2)).containsExactly(200, 200);
                assertThat(open(refused, "127.0.0.1", port, 20)).containsOnly(-1);
                closeAll(refused);
                held.remove(0).close();
                // the server counts the close when it reads it: try again until it has, within a bound
                boolean served = false;
                for (int i = 0; i < 500 && !served; i++) {
                    try (Socket s = RawHttp.connect("127.0.0.1", port)) {
                        served = get(s) == 200;
                    }
                }
                assertThat(served).as("a connection is served once a held one is closed").isTrue();
            } finally {
                closeAll(held);
                closeAll(refused);
            }
        }
    }

    @Test
    void a_trusted_proxy_is_not_capped() throws IOException {
        try (TestNode node = new TestNode(dir, null, false, Map.of(ServerLimits.MAX_CONNECTIONS_PER_ADDRESS, "2",
                ClientAddress.ENV, "127.0.0.3"))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                assertThat(open(sockets, "127.0.0.3", node.app.port(), 4)).containsExactly(200, 200, 200, 200);
            } finally {
                closeAll(sockets);
            }
        }
    }
}
