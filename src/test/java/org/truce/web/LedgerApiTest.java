package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.MerkleProofs;
import org.truce.ledger.NoteVerifier;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

@ExtendWith(DemoNodeExtension.class)
class LedgerApiTest {
    static final HexFormat HEX = HexFormat.of();
    TestNode node;

    @Test
    void the_head_is_a_signed_checkpoint_that_verifies_with_the_published_key() {
        JsonNode head = node.get("/api/v1/ledger/head").json();
        String key = node.get("/api/v1/ledger/key").body().trim();
        Checkpoint cp = NoteVerifier.parse(key).verify(head.get("signedNote").asText());
        assertThat(cp.size()).isEqualTo(head.get("size").asLong()).isEqualTo(node.truce.ledger().size());
        assertThat(HEX.formatHex(cp.rootHash())).isEqualTo(head.get("root").asText());
        assertThat(node.get("/api/v1/ledger/head?format=note").body()).isEqualTo(head.get("signedNote").asText());
    }

    @Test
    void every_entry_has_an_inclusion_proof_that_verifies_against_the_head() {
        long size = node.truce.ledger().size();
        byte[] root = HEX.parseHex(node.get("/api/v1/ledger/head").json().get("root").asText());
        for (long seq = 0; seq < size; seq++) {
            JsonNode p = node.get("/api/v1/ledger/proof?seq=" + seq + "&size=" + size).json();
            assertThat(MerkleProofs.verifyInclusion(HEX.parseHex(p.get("leafHash").asText()), seq, size,
                    hashes(p.get("path")), root)).as("seq " + seq).isTrue();
        }
    }

    @Test
    void consistency_proofs_between_sizes_verify() {
        long size = node.truce.ledger().size();
        for (long from = 1; from <= size; from += 7) {
            JsonNode p = node.get("/api/v1/ledger/consistency?from=" + from + "&to=" + size).json();
            assertThat(MerkleProofs.verifyConsistency(from, size, HEX.parseHex(p.get("fromRoot").asText()),
                    HEX.parseHex(p.get("toRoot").asText()), hashes(p.get("path")))).as("from " + from).isTrue();
        }
    }

    @Test
    void entries_page_through_the_ledger_with_their_leaf_hashes() {
        JsonNode page = node.get("/api/v1/ledger/entries?from=0&limit=10").json();
        assertThat(page.get("entries")).hasSize(10);
        assertThat(page.get("next").asLong()).isEqualTo(10);
        assertThat(page.at("/entries/3/entry/seq").asLong()).isEqualTo(3);
        JsonNode proof = node.get("/api/v1/ledger/proof?seq=3").json();
        assertThat(page.at("/entries/3/leafHash").asText()).isEqualTo(proof.get("leafHash").asText());
    }

    @Test
    void a_proof_beyond_the_ledger_is_a_400() {
        long size = node.truce.ledger().size();
        var r = node.get("/api/v1/ledger/proof?seq=0&size=" + (size + 1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("?size");
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HEX.parseHex(h.asText())));
        return out;
    }
}
