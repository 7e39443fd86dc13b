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
    void canonical_form_sorts_keys_and_drops_whitespace() {
        ObjectNode n = EntryCodec.mapper().createObjectNode().put("b", 1).put("a", "x");
        assertThat(new String(EntryCodec.canonical(n), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"x\",\"b\":1}");
    }
}
