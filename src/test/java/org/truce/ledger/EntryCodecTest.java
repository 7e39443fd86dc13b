package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryCodecTest {
    private static final String[] AWKWARD = {"plain", "with \"quotes\" and \\ backslash", "tab\there\nnewline",
            "\u0001\u001f control", "Ստեփանակերտ / Xankəndi", "emoji \ud83d\ude00", "\u2028 line separator", "", "€"};

    @Test
    void framing_a_canonical_payload_gives_exactly_the_rfc_8785_bytes_of_the_whole_entry() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            ObjectNode payload = EntryCodec.mapper().createObjectNode();
            payload.put("b" + random.nextInt(9), AWKWARD[random.nextInt(AWKWARD.length)]);
            payload.put("a", AWKWARD[random.nextInt(AWKWARD.length)]);
            payload.putObject("nested").put("z", "1.50").putNull("y").putArray("x").add("q").add(7);
            Entry e = new Entry(random.nextInt(1_000_000), Instant.ofEpochMilli(1_600_000_000_000L + random.nextInt()),
                    "report.filed", AWKWARD[random.nextInt(AWKWARD.length)], AWKWARD[random.nextInt(AWKWARD.length)] + i, payload);
            byte[] framed = EntryCodec.frame(e.seq(), e.recordedAt(), e.type(), e.author(), e.clientId(), EntryCodec.canonical(payload));
            assertThat(new String(framed, StandardCharsets.UTF_8)).isEqualTo(new String(EntryCodec.encode(e), StandardCharsets.UTF_8));
            assertThat(EntryCodec.decode(framed)).isEqualTo(e);
        }
    }

    @Test
    void the_fast_canonical_path_agrees_with_the_rfc_8785_canonicaliser_on_random_trees() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 3000; i++) {
            com.fasterxml.jackson.databind.JsonNode tree = EntryCodec.mapper().createArrayNode().add(randomTree(random, 0));
            String json = EntryCodec.mapper().writeValueAsString(tree);
            byte[] reference = new org.erdtman.jcs.JsonCanonicalizer(json).getEncodedUTF8();
            assertThat(new String(EntryCodec.canonical(tree), StandardCharsets.UTF_8)).as(json)
                    .isEqualTo(new String(reference, StandardCharsets.UTF_8));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode randomTree(Random random, int depth) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        int kind = depth > 3 ? random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0: return f.textNode(AWKWARD[random.nextInt(AWKWARD.length)] + random.nextInt(100));
            case 1: return random.nextBoolean() ? f.numberNode(random.nextInt()) : f.numberNode(random.nextLong() >> 12);
            case 2: return random.nextBoolean() ? f.nullNode() : f.booleanNode(random.nextBoolean());
            case 3: return f.numberNode(new java.math.BigDecimal(random.nextInt(100000)).movePointLeft(random.nextInt(4)));
            case 4: {
                ObjectNode o = f.objectNode();
                for (int k = random.nextInt(5); k > 0; k--) o.set(AWKWARD[random.nextInt(AWKWARD.length)] + k, randomTree(random, depth + 1));
                return o;
            }
            default: {
                var a = f.arrayNode();
                for (int k = random.nextInt(4); k > 0; k--) a.add(randomTree(random, depth + 1));
                return a;
            }
        }
    }

    @Test
    void canonical_form_sorts_keys_and_drops_whitespace() {
        ObjectNode n = EntryCodec.mapper().createObjectNode().put("b", 1).put("a", "x");
        assertThat(new String(EntryCodec.canonical(n), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"x\",\"b\":1}");
    }
}
