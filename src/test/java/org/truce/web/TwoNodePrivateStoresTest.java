package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.audit.AuditRecord;
import org.truce.audit.AuditVerification;
import org.truce.support.TestNode;

/**
 * Two HTTP nodes on one fresh PostgreSQL database, each with its own data directory and the same
 * node key: the private stores are shared too. A session begun on one node is valid on the other and
 * ends on both; restricted personal data sealed on one node opens on the other; a reader's message
 * sent to one reaches the secretariat on the other; failed sign-ins and readers' messages count
 * against their sender across nodes; the audit
 * trail written by both verifies as one chain; and the data directories hold only the node key.
 */
class TwoNodePrivateStoresTest {

    @TempDir
    static Path dir;

    private static org.truce.store.PostgresTestDatabase database;
    private static TestNode a;
    private static TestNode b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = org.truce.store.PostgresTestDatabase.create();
        a = new TestNode(dir.resolve("a"), database.url(), true);
        Files.createDirectories(dir.resolve("b"));
        for (String file : List.of("node-key.pk8", "node-key.pub")) {
            Files.copy(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file));
        }
        b = new TestNode(dir.resolve("b"), database.url(), false);
        awaitSameSize();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (b != null) b.close();
        if (a != null) a.close();
        if (database != null) database.close();
    }

    @Test
    void a_session_begun_on_node_a_is_valid_on_node_b_and_signing_out_on_b_ends_it_on_a() throws Exception {
        a.account("anama", "anama", "sess-user", Role.REPORTER);
        HttpResponse<String> in = org.truce.support.TestNode.HTTP.send(json("POST", a, "/api/v1/session", null, null,
                "{\"username\":\"sess-user\",\"password\":\"" + TestNode.PASSWORD + "\"}"), HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        String csrf = TestNode.JSON.readTree(in.body()).get("csrf").asText();
        String account = TestNode.JSON.readTree(in.body()).get("account").asText();
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("truce_session="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElseThrow();

        assertThat(b.send(json("GET", b, "/api/v1/me", cookie, null, null)).json().get("account").asText()).isEqualTo(account);
        assertThat(a.send(json("GET", a, "/api/v1/me", cookie, null, null)).status()).isEqualTo(200);

        assertThat(b.send(json("DELETE", b, "/api/v1/session", cookie, csrf, null)).status()).isEqualTo(204);

        assertThat(a.send(json("GET", a, "/api/v1/me", cookie, null, null)).status()).isEqualTo(401);
        assertThat(b.send(json("GET", b, "/api/v1/me", cookie, null, null)).status()).isEqualTo(401);
    }

    @Test
    void failed_sign_ins_on_both_nodes_count_together() {
        a.account("anama", "anama", "throttled-user", Role.REPORTER);
        for (int i = 0; i < 5; i++) {
            TestNode node = i % 2 == 0 ? a : b;
            var r = node.send(json("POST", node, "/api/v1/session", null, null,
                    "{\"username\":\"throttled-user\",\"password\":\"guess number " + i + "\"}"));
            assertThat(r.status()).isEqualTo(401);
        }
        for (TestNode node : List.of(a, b)) {
            var locked = node.send(json("POST", node, "/api/v1/session", null, null,
                    "{\"username\":\"throttled-user\",\"password\":\"" + TestNode.PASSWORD + "\"}"));
            assertThat(locked.status()).isEqualTo(429);
        }
    }

    @Test
    void restricted_personal_data_and_terms_recorded_through_node_a_are_read_decrypted_on_node_b() {
        String reporter = a.account("anama", "anama", "case-rep", Role.REPORTER);
        String custodian = a.account("anama", "anama", "case-cust", Role.CUSTODIAN);
        String caseId = CaseFixtures.open(a, reporter, "Zyxwvut Twonodename");
        awaitSameSize();

        var personal = get(b, "/api/v1/cases/" + caseId + "/personal", custodian);

        assertThat(personal.status()).as(personal.body()).isEqualTo(200);
        assertThat(personal.body()).contains("Zyxwvut Twonodename");
        // what the parties call the person is sealed under the same key (issue 16), and opens on node b too
        assertThat(get(b, "/api/v1/cases/" + caseId, custodian).json().at("/terms/1/term").asText()).isEqualTo("prisoner of war");
    }

    @Test
    void a_message_sent_to_node_a_is_seen_by_the_secretariat_on_node_b_and_counts_against_its_sender_on_both() {
        String secretariat = a.account("jmc", "ru-tr-joint-monitoring-centre", "fb-secr", Role.SECRETARIAT);
        var sent = a.post("/api/v1/feedback", "{\"bulletin\":\"2021-01-11\",\"kind\":\"correction\",\"name\":\"Anna Reader\","
                + "\"email\":\"anna@example.org\",\"text\":\"Seen on the other node?\"}", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().get("id").asText();

        JsonNode items = get(b, "/api/v1/feedback", secretariat).json().get("items");

        assertThat(items.findValuesAsText("id")).contains(id);
        assertThat(get(b, "/api/v1/feedback", secretariat).body()).doesNotContain("anna@example.org");

        // the address has sent 1 of its 10 messages an hour; 9 more are taken, wherever they go
        for (int i = 1; i < 12; i++) {
            TestNode node = i % 2 == 0 ? a : b;
            var r = node.post("/api/v1/feedback", "{\"bulletin\":\"2021-01-11\",\"kind\":\"question\",\"name\":\"Reader " + i
                    + "\",\"email\":\"r" + i + "@example.org\",\"text\":\"Question " + i + "\"}", null);
            assertThat(r.status()).as("message %d to node %s", i, node == a ? "a" : "b")
                    .isEqualTo(i < org.truce.feedback.FeedbackDesk.PER_ADDRESS ? 201 : 429);
        }
        assertThat(get(b, "/api/v1/feedback", secretariat).json().get("items")).hasSize(org.truce.feedback.FeedbackDesk.PER_ADDRESS);
    }

    @Test
    void the_audit_trail_written_by_both_nodes_verifies_as_one_chain() {
        String admin = a.account("desk", "desk", "audit-admin", Role.ADMIN, Role.CUSTODIAN);
        long before = a.truce.audit().read(null, 0, 100_000).size();
        for (int i = 0; i < 10; i++) {
            TestNode node = i % 2 == 0 ? a : b;
            var r = node.send(json("POST", node, "/api/v1/session", null, null,
                    "{\"username\":\"nobody-" + i + "\",\"password\":\"wrong\"}"));
            assertThat(r.status()).isEqualTo(401);
        }
        // each node writes its count of the minute's failures once the minute has closed, with its next request
        for (TestNode node : List.of(a, b)) {
            node.clock.advance(java.time.Duration.ofMinutes(1));
            assertThat(node.get("/api/v1/ledger/head").status()).isEqualTo(200);
        }
        List<AuditRecord> onA = a.truce.audit().read(null, 0, 100_000);
        List<AuditRecord> onB = b.truce.audit().read(null, 0, 100_000);

        assertThat(onB).isEqualTo(onA);
        assertThat(onA.stream().skip(before).filter(r -> r.action().equals("signin.failed")).map(r -> r.target() + " " + r.detail()))
                .containsExactlyInAnyOrder("nobody-0, nobody-2, nobody-4, nobody-6, nobody-8 ×5 in 2026-11-28T10:00Z/PT1M",
                        "nobody-1, nobody-3, nobody-5, nobody-7, nobody-9 ×5 in 2026-11-28T10:00Z/PT1M");
        long last = onA.get(onA.size() - 1).seq();
        assertThat(a.truce.audit().verify()).isEqualTo(new AuditVerification.Intact(0, last, last));
        assertThat(b.truce.audit().verify()).isEqualTo(new AuditVerification.Intact(0, last, last));
        assertThat(get(b, "/api/v1/audit?limit=1000", admin).status()).isEqualTo(200);
    }

    @Test
    void the_data_directories_hold_only_the_node_key_the_highest_signed_head_and_the_lock() throws Exception {
        // highest-head.note is a signed checkpoint (public by design); nothing private reaches the directory
        for (String node : List.of("a", "b")) {
            try (Stream<Path> files = Files.list(dir.resolve(node))) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as(node).allMatch(name -> name.startsWith("node-key.") || name.equals("highest-head.note") || name.contains("lock"))
                        .contains("node-key.pk8", "node-key.pub", "highest-head.note");
            }
        }
    }

    private static TestNode.Response get(TestNode node, String path, String token) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token).GET().build());
    }

    private static HttpRequest json(String method, TestNode node, String path, String cookie, String csrf, String body) {
        var r = HttpRequest.newBuilder(URI.create(node.base() + path)).header("Content-Type", "application/json");
        if (cookie != null) r.header("Cookie", cookie);
        if (csrf != null) r.header("X-CSRF-Token", csrf);
        return r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void awaitSameSize() {
        long size = a.truce.ledger().size();
        awaitTrue(() -> b.truce.ledger().size() == size, Duration.ofSeconds(10), "node B catching up with node A");
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " did not happen within " + within);
            LockSupport.parkNanos(5_000_000); // polling with a deadline
        }
    }
}
