package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.PlantedEntries;
import org.truce.accounts.Role;
import org.truce.ledger.Entry;
import org.truce.support.BodySigner;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * The forgery test of the store: an operator who holds the node's key plants entries in a signing
 * body's name straight into the SQLite file and signs a new head over them, so the tree and every head
 * verify; {@code truce verify} still names each planted entry, because it lacks the body's signature.
 */
class BodySignatureVerifyTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    static final String AZ = "az-government";

    @Test
    void entries_planted_in_the_store_in_a_signing_bodys_name_are_named_by_verify() throws Exception {
        BodySigner signer = new BodySigner(AZ);
        Entry signed;
        try (TestNode node = TestNode.withDemo(dir)) {
            String az = node.account(AZ, AZ, "rep-az", Role.REPORTER);
            String key = TestNode.JSON.createObjectNode().put("body", AZ).put("key", signer.key.verifierKey()).toString();
            assertThat(node.post("/api/v1/admin/body-keys", key, node.token).status()).isEqualTo(201);
            ObjectNode item = Reports.valid(UUID.randomUUID().toString()).put("source", AZ);
            item.remove("document");
            var asked = node.post("/api/v1/reports", item.toString(), az);
            item.set("signature", signer.signature(Base64.getDecoder().decode(asked.json().at("/toSign/0/message").asText())));
            assertThat(node.post("/api/v1/reports", item.toString(), az).status()).isEqualTo(201);
            signed = node.truce.ledger().entry(item.get("id").asText()).orElseThrow();
        }
        Path pub = elsewhere.resolve("node.pub");
        Files.copy(dir.resolve("node-key.pub"), pub);
        CliRun clean = CliRun.of("verify", "--data", dir.toString(), "--public-key", pub.toString());
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("Every entry in the name of a body that signs carries its valid signature");

        // the operator's forgeries: the signed report with its value changed (the old signature kept),
        // and one in the body's name with no signature at all
        ObjectNode changed = signed.payload().deepCopy();
        changed.put("value", "99999").put("id", "forged-1");
        ObjectNode bare = signed.payload().deepCopy();
        bare.remove("bodySignature");
        bare.put("value", "77777").put("id", "forged-2");
        long first = plant(changed, "forged-1", signed);
        plant(bare, "forged-2", signed);

        CliRun run = CliRun.of("verify", "--data", dir.toString(), "--public-key", pub.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: 2 entries do not carry the signature of the body they speak for:")
                .contains("seq " + first + " (forged-1): the signature by az-government (key " + signer.key.keyId()
                        + ") does not verify over its payload")
                .contains("seq " + (first + 1) + " (forged-2): it speaks in the name of az-government, which signs with key "
                        + signer.key.keyId())
                .contains("signed heads and the pinned checkpoints verify; the entries above do not");
        assertThat(run.out()).doesNotContain("seq " + signed.seq() + " (");
    }

    /** Appends an entry after the last and a head over it signed with the node's own key, as its operator could. */
    private long plant(ObjectNode payload, String clientId, Entry like) throws Exception {
        return PlantedEntries.plant(dir, stored -> new Entry(stored.size(), like.recordedAt(), like.type(), like.author(), clientId, payload));
    }
}
