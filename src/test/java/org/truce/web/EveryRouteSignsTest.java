package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.ledger.BodySignatures;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.StoredEntry;
import org.truce.support.BodySigner;
import org.truce.support.TestNode;

/**
 * Every JSON write route in a body's name goes through the same seal: in the name of a body that
 * signs, an unsigned item is refused with the bytes to sign, and the same item signed is recorded and
 * verifies. The bodies are the authorization matrix's valid ones, in ANAMA's name.
 */
class EveryRouteSignsTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static String reporter;
    static BodySigner anama = new BodySigner("anama");
    static AuthorizationMatrixTest bodies = new AuthorizationMatrixTest();

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        reporter = node.account("anama", "anama", "every-route", Role.REPORTER);
        String key = TestNode.JSON.createObjectNode().put("body", "anama").put("key", anama.rawBase64()).toString();
        assertThat(node.post("/api/v1/admin/body-keys", key, node.token).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/reports, report-anama", "/api/v1/geometries, geometry-anama", "/api/v1/statuses, status-anama",
            "/api/v1/assessments, assessment-anama", "/api/v1/remit-claims, remit-anama", "/api/v1/incidents, incident-anama",
            "/api/v1/claims, claim-anama", "/api/v1/nil-reports, nil-anama", "/api/v1/cases, case-anama"})
    void an_item_in_a_signing_bodys_name_is_recorded_only_signed(String path, String bodyName) throws Exception {
        ObjectNode item = (ObjectNode) TestNode.JSON.readTree(bodies.body(bodyName));
        long size = node.truce.ledger().size();
        TestNode.Response asked = node.post(path, item.toString(), reporter);
        assertThat(asked.status()).as(asked.body()).isEqualTo(403);
        assertThat(asked.json().path("code").asText()).isEqualTo("body_signature");
        assertThat(node.truce.ledger().size()).isEqualTo(size);

        item.set("signature", anama.signature(Base64.getDecoder().decode(asked.json().at("/toSign/0/message").asText())));
        TestNode.Response signed = node.post(path, item.toString(), reporter);
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(node.truce.ledger().entry(item.get("id").asText()).orElseThrow().payload().at("/bodySignature/keyId").asText())
                .isEqualTo(anama.key.keyId());

        List<Entry> all = new ArrayList<>();
        for (StoredEntry s : node.truce.ledger().read(0, Integer.MAX_VALUE)) all.add(EntryCodec.decode(s.bytes()));
        assertThat(BodySignatures.check(all)).isEmpty();
    }
}
