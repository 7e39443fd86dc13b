package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Cosigner;
import org.truce.ledger.CosignerKey;
import org.truce.support.TestNode;
import org.truce.web.WitnessServer;

/** The witness's HTTP face on a random port: statuses, media types, headers, the monitoring route and the body limit. */
class WitnessServerTest {
    @TempDir
    Path dir;
    @TempDir
    Path logDir;
    TestLog log;
    CosignerKey key;
    Javalin app;

    @BeforeEach
    void start() {
        log = new TestLog(logDir, "first", 20);
        key = CosignerKey.loadOrCreate(dir, "test.local/w1");
        app = WitnessServer.create(new Witness(dir, key, List.of(log.verifier()), WitnessTest.CLOCK)).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return TestNode.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return TestNode.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String type(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void a_cosignature_is_answered_as_plain_text_with_the_nodes_security_headers() throws Exception {
        HttpResponse<String> r = post(log.body(0, 10));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).startsWith("text/plain");
        assertThat(r.body()).matches("\u2014 test\\.local/w1 [A-Za-z0-9+/=]+\n");
        assertThat(Cosigner.parse(key.verifierKey()).verify(log.checkpoint(10), r.body())).isPresent();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
    }

    @Test
    void a_wrong_old_size_is_409_with_the_kept_size_as_text_x_tlog_size() throws Exception {
        assertThat(post(log.body(0, 10)).statusCode()).isEqualTo(200);
        HttpResponse<String> r = post(log.body(3, 12));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(type(r)).isEqualTo("text/x.tlog.size");
        assertThat(r.body()).isEqualTo("10\n");
    }

    @Test
    void refusals_carry_their_status_and_reason_as_plain_text() throws Exception {
        assertThat(post("old 1\n").statusCode()).isEqualTo(400);
        HttpResponse<String> forged = post(new TestLog(logDir.resolve("impostor"), "first", 20).body(0, 10));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(type(forged)).startsWith("text/plain");
        assertThat(forged.body()).contains("no valid signature");
        assertThat(post(TestLog.body(0, log.proof(4, 10), log.note(10))).statusCode()).isEqualTo(422);
    }

    @Test
    void the_monitoring_route_serves_the_latest_cosigned_checkpoint_with_both_signatures() throws Exception {
        String path = "/" + CosignedCheckpoints.originHash(TestLog.ORIGIN) + "/checkpoint";
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(post(log.body(0, 10)).statusCode()).isEqualTo(200);

        HttpResponse<String> r = get(path);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith(log.note(10));
        assertThat(log.verifier().verify(r.body())).isEqualTo(log.checkpoint(10));
        assertThat(Cosigner.parse(key.verifierKey()).verify(log.checkpoint(10), r.body())).isPresent();
        assertThat(get("/" + "0".repeat(64) + "/checkpoint").statusCode()).isEqualTo(404);
        assertThat(get("/not-a-hash/checkpoint").statusCode()).isEqualTo(404);
    }

    @Test
    void a_body_beyond_the_limit_is_refused_and_changes_nothing() throws Exception {
        HttpResponse<String> r = post("old 0\n" + "A".repeat(40_000) + "\n\n" + log.note(10));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(get("/" + CosignedCheckpoints.originHash(TestLog.ORIGIN) + "/checkpoint").statusCode()).isEqualTo(404);
    }
}
