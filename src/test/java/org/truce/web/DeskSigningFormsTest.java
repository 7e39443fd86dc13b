package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.BodySigner;
import org.truce.support.TestNode;

/**
 * The desk's incident form in a signing body's name, over HTTP: refused with the signing box and the
 * bytes to sign, then recorded once the form carries the signature (what desk-sign.js puts there).
 */
class DeskSigningFormsTest {
    @TempDir
    Path dir;

    private static TestNode.Response form(TestNode node, String path, String token, String body) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void an_incident_form_of_a_signing_body_shows_what_to_sign_and_takes_the_signature() {
        try (TestNode node = TestNode.withDemo(dir)) {
            String reporter = node.account("anama", "anama", "desk-rep", Role.REPORTER);
            BodySigner signer = new BodySigner("anama");
            String key = TestNode.JSON.createObjectNode().put("body", "anama").put("key", signer.rawBase64()).toString();
            assertThat(node.post("/api/v1/admin/body-keys", key, node.token).status()).isEqualTo(201);
            String id = UUID.randomUUID().toString();
            String fields = "id=" + id + "&source=anama&date=2021-02-01&timePrecision=day&geoPrecision=near"
                    + "&eventType=" + enc("Explosions/Remote violence") + "&subEventType=" + enc("Remote explosive/landmine/IED")
                    + "&account=" + enc("An explosion was heard") + "&location.lon=46.9&location.lat=39.85";
            long before = node.truce.ledger().size();

            TestNode.Response refused = form(node, "/desk/incidents/new", reporter, fields);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("id=\"signing\"").contains("href=\"#f-signature-keyId\"")
                    .contains("<script src=\"/assets/desk-sign.js\" defer></script>");
            Matcher message = Pattern.compile("data-message=\"([A-Za-z0-9+/=]+)\"").matcher(refused.body());
            assertThat(message.find()).isTrue();
            assertThat(node.truce.ledger().size()).isEqualTo(before);

            String signature = Base64.getEncoder().encodeToString(signer.sign(Base64.getDecoder().decode(message.group(1))));
            TestNode.Response ok = form(node, "/desk/incidents/new", reporter, fields + "&signature.keyId=" + signer.key.keyId()
                    + "&signature.signature=" + enc(signature));
            assertThat(ok.status()).as(ok.body()).isEqualTo(303);
            assertThat(node.truce.ledger().entry(id).orElseThrow().payload().at("/bodySignature/keyId").asText())
                    .isEqualTo(signer.key.keyId());
        }
    }
}
