package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.audit.AuditFields;
import org.truce.audit.AuditRecord;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Issue 16, "Abuse": anonymous refusals must not fill the audit store, and the audit trail must never
 * stop a write to the ledger (over its quota, or failing outright).
 */
class AuditFloodTest {
    private static final int BURST = 2_000;

    @TempDir
    Path dir;

    @Test
    void a_burst_of_refused_tokens_with_long_paths_writes_one_small_record_per_address_and_minute() {
        try (TestNode node = new TestNode(dir, false)) {
            node.clock.set(node.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
            long before = records(node).size();
            String longId = "x".repeat(3_000);
            for (int i = 0; i < BURST; i++) {
                assertThat(node.get("/api/v1/cases/" + longId + i, "truce_aaaaaaaaaa_forged").status()).isEqualTo(401);
            }
            node.clock.advance(Duration.ofMinutes(1));
            // the next request after the minute closed writes the minute's record
            assertThat(node.get("/api/v1/ledger/head").status()).isEqualTo(200);

            List<AuditRecord> written = records(node).stream().skip(before).toList();
            assertThat(written).hasSize(1);
            AuditRecord minute = written.get(0);
            assertThat(minute.action()).isEqualTo("token.refused");
            assertThat(minute.actor()).isEqualTo("anonymous");
            assertThat(minute.detail()).startsWith("×" + BURST + " ");
            // the first path, cut at 200 characters; the others did not fit
            assertThat(minute.target()).startsWith("GET /api/v1/cases/xxx").endsWith("x…(3019 chars), …")
                    .hasSize(AuditFields.MAX + "…(3019 chars), …".length());
            assertThat(node.truce.audit().verify().ok()).isTrue();
        }
    }

    @Test
    void over_its_quota_the_audit_drops_refusals_but_keeps_sign_ins_and_token_use_and_writes_succeed() throws Exception {
        try (TestNode node = new TestNode(dir, null, true, Map.of("TRUCE_AUDIT_QUOTA_BYTES", "1"))) {
            String reporter = node.account("ru-peacekeepers", "ru-peacekeepers", "medic", Role.REPORTER);
            long before = records(node).size();
            for (int i = 0; i < 50; i++) node.get("/api/v1/cases/c-" + i, "truce_aaaaaaaaaa_forged");
            node.clock.advance(Duration.ofMinutes(1));

            var write = node.post("/api/v1/reports", Reports.valid(UUID.randomUUID().toString()).toString(), reporter);
            assertThat(write.status()).isEqualTo(201);

            List<String> actions = records(node).stream().skip(before).map(AuditRecord::action).toList();
            assertThat(actions).containsExactly("token.used", "entries.recorded");
            assertThat(node.get("/metrics", TestNode.SCRAPE).body()).contains("truce_audit_refusals_dropped_total 50.0")
                    .contains("truce_audit_over_quota 1.0");
        }
    }

    @Test
    void a_failing_audit_store_does_not_fail_a_write_to_the_ledger() {
        try (TestNode node = new TestNode(dir, true)) {
            String reporter = node.account("ru-peacekeepers", "ru-peacekeepers", "medic", Role.REPORTER);
            node.truce.audit().close(); // every append now throws, as on a full disk
            long entries = node.truce.ledger().storeSize();

            var write = node.post("/api/v1/reports", Reports.valid(UUID.randomUUID().toString()).toString(), reporter);

            assertThat(write.status()).isEqualTo(201);
            assertThat(node.truce.ledger().storeSize()).isEqualTo(entries + 1);
            // token.used and entries.recorded were not written
            assertThat(node.get("/metrics", TestNode.SCRAPE).body()).contains("truce_audit_append_failed_total 2.0");
        }
    }

    private static List<AuditRecord> records(TestNode node) {
        return node.truce.audit().read(null, 0, 100_000);
    }
}
