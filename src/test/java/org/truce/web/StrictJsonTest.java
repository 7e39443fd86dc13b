package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Bodies that are JSON but not I-JSON (RFC 7493) are refused with 400 naming the place, and write
 * nothing: a duplicate member name (which would otherwise let the last one win unseen) and text that
 * is not valid Unicode (which canonical JSON could not hash as sent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictJsonTest {
    private static final String ID = "00000000-0000-4000-8000-0000000000d1";
    TestNode node;

    @BeforeAll
    void start(@TempDir Path dir) {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    /** A valid report as text, with {@code member} (raw JSON, e.g. {@code "value":1301}) added last. */
    private static String reportWith(String member) {
        String valid = Reports.valid(ID).toString();
        return valid.substring(0, valid.length() - 1) + "," + member + "}";
    }

    @Test
    void a_duplicate_member_name_is_a_400_naming_its_pointer_and_nothing_is_written() {
        long size = node.truce.ledger().size();
        var r = node.post("/api/v1/reports", "[" + reportWith("\"value\":1301") + "]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("malformed_json");
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/0/value");
        assertThat(r.json().at("/errors/0/detail").asText()).contains("more than once");
        assertThat(r.body()).doesNotContain("1301");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_duplicate_inside_a_nested_object_is_named_by_its_escaped_pointer() {
        var r = node.post("/api/v1/reports", reportWith("\"breakdown\":{\"a/b~c\":1,\"a/b~c\":2}"));
        assertThat(r.status()).isEqualTo(400);
        // the first duplicate met is "breakdown" itself, which the valid report already has
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/breakdown");
        var nested = node.post("/api/v1/reports", "{\"x\":{\"a/b~c\":1,\"a/b~c\":2}}");
        assertThat(nested.json().at("/errors/0/pointer").asText()).isEqualTo("/x/a~1b~0c");
    }

    @Test
    void an_escaped_unpaired_surrogate_is_a_400_naming_its_pointer_without_quoting_the_text() {
        long size = node.truce.ledger().size();
        String body = Reports.valid(ID).put("attribution", "PLACEHOLDER").toString()
                .replace("PLACEHOLDER", "Medics helped Anahit \\ud800 Petrosyan");
        var r = node.post("/api/v1/reports", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/attribution");
        assertThat(r.json().at("/errors/0/detail").asText()).contains("unpaired");
        assertThat(r.body()).doesNotContain("Anahit", "Petrosyan", "?");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void an_unpaired_surrogate_in_a_member_name_names_the_object_holding_it() {
        var r = node.post("/api/v1/reports", "[" + reportWith("\"\\udc00x\":1") + "]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/0");
        assertThat(r.json().at("/errors/0/detail").asText()).contains("member name");
    }

    @Test
    void raw_bytes_that_are_not_utf8_are_a_400_naming_the_pointer() {
        long size = node.truce.ledger().size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String body = Reports.valid(ID).put("attribution", "PLACEHOLDER").toString();
        int at = body.indexOf("PLACEHOLDER");
        bytes.writeBytes(body.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a surrogate encoded as UTF-8 (CESU-8): not UTF-8
        bytes.writeBytes(body.substring(at + "PLACEHOLDER".length()).getBytes(StandardCharsets.UTF_8));
        var r = node.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/reports"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + node.token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/attribution");
        assertThat(r.json().at("/errors/0/detail").asText()).contains("UTF-8");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_surrogate_pair_is_valid_text_and_is_recorded() {
        String body = Reports.valid("00000000-0000-4000-8000-0000000000d2").put("attribution", "PLACEHOLDER").toString()
                .replace("PLACEHOLDER", "Medics helped \\ud83d\\ude91 1,300 residents");
        var r = node.post("/api/v1/reports", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
