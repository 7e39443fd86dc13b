package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.ledger.BodySignatures;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.StoredEntry;
import org.truce.support.BodySigner;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * The forgery test over HTTP on a real node: once a body has registered its key, a report in its name
 * without its signature, or with a wrong one, is refused and writes nothing; a good one is accepted,
 * kept and shown as signed; rotation and revocation take effect from their ledger position.
 */
class BodySignaturesApiTest {
    @TempDir
    Path dir;

    static final String AZ = "az-government";

    private int value = 1300;

    /** A report of the body's own, each of another value (the same figure twice is a repeat, 409). */
    private ObjectNode report(String source) {
        ObjectNode r = Reports.valid(UUID.randomUUID().toString()).put("source", source).put("value", value++);
        r.remove("document");
        return r;
    }

    private static TestNode.Response register(TestNode node, String key) {
        return node.post("/api/v1/admin/body-keys", TestNode.JSON.createObjectNode().put("body", AZ).put("key", key).toString(), node.token);
    }

    /** Posts unsigned, reads the bytes the node asks to be signed, posts again signed by {@code signer}. */
    private static TestNode.Response signedPost(TestNode node, ObjectNode item, BodySigner signer, String token) {
        return signer.post(node, "/api/v1/reports", item, token);
    }

    private static List<Entry> entries(TestNode node) {
        List<Entry> out = new ArrayList<>();
        for (StoredEntry s : node.truce.ledger().read(0, Integer.MAX_VALUE)) out.add(EntryCodec.decode(s.bytes()));
        return out;
    }

    @Test
    void a_report_in_a_signing_bodys_name_without_its_signature_is_refused_and_names_the_bytes_to_sign() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account(AZ, AZ, "rep-az", Role.REPORTER);
            BodySigner signer = new BodySigner(AZ);
            TestNode.Response reg = register(node, signer.key.verifierKey());
            assertThat(reg.status()).as(reg.body()).isEqualTo(201);
            assertThat(reg.json().path("keyId").asText()).isEqualTo(signer.key.keyId());
            long size = node.truce.ledger().size();

