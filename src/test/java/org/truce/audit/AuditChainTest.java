package org.truce.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The chain rule without SQL: what a record's hash is made of, and what breaks a walk. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2021-01-11T10:00:00.123456Z");

    @Test
    void the_first_record_hashes_32_zero_bytes_then_its_canonical_json() throws Exception {
        AuditRecord first = AuditChain.link(AuditAnchor.GENESIS, AT, "acc-1", "osce", "signin.ok", null, "10.0.0.1", null);

        String json = "{\"action\":\"signin.ok\",\"actor\":\"acc-1\",\"address\":\"10.0.0.1\","
                + "\"at\":\"2021-01-11T10:00:00.123Z\",\"detail\":null,\"org\":\"osce\",\"seq\":1,\"target\":null}";
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[32]);
        String expected = HexFormat.of().formatHex(sha256.digest(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.at()).isEqualTo(Instant.parse("2021-01-11T10:00:00.123Z"));
        assertThat(first.hash()).isEqualTo(expected);
    }

    @Test
    void each_record_links_to_the_hash_of_the_one_before() {
        AuditRecord first = AuditChain.link(AuditAnchor.GENESIS, AT, "cli", null, "grant", "acc-2", "cli", "role=monitor");
        AuditRecord second = AuditChain.link(AuditAnchor.after(first), AT, "acc-2", null, "signin.ok", null, null, null);
        AuditRecord unlinked = AuditChain.link(AuditAnchor.GENESIS, AT, "acc-2", null, "signin.ok", null, null, null);

        assertThat(second.seq()).isEqualTo(2);
        assertThat(AuditChain.links(AuditAnchor.after(first), second)).isTrue();
        assertThat(second.hash()).isNotEqualTo(unlinked.hash());
    }

    @Test
    void a_changed_field_breaks_the_walk_at_that_record() {
        AuditRecord first = AuditChain.link(AuditAnchor.GENESIS, AT, "acc-1", "icrc", "restricted.read", "case-7", "10.0.0.9", null);
        AuditRecord second = AuditChain.link(AuditAnchor.after(first), AT, "acc-1", "icrc", "signin.ok", null, null, null);
        AuditRecord forged = new AuditRecord(first.seq(), first.at(), "acc-666", first.org(), first.action(),
                first.target(), first.address(), first.detail(), first.hash());

        AuditChain.Walk walk = AuditChain.walkFrom(AuditAnchor.GENESIS);
        walk.accept(forged);
        walk.accept(second);

        assertThat(walk.result()).isEqualTo(new AuditVerification.Broken(1,
                "hash does not match the record's content and its predecessor's hash"));
    }

    @Test
    void a_missing_record_breaks_the_walk_at_the_one_after_the_gap() {
        AuditRecord first = AuditChain.link(AuditAnchor.GENESIS, AT, "acc-1", null, "signin.ok", null, null, null);
        AuditRecord second = AuditChain.link(AuditAnchor.after(first), AT, "acc-1", null, "token.created", null, null, null);
        AuditRecord third = AuditChain.link(AuditAnchor.after(second), AT, "acc-1", null, "token.used", null, null, null);

        AuditChain.Walk walk = AuditChain.walkFrom(AuditAnchor.GENESIS);
        walk.accept(first);
        walk.accept(third);

        assertThat(walk.result()).isInstanceOf(AuditVerification.Broken.class);
        assertThat(((AuditVerification.Broken) walk.result()).seq()).isEqualTo(3);
    }

    @Test
    void a_walk_from_an_anchor_verifies_the_records_after_it() {
        AuditRecord first = AuditChain.link(AuditAnchor.GENESIS, AT, "acc-1", null, "signin.ok", null, null, null);
        AuditRecord second = AuditChain.link(AuditAnchor.after(first), AT, "acc-1", null, "signin.failed", null, null, null);

        AuditChain.Walk walk = AuditChain.walkFrom(AuditAnchor.after(first));
        walk.accept(second);

        assertThat(walk.result()).isEqualTo(new AuditVerification.Intact(1, 1, 2));
    }

    @Test
    void a_record_without_actor_or_action_is_refused() {
        assertThatThrownBy(() -> AuditChain.link(AuditAnchor.GENESIS, AT, " ", null, "signin.ok", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("actor must not be blank");
        assertThatThrownBy(() -> AuditChain.link(AuditAnchor.GENESIS, AT, "cli", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("action must not be blank");
    }
}
