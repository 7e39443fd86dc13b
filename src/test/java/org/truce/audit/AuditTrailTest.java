package org.truce.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.support.MutableClock;

/** The rules of writing the audit trail (issue 16): clipped fields, refusals counted per minute, a quota, no failure passed on. */
class AuditTrailTest {
    private static final Instant MINUTE = Instant.parse("2026-11-28T10:00:00Z");
    private static final long NO_QUOTA = Long.MAX_VALUE;

    private final MutableClock clock = new MutableClock(MINUTE);
    private final MemoryAuditLog log = new MemoryAuditLog(clock);

    @Test
    void two_thousand_refusals_with_long_paths_become_one_small_record_once_their_minute_has_closed() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        for (int i = 0; i < 2_000; i++) {
            trail.refused("token.refused", "GET /api/v1/cases/" + "x".repeat(10_000) + i, "203.0.113.7");
            clock.advance(Duration.ofMillis(25));
        }
        assertThat(log.records()).isEmpty();

        clock.advance(Duration.ofSeconds(10)); // 10:01:00: the minute has closed
        trail.flushDue();

        AuditRecord r = single(log.records());
        assertThat(r.actor()).isEqualTo("anonymous");
        assertThat(r.action()).isEqualTo("token.refused");
        assertThat(r.address()).isEqualTo("203.0.113.7");
        assertThat(r.detail()).isEqualTo("×2000 in 2026-11-28T10:00Z/PT1M");
        assertThat(r.target()).startsWith("GET /api/v1/cases/xxx").endsWith("x…(10019 chars), …")
                .hasSize(AuditFields.MAX + "…(10019 chars), …".length());
        assertThat(MemoryAuditLog.size(r)).isLessThan(500);
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void refusals_are_counted_per_action_address_and_minute() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        for (int i = 0; i < 3; i++) trail.refused("token.refused", "GET /api/v1/me", "198.51.100.1");
        for (int i = 0; i < 2; i++) trail.refused("token.refused", "GET /api/v1/me", "198.51.100.2");
        trail.refused("signin.failed", "alice", "198.51.100.1");
        clock.advance(Duration.ofMinutes(1));
        trail.refused("token.refused", "GET /api/v1/me", "198.51.100.1"); // the next refusal writes the closed minute

        assertThat(log.records()).extracting(r -> r.action() + " " + r.address() + " " + r.detail()).containsExactly(
                "token.refused 198.51.100.1 ×3 in 2026-11-28T10:00Z/PT1M",
                "token.refused 198.51.100.2 ×2 in 2026-11-28T10:00Z/PT1M",
                "signin.failed 198.51.100.1 ×1 in 2026-11-28T10:00Z/PT1M");