            ObjectNode item = report(AZ);
            TestNode.Response r = node.post("/api/v1/reports", item.toString(), az);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().path("code").asText()).isEqualTo("body_signature");
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/signature");
            assertThat(r.json().at("/errors/0/detail").asText()).contains("carries neither its signature");
            assertThat(r.json().at("/toSign/0/keyId").asText()).isEqualTo(signer.key.keyId());
            String message = new String(Base64.getDecoder().decode(r.json().at("/toSign/0/message").asText()), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(message).startsWith("{\"clientId\":\"" + item.get("id").asText() + "\",\"payload\":{")
                    .endsWith(",\"type\":\"report.filed\"}").contains("\"source\":\"az-government\"");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }

    @Test
    void a_wrong_signature_is_refused_and_a_good_one_is_kept_and_shown_as_signed() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account(AZ, AZ, "rep-az", Role.REPORTER);
            BodySigner signer = new BodySigner(AZ);
            BodySigner impostor = new BodySigner(AZ);
            assertThat(register(node, signer.rawBase64()).status()).isEqualTo(201);
            long size = node.truce.ledger().size();

            // the impostor's key id is not the body's
            ObjectNode item = report(AZ);
            TestNode.Response wrongKey = signedPost(node, item, impostor, az);
            assertThat(wrongKey.status()).isEqualTo(403);
            assertThat(wrongKey.json().at("/errors/0/pointer").asText()).isEqualTo("/signature");
            assertThat(wrongKey.json().at("/errors/0/detail").asText()).contains("signed with key " + impostor.key.keyId());
            // the body's key id, another key's signature
            ObjectNode forged = item.deepCopy();
            forged.set("signature", impostor.signature(new byte[] {1}).put("keyId", signer.key.keyId()));
            TestNode.Response bad = node.post("/api/v1/reports", forged.toString(), az);
            assertThat(bad.status()).isEqualTo(403);
            assertThat(bad.json().at("/errors/0/detail").asText()).contains("does not verify");
            // a malformed signature is bad input, at its member
            ObjectNode malformed = item.deepCopy();
            malformed.putObject("signature").put("keyId", signer.key.keyId()).put("signature", "not base64!");
            TestNode.Response m = node.post("/api/v1/reports", malformed.toString(), az);
            assertThat(m.status()).isEqualTo(422);
            assertThat(m.json().at("/errors/0/pointer").asText()).isEqualTo("/signature/signature");
            assertThat(node.truce.ledger().size()).isEqualTo(size);

            TestNode.Response good = signedPost(node, item, signer, az);
            assertThat(good.status()).as(good.body()).isEqualTo(201);
            Entry kept = node.truce.ledger().entry(item.get("id").asText()).orElseThrow();
            assertThat(kept.payload().at("/bodySignature/keyId").asText()).isEqualTo(signer.key.keyId());
            assertThat(BodySignatures.check(entries(node))).isEmpty();

            JsonNode figure = node.get("/api/v1/figures?metric=medical_assistance&source=" + AZ + "&place=nk&asOf=2021-01-20").json();
            assertThat(figure.at("/parts/0/seq").asLong()).isEqualTo(kept.seq());
            assertThat(figure.at("/parts/0/signature").asText()).isEqualTo("signed");
            String entries = "ledger entries: " + kept.seq() + ".";
            assertThat(node.get("/api/v1/bulletins/2021-01-20?format=text&lang=en", node.token).body())
                    .contains("Signed by the body itself with its own key (").contains(entries);
            assertThat(node.get("/api/v1/bulletins/2021-01-20?format=text&lang=ru", node.token).body())
                    .contains("Подписано собственным ключом правительства Азербайджана; записи реестра: " + kept.seq() + ".");
            assertThat(node.get("/api/v1/bulletins/2021-01-20?format=json&lang=de", node.token).json().toString())
                    .contains("Mit dem eigenen Schlüssel der Regierung Aserbaidschans signiert");
        }
    }

    @Test
    void in_an_array_each_unsigned_item_is_named_and_nothing_of_the_request_is_written() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account(AZ, AZ, "rep-az", Role.REPORTER);
            BodySigner signer = new BodySigner(AZ);
            assertThat(register(node, signer.rawBase64()).status()).isEqualTo(201);
            long size = node.truce.ledger().size();
            ObjectNode first = report(AZ);
            ObjectNode second = report(AZ);
            TestNode.Response asked = node.post("/api/v1/reports", "[" + first + "," + second + "]", az);
            assertThat(asked.status()).isEqualTo(403);
            assertThat(asked.json().at("/errors/0/pointer").asText()).isEqualTo("/0/signature");
            assertThat(asked.json().at("/errors/1/pointer").asText()).isEqualTo("/1/signature");
            // the first signed, the second not: still nothing is written
            first.set("signature", signer.signature(Base64.getDecoder().decode(asked.json().at("/toSign/0/message").asText())));
            TestNode.Response half = node.post("/api/v1/reports", "[" + first + "," + second + "]", az);
            assertThat(half.status()).isEqualTo(403);
            assertThat(half.json().path("errors").size()).isEqualTo(1);
            assertThat(half.json().at("/errors/0/pointer").asText()).isEqualTo("/1/signature");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
            second.set("signature", signer.signature(Base64.getDecoder().decode(asked.json().at("/toSign/1/message").asText())));
            TestNode.Response both = node.post("/api/v1/reports", "[" + first + "," + second + "]", az);
            assertThat(both.status()).as(both.body()).isEqualTo(200);
            assertThat(node.truce.ledger().size()).isEqualTo(size + 2);
        }
    }

    @Test
    void a_transcription_by_another_organisation_is_marked_and_needs_no_signature() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String desk = node.account("unhcr", "unhcr", "trans", Role.TRANSCRIBER);
            BodySigner signer = new BodySigner(AZ);
            assertThat(register(node, signer.rawBase64()).status()).isEqualTo(201);
            ObjectNode cited = Reports.valid(UUID.randomUUID().toString()).put("source", AZ);
            TestNode.Response r = node.post("/api/v1/reports", cited.toString(), desk);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            Entry kept = node.truce.ledger().entry(cited.get("id").asText()).orElseThrow();
            assertThat(kept.payload().path("transcribed").asBoolean()).isTrue();
            assertThat(kept.payload().has("bodySignature")).isFalse();
            assertThat(node.get("/api/v1/bulletins/2021-01-20?format=text&lang=en", node.token).body())
                    .contains("Recorded by a transcriber of another organisation from the cited document; not signed by the body (");
            assertThat(node.get("/api/v1/figures?metric=medical_assistance&source=" + AZ + "&place=nk&asOf=2021-01-20").json()
                    .at("/parts/0/signature").asText()).isEqualTo("transcribed");
            assertThat(BodySignatures.check(entries(node))).isEmpty();
        }
    }

    @Test
    void after_a_rotation_only_the_new_key_signs_and_old_entries_still_verify_against_the_old_key() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account(AZ, AZ, "rep-az", Role.REPORTER);
            BodySigner first = new BodySigner(AZ);
            BodySigner second = new BodySigner(AZ);
            assertThat(register(node, first.key.verifierKey()).status()).isEqualTo(201);
            assertThat(signedPost(node, report(AZ), first, az).status()).isEqualTo(201);
            TestNode.Response rotated = register(node, second.key.verifierKey());
            assertThat(rotated.status()).isEqualTo(201);

            TestNode.Response old = signedPost(node, report(AZ), first, az);
            assertThat(old.status()).isEqualTo(403);
            assertThat(old.json().at("/errors/0/detail").asText()).contains("signed with key " + first.key.keyId());
            assertThat(signedPost(node, report(AZ), second, az).status()).isEqualTo(201);

            // a retired key never comes back
            TestNode.Response back = register(node, first.key.verifierKey());
            assertThat(back.status()).isEqualTo(422);
            assertThat(back.json().at("/errors/0/pointer").asText()).isEqualTo("/key");

            JsonNode keys = node.get("/api/v1/body-keys").json();
            assertThat(keys.size()).isEqualTo(2);
            assertThat(keys.get(0).path("keyId").asText()).isEqualTo(first.key.keyId());
            assertThat(keys.get(0).path("validUntil").asLong()).isEqualTo(rotated.json().path("seq").asLong());
            assertThat(keys.get(1).path("current").asBoolean()).isTrue();
            assertThat(BodySignatures.check(entries(node))).isEmpty();
        }
    }

    @Test
    void after_a_revocation_the_body_signs_nothing_until_it_registers_a_new_key() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account(AZ, AZ, "rep-az", Role.REPORTER);
            BodySigner signer = new BodySigner(AZ);
            assertThat(register(node, signer.rawBase64()).status()).isEqualTo(201);
            assertThat(signedPost(node, report(AZ), signer, az).status()).isEqualTo(201);
            String revocation = TestNode.JSON.createObjectNode().put("body", AZ).put("keyId", signer.key.keyId())
                    .put("reason", "the private key was lost").toString();
            assertThat(node.post("/api/v1/admin/body-keys/revocations", revocation, node.token).status()).isEqualTo(201);
            assertThat(node.post("/api/v1/admin/body-keys/revocations", revocation, node.token).status()).isEqualTo(200);

            ObjectNode item = report(AZ);
            ObjectNode signed = item.deepCopy();
            signed.set("signature", signer.signature(new byte[] {0}));
            TestNode.Response r = node.post("/api/v1/reports", signed.toString(), az);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().at("/errors/0/detail").asText()).contains("had no valid key");
            assertThat(node.post("/api/v1/reports", item.toString(), az).status()).isEqualTo(201);
            assertThat(node.get("/api/v1/body-keys").json().get(0).path("revoked").asText()).isEqualTo("the private key was lost");
            assertThat(BodySignatures.check(entries(node))).isEmpty();
        }
    }

    @Test
    void a_revocation_reason_that_changes_direction_is_refused_and_writes_nothing() {
        try (TestNode node = TestNode.withDemo(dir)) {
            BodySigner signer = new BodySigner(AZ);
            assertThat(register(node, signer.rawBase64()).status()).isEqualTo(201);
            long size = node.truce.ledger().size();
            // "key lost 0052" reads "key lost 2500" on a page: the reason goes into the public ledger
            String revocation = TestNode.JSON.createObjectNode().put("body", AZ).put("keyId", signer.key.keyId())
                    .put("reason", "key lost \u202E0052").toString();
            TestNode.Response r = node.post("/api/v1/admin/body-keys/revocations", revocation, node.token);
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/reason");
            assertThat(r.json().at("/errors/0/detail").asText()).contains("U+202E");
            // and the same rule as every write route: an unknown field is named, not ignored
            TestNode.Response extra = node.post("/api/v1/admin/body-keys",
                    "{\"body\":\"az-government\",\"key\":\"" + signer.rawBase64() + "\",\"note\":\"x\"}", node.token);
            assertThat(extra.status()).as(extra.body()).isEqualTo(422);
            assertThat(extra.json().at("/errors/0/pointer").asText()).isEqualTo("/note");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
            assertThat(node.truce.ledger().bodyKeys().current(AZ)).contains(signer.key);
        }
    }

    @Test
    void key_routes_refuse_bad_input_naming_the_field() {
        try (TestNode node = TestNode.withDemo(dir)) {
            long size = node.truce.ledger().size();
            TestNode.Response unknown = node.post("/api/v1/admin/body-keys", "{\"body\":\"nobody\",\"key\":\"AAAA\"}", node.token);
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().at("/errors/0/pointer").asText()).isEqualTo("/body");
            TestNode.Response shortKey = node.post("/api/v1/admin/body-keys", "{\"body\":\"az-government\",\"key\":\"AAAA\"}", node.token);
            assertThat(shortKey.status()).isEqualTo(422);
            assertThat(shortKey.json().at("/errors/0/pointer").asText()).isEqualTo("/key");
            String otherName = new BodySigner("am-government").key.verifierKey();
            TestNode.Response named = register(node, otherName);
            assertThat(named.status()).isEqualTo(422);
            assertThat(named.json().at("/errors/0/detail").asText()).contains("named after the body");
            TestNode.Response noKey = node.post("/api/v1/admin/body-keys/revocations",
                    "{\"body\":\"az-government\",\"keyId\":\"0011aabb\",\"reason\":\"x\"}", node.token);
            assertThat(noKey.status()).isEqualTo(422);
            assertThat(noKey.json().at("/errors/0/pointer").asText()).isEqualTo("/keyId");
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }
}
