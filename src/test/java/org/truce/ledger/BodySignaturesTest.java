package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.support.BodySigner;
import org.truce.support.MemoryRecord;

/** The bytes a body signs, a key's validity over ledger positions, and the seal of the one append path. */
class BodySignaturesTest {
    static final String AZ = "az-government";
    static final Instant T = Instant.parse("2021-01-11T12:00:00Z");

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) EntryCodec.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode report(String id, String source) {
        return json("{\"value\":\"351\",\"source\":\"" + source + "\",\"id\":\"" + id + "\",\"attribution\":\"Ümumi: 351 nəfər\"}");
    }

    private static Entry entry(long seq, String type, String clientId, JsonNode payload) {
        return new Entry(seq, T, type, "org", clientId, payload);
    }

    private static Entry registered(long seq, BodyKey key) {
        return entry(seq, BodySignatures.KEY_REGISTERED, "body-key:" + key.keyId(),
                json("{}").put("body", key.body()).put("key", key.verifierKey()).put("keyId", key.keyId()));
    }

    private static Entry revoked(long seq, BodyKey key) {
        return entry(seq, BodySignatures.KEY_REVOKED, "body-key:" + key.keyId() + ":revoked",
                json("{}").put("body", key.body()).put("keyId", key.keyId()).put("reason", "lost"));
    }

    private static Entry signedReport(long seq, String id, BodySigner signer) {
        ObjectNode payload = report(id, signer.key.body());
        byte[] signature = signer.sign(BodySignatures.message("report.filed", id, payload));
        payload.set(BodySignature.MEMBER, new BodySignature(signer.key.keyId(), signature).json());
        return entry(seq, "report.filed", id, payload);
    }

    @Test
    void the_signed_bytes_are_the_canonical_entry_without_the_servers_fields_nor_the_signature() {
        ObjectNode payload = report("r-1", AZ);
        String expected = "{\"clientId\":\"r-1\",\"payload\":{\"attribution\":\"Ümumi: 351 nəfər\",\"id\":\"r-1\","
                + "\"source\":\"az-government\",\"value\":\"351\"},\"type\":\"report.filed\"}";
        assertThat(new String(BodySignatures.message("report.filed", "r-1", payload), StandardCharsets.UTF_8)).isEqualTo(expected);
        ObjectNode withSignature = payload.deepCopy();
        withSignature.putObject(BodySignature.MEMBER).put("keyId", "00000000").put("signature", "x");
        assertThat(BodySignatures.message("report.filed", "r-1", withSignature))
                .isEqualTo(BodySignatures.message("report.filed", "r-1", payload));
        assertThat(payload.has(BodySignature.MEMBER)).isFalse();
    }

    @Test
    void a_cases_sealed_members_are_not_signed_since_they_are_sealed_anew_on_each_attempt() {
        ObjectNode once = json("{\"id\":\"c-1\",\"source\":\"anama\",\"kind\":\"detainee\",\"personal\":{\"nonce\":\"a\"},"
                + "\"terms\":{\"nonce\":\"b\"}}");
        ObjectNode again = json("{\"id\":\"c-1\",\"source\":\"anama\",\"kind\":\"detainee\",\"personal\":{\"nonce\":\"c\"},"
                + "\"terms\":{\"nonce\":\"d\"}}");
        assertThat(new String(BodySignatures.message("case.opened", "c-1", once), StandardCharsets.UTF_8))
                .isEqualTo("{\"clientId\":\"c-1\",\"payload\":{\"id\":\"c-1\",\"kind\":\"detainee\",\"source\":\"anama\"},"
                        + "\"type\":\"case.opened\"}");
        assertThat(BodySignatures.message("case.opened", "c-1", again)).isEqualTo(BodySignatures.message("case.opened", "c-1", once));
        assertThat(once.has("personal")).isTrue();
        // elsewhere a member of that name is signed like any other
        assertThat(new String(BodySignatures.message("report.filed", "c-1", once), StandardCharsets.UTF_8)).contains("personal");
    }

    @Test
    void the_body_an_entry_speaks_for_is_named_by_its_type() {
        assertThat(BodySignatures.speaker("report.filed", report("r", AZ))).contains(AZ);
        assertThat(BodySignatures.speaker("accord.assessment", json("{\"assessor\":\"jmc\",\"source\":\"x\"}"))).contains("jmc");
        assertThat(BodySignatures.speaker("accord.version", json("{\"publisher\":\"am-government\"}"))).contains("am-government");
        assertThat(BodySignatures.speaker("source.declared", json("{\"source\":\"x\"}"))).isEmpty();
        assertThat(BodySignatures.speaker("accord.amendment", json("{\"source\":null}"))).isEmpty();
    }

    @Test
    void a_key_is_valid_after_its_registration_until_a_rotation_or_its_revocation() {
        BodySigner first = new BodySigner(AZ);
        BodySigner second = new BodySigner(AZ);
        BodyKeys keys = new BodyKeys();
        keys.applied(registered(3, first.key));
        keys.applied(registered(7, second.key));
        keys.applied(revoked(9, second.key));
        assertThat(keys.validAt(AZ, 3)).isEmpty();
        assertThat(keys.validAt(AZ, 4)).contains(first.key);
        assertThat(keys.validAt(AZ, 6)).contains(first.key);
        assertThat(keys.validAt(AZ, 7)).isEmpty();
        assertThat(keys.validAt(AZ, 8)).contains(second.key);
        assertThat(keys.validAt(AZ, 10)).isEmpty();
        assertThat(keys.current(AZ)).isEmpty();
        assertThat(keys.history(AZ)).extracting(BodyKeys.Period::reason).containsExactly(null, "lost");
    }

    @Test
    void check_takes_each_entry_against_the_key_valid_at_its_position_and_names_every_failure() {
        BodySigner first = new BodySigner(AZ);
        BodySigner second = new BodySigner(AZ);
        List<Entry> log = new ArrayList<>();
        log.add(entry(0, "report.filed", "before", report("before", AZ)));          // before any key: unsigned is fine
        log.add(registered(1, first.key));
        log.add(signedReport(2, "good-1", first));
        log.add(entry(3, "report.filed", "bare", report("bare", AZ)));              // own voice, unsigned
        ObjectNode transcribed = report("copied", AZ).put(BodySignature.TRANSCRIBED, true);
        log.add(entry(4, "report.filed", "copied", transcribed));                   // another organisation's transcription
        log.add(registered(5, second.key));
        log.add(signedReport(6, "stale", first));                                  // signed with the key rotated away
        log.add(signedReport(7, "good-2", second));
        Entry tampered = signedReport(8, "tampered", second);
        ((ObjectNode) tampered.payload()).put("value", "999");
        log.add(tampered);
        log.add(revoked(9, second.key));
        log.add(signedReport(10, "after", second));                                // no valid key any more
        log.add(signedReport(11, "other", new BodySigner("am-government")));       // am-government never had a key

        assertThat(BodySignatures.check(log)).extracting(BodySignatures.Failure::seq).containsExactly(3L, 6L, 8L, 10L, 11L);
        assertThat(BodySignatures.check(log).get(1).reason())
                .isEqualTo("it is signed with key " + first.key.keyId() + ", but the key of az-government valid at its position is "
                        + second.key.keyId());
        assertThat(BodySignatures.check(log).get(2).reason()).contains("does not verify over its payload");
    }

    @Test
    void the_one_append_path_seals_a_signed_draft_and_refuses_an_unsigned_one_writing_nothing() {
        BodySigner signer = new BodySigner(AZ);
        try (MemoryRecord record = new MemoryRecord()) {
            Ledger ledger = record.ledger();
            ledger.bodyKeys().changing(() -> ledger.append(List.of(new Draft(BodySignatures.KEY_REGISTERED, "admin",
                    "body-key:" + signer.key.keyId(), registered(0, signer.key).payload()))));
            long size = ledger.size();
            // no request at all (a command, an import): refused all the same
            Draft bare = new Draft("report.filed", "org", "r-1", report("r-1", AZ));
            assertThatThrownBy(() -> ledger.append(List.of(bare))).isInstanceOfSatisfying(BodyKeys.Unsigned.class, u -> {
                assertThat(u.items()).singleElement().satisfies(i -> {
                    assertThat(i.keyId()).isEqualTo(signer.key.keyId());
                    assertThat(i.message()).isEqualTo(BodySignatures.message("report.filed", "r-1", bare.payload()));
                });
            });
            assertThat(ledger.size()).isEqualTo(size);

            BodySignature good = new BodySignature(signer.key.keyId(), signer.sign(BodySignatures.message("report.filed", "r-1", bare.payload())));
            AppendResult result = BodyKeys.signing(new BodyKeys.Request(Map.of("r-1", good), Set.of()), () -> ledger.append(List.of(bare)));
            Entry kept = ((AppendResult.Accepted) result).outcomes().get(0).entry();
            assertThat(kept.payload().get(BodySignature.MEMBER)).isEqualTo(good.json());
            assertThat(ledger.bodyKeys().attestation(kept.seq())).isEqualTo(BodyKeys.Attestation.SIGNED);
            // the same signed request again is an idempotent retry
            AppendResult again = BodyKeys.signing(new BodyKeys.Request(Map.of("r-1", good), Set.of()), () -> ledger.append(List.of(bare)));
            assertThat(((AppendResult.Accepted) again).outcomes().get(0).created()).isFalse();

            Draft copied = new Draft("report.filed", "unhcr", "r-2", report("r-2", AZ));
            AppendResult t = BodyKeys.signing(new BodyKeys.Request(Map.of(), Set.of("r-2")), () -> ledger.append(List.of(copied)));
            Entry transcription = ((AppendResult.Accepted) t).outcomes().get(0).entry();
            assertThat(transcription.payload().path(BodySignature.TRANSCRIBED).asBoolean()).isTrue();
            assertThat(ledger.bodyKeys().attestation(transcription.seq())).isEqualTo(BodyKeys.Attestation.TRANSCRIBED);
        }
    }
}
