package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/**
 * Clients that send a body a byte at a time cannot hold the server's threads: a body that comes
 * slower than the configured rate, or takes longer than the time limit, is cut (408, or the
 * connection closed), and other clients are served meanwhile. The limits are set short so the test
 * runs in seconds; it asserts what the server does, never how long it takes.
 */
class SlowClientsTest {
    /** More slow bodies than the server has threads (Javalin's pool: 250). */
    private static final int SLOW = 260;
    private static final String HEAD = "POST /api/v1/feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{";

    @TempDir
    Path dir;

    private TestNode node(Map<String, String> env) {
        return new TestNode(dir, null, false, env);
    }

    /** Writes one more byte to every connection every {@code millis}, until shut down; a connection that fails is left alone. */
    private static ScheduledExecutorService drip(List<Socket> sockets, long millis) {
        ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
        List<Socket> ended = new CopyOnWriteArrayList<>();
        dripper.scheduleAtFixedRate(() -> {
            for (Socket s : sockets) {
                if (ended.contains(s)) continue;
                try {
                    s.getOutputStream().write(' ');
                    s.getOutputStream().flush();
                } catch (IOException closed) {
                    ended.add(s);
                }
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return dripper;
    }

    private static Socket startBody(int port) throws IOException {
        Socket s = RawHttp.connect("127.0.0.1", port);
        s.getOutputStream().write(HEAD.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a test's own socket: nothing to learn from a failure
            }
        }
    }

    @Test
    void bodies_dripped_a_byte_at_a_time_are_cut_and_other_clients_are_served_meanwhile() throws IOException {
        try (TestNode node = node(Map.of(ServerLimits.MIN_REQUEST_DATA_RATE, "100", ServerLimits.REQUEST_DATA_GRACE, "0",
                ServerLimits.MAX_CONNECTIONS_PER_ADDRESS, "1000"))) {
            int port = node.app.port();
            List<Socket> slow = new ArrayList<>();
            ScheduledExecutorService dripper = null;
            try {
                for (int i = 0; i < SLOW; i++) slow.add(startBody(port));
                dripper = drip(slow, 200);

                RawHttp.Answer live = RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                assertThat(live.status()).isEqualTo(200);

                for (Socket s : slow) {
                    RawHttp.Answer cut = RawHttp.read(s);
                    assertThat(cut.status()).isIn(408, -1);
                    if (cut.status() == 408) assertThat(cut.body()).contains("\"code\":\"request_timeout\"");
                }
            } finally {
                if (dripper != null) dripper.shutdownNow();
                closeAll(slow);
            }
        }
    }

    @Test
    void a_body_that_keeps_the_rate_but_outlasts_the_time_limit_is_cut() throws IOException {
        try (TestNode node = node(Map.of(ServerLimits.MIN_REQUEST_DATA_RATE, "0", ServerLimits.REQUEST_BODY_TIMEOUT, "1"))) {
            List<Socket> one = List.of(startBody(node.app.port()));
            ScheduledExecutorService dripper = drip(one, 50);
            try {
                assertThat(RawHttp.read(one.get(0)).status()).isIn(408, -1);
            } finally {
                dripper.shutdownNow();
                closeAll(one);
            }
        }
    }

    @Test
    void a_body_sent_in_pieces_at_a_fair_pace_is_read_whole() throws IOException {
        try (TestNode node = node(Map.of(ServerLimits.MIN_REQUEST_DATA_RATE, "100", ServerLimits.REQUEST_DATA_GRACE, "0"))) {
            String body = "{\"bulletin\":\"2021-01-11\",\"kind\":\"no-such-kind\",\"name\":\"N\",\"email\":\"n@example.org\",\"text\":\""
                    + "t".repeat(600) + "\"}";
            try (Socket s = RawHttp.connect("127.0.0.1", node.app.port())) {
                var out = s.getOutputStream();
                out.write(("POST /api/v1/feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < body.length(); i += 300) {
                    if (i > 0) pause(100); // a slow link's pace (3 kB/s), not coordination
                    out.write(body.substring(i, Math.min(body.length(), i + 300)).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                RawHttp.Answer a = RawHttp.read(s);
                assertThat(a.status()).as(a.body()).isEqualTo(422);
                assertThat(a.body()).contains("\"pointer\":\"/kind\"");
            }
        }
    }
}