        clock.advance(Duration.ofMinutes(5));
        trail.flushDue();
        assertThat(log.records().get(3).detail()).isEqualTo("×1 in 2026-11-28T10:01Z/PT1M");
    }

    @Test
    void a_count_names_its_first_five_distinct_targets_and_says_there_were_more() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        for (String user : List.of("alice", "bob", "alice", "carol", "dan", "erin", "frank")) trail.refused("signin.failed", user, "192.0.2.1");
        trail.close();

        assertThat(single(log.records()).target()).isEqualTo("alice, bob, carol, dan, erin, …");
        assertThat(single(log.records()).detail()).isEqualTo("×7 in 2026-11-28T10:00Z/PT1M");
    }

    @Test
    void a_count_names_only_the_targets_that_fit_in_one_field() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        trail.refused("token.refused", "GET /a", "192.0.2.1");
        trail.refused("token.refused", "GET /" + "b".repeat(150), "192.0.2.1");
        trail.refused("token.refused", "GET /c", "192.0.2.1");
        trail.close();

        // 6 + 2 + 155 + 2 + 6 = 171 characters: all fit
        assertThat(single(log.records()).target()).isEqualTo("GET /a, GET /" + "b".repeat(150) + ", GET /c");

        AuditTrail second = new AuditTrail(log, clock, NO_QUOTA);
        second.refused("token.refused", "GET /" + "d".repeat(150), "192.0.2.1");
        second.refused("token.refused", "GET /" + "e".repeat(150), "192.0.2.1");
        second.close();
        assertThat(log.records().get(1).target()).isEqualTo("GET /" + "d".repeat(150) + ", …");
    }

    @Test
    void past_a_thousand_addresses_in_a_minute_the_others_are_counted_together() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        for (int i = 0; i < RefusalTally.MAX_TALLIES + 500; i++) trail.refused("token.refused", "GET /", "10.0." + i / 256 + "." + i % 256);
        trail.close();

        assertThat(log.records()).hasSize(RefusalTally.MAX_TALLIES + 1);
        AuditRecord others = log.records().get(RefusalTally.MAX_TALLIES);
        assertThat(others.address()).isEqualTo(RefusalTally.OTHERS);
        assertThat(others.detail()).startsWith("×500 ");
    }

    @Test
    void closing_writes_the_count_of_the_minute_still_open() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        trail.refused("signin.throttled", "alice", "192.0.2.1");
        trail.close();
        trail.refused("signin.throttled", "alice", "192.0.2.1");

        assertThat(single(log.records()).detail()).isEqualTo("×1 in 2026-11-28T10:00Z/PT1M");
        assertThat(trail.droppedRefusals()).isEqualTo(1);
    }

    @Test
    void notes_clip_their_free_fields_and_mark_the_cut() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        trail.note("acc-1", "osce", "token.used", "POST /api/v1/reports/" + "y".repeat(5_000), "10.0.0.1", "z".repeat(201));

        AuditRecord r = single(log.records());
        assertThat(r.target()).hasSize(AuditFields.MAX + "…(5021 chars)".length()).endsWith("y…(5021 chars)");
        assertThat(r.detail()).isEqualTo("z".repeat(200) + "…(201 chars)");
        assertThat(r.address()).isEqualTo("10.0.0.1");
        assertThat(AuditFields.clip("z".repeat(200))).isEqualTo("z".repeat(200));
        assertThat(AuditFields.clip("a".repeat(199) + "😀")).isEqualTo("a".repeat(199) + "…(201 chars)");
    }

    @Test
    void over_its_quota_the_trail_drops_refusals_but_still_records_notes_and_required_records() {
        AuditTrail trail = new AuditTrail(log, clock, 300);
        trail.note("acc-1", "osce", "signin.ok", null, "10.0.0.1", "d".repeat(200));
        for (int i = 0; i < 50; i++) trail.refused("token.refused", "GET /api/v1/cases/c-" + i, "203.0.113.7");
        clock.advance(Duration.ofMinutes(1));
        trail.note("acc-1", "osce", "token.used", "POST /api/v1/reports", "10.0.0.1", null);
        trail.require("acc-1", "osce", "restricted.read", "case-7", "10.0.0.1", null);

        assertThat(log.records()).extracting(AuditRecord::action).containsExactly("signin.ok", "token.used", "restricted.read");
        assertThat(trail.droppedRefusals()).isEqualTo(50);
        assertThat(trail.overQuota()).isTrue();
    }

    @Test
    void under_its_quota_again_the_trail_records_refusals_again() {
        AuditTrail trail = new AuditTrail(log, clock, 300);
        trail.note("acc-1", "osce", "signin.ok", null, "10.0.0.1", "d".repeat(200));
        trail.refused("token.refused", "GET /", "203.0.113.7");
        clock.advance(Duration.ofMinutes(1));
        trail.flushDue();
        assertThat(trail.droppedRefusals()).isEqualTo(1);

        AuditTrail roomier = new AuditTrail(log, clock, 1_000_000);
        roomier.refused("token.refused", "GET /", "203.0.113.7");
        roomier.close();
        assertThat(log.records()).extracting(AuditRecord::action).containsExactly("signin.ok", "token.refused");
        assertThat(roomier.overQuota()).isFalse();
    }

    @Test
    void a_failing_store_is_counted_and_never_thrown_from_a_note_or_a_refusal_but_is_from_a_required_record() {
        AuditTrail trail = new AuditTrail(log, clock, NO_QUOTA);
        log.failing(true);
        trail.note("acc-1", "osce", "token.used", "POST /api/v1/reports", "10.0.0.1", null);
        trail.refused("token.refused", "GET /", "203.0.113.7");
        clock.advance(Duration.ofMinutes(1));
        trail.flushDue();

        assertThat(trail.failedAppends()).isEqualTo(1);
        assertThat(trail.droppedRefusals()).isEqualTo(1); // a store that cannot say its size takes no refusals
        assertThatThrownBy(() -> trail.require("acc-1", "osce", "restricted.read", "case-7", "10.0.0.1", null))
                .hasMessage("the disk is full");

        log.failing(false);
        trail.note("acc-1", "osce", "token.used", "POST /api/v1/reports", "10.0.0.1", null);
        assertThat(log.records()).extracting(AuditRecord::action).containsExactly("token.used");
    }

    private static AuditRecord single(List<AuditRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
