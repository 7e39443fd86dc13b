package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.truce.audit.AuditAnchor;
import org.truce.audit.AuditChain;
import org.truce.audit.AuditLog;
import org.truce.audit.AuditRecord;
import org.truce.audit.AuditVerification;
import org.truce.support.MutableClock;

/**
 * The behaviour every {@link AuditLog} adapter must have: append, read, verify, tamper, prune, and two
 * logs (two processes, or two nodes) appending at once into one chain. A subclass opens the log over
 * its persistent state ({@link #open()} twice is a reopen, or a second process) and says how raw SQL
 * reaches the records.
 */
abstract class AuditLogContract {

    protected static final Instant START = Instant.parse("2021-01-11T09:00:00Z");
    protected static final Duration RETENTION = Duration.ofDays(365);

    protected final MutableClock clock = new MutableClock(START);

    /** A new log over the same records, stamping with {@link #clock}, keeping records for {@link #RETENTION}. */
    protected abstract AuditLog open();

    /** The records' table as raw SQL names it. */
    protected abstract String table();

    /** Raw SQL that turns off the guard refusing updates of records. */
    protected abstract String dropGuard();

    /** Runs raw SQL on the records, past the adapter. */
    protected abstract void execute(String sql) throws SQLException;

    @Test
    void appended_records_read_back_in_seq_order_and_filter_by_organisation() {
        try (AuditLog log = open()) {
            AuditRecord first = log.append("acc-1", "osce", "signin.ok", null, "10.0.0.1", null);
            clock.advance(Duration.ofSeconds(1));
            log.append("anonymous", null, "signin.failed", "acc-1", "10.0.0.66", "wrong password");
            log.append("cli", "icrc", "grant", "acc-2", "cli", "role=verifier");
            log.append("acc-2", "icrc", "restricted.read", "case-7", "10.0.0.2", null);

            assertThat(log.read(null, 0, 10)).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(log.read(null, 0, 10).get(0)).isEqualTo(first);
            assertThat(log.read(null, 2, 10)).extracting(AuditRecord::action).containsExactly("grant", "restricted.read");
            assertThat(log.read(null, 0, 2)).extracting(AuditRecord::seq).containsExactly(1L, 2L);
            assertThat(log.read("icrc", 0, 10)).extracting(AuditRecord::seq).containsExactly(3L, 4L);
            assertThat(log.read("icrc", 3, 10)).extracting(AuditRecord::target).containsExactly("case-7");
            assertThat(log.read(null, 0, 10).get(1).at()).isEqualTo(START.plusSeconds(1));
        }
    }

    @Test
    void the_size_grows_with_the_records_appended() {
        try (AuditLog log = open()) {
            long empty = log.sizeBytes();
            for (int i = 0; i < 200; i++) log.append("anonymous", null, "token.refused", "GET /api/v1/cases/" + i, "10.0.0.1", "d".repeat(1_000));

            assertThat(empty).isNotNegative();
            assertThat(log.sizeBytes()).isGreaterThanOrEqualTo(empty + 200 * 1_000);
        }
    }

    @Test
    void records_survive_reopening_and_the_chain_verifies() {
        try (AuditLog log = open()) {
            log.append("acc-1", "osce", "token.created", "tok-1", "10.0.0.1", null);
            log.append("acc-1", "osce", "token.used", "tok-1", "10.0.0.1", null);
        }
        try (AuditLog log = open()) {
            log.append("acc-1", "osce", "signin.ok", null, "10.0.0.1", null);

            assertThat(log.verify()).isEqualTo(new AuditVerification.Intact(0, 3, 3));
        }
    }

    @Test
    void a_row_changed_with_raw_jdbc_makes_verify_name_its_seq() throws SQLException {
        try (AuditLog log = open()) {
            for (int i = 0; i < 5; i++) log.append("acc-" + i, "osce", "restricted.read", "case-" + i, "10.0.0.1", null);

            assertThatThrownBy(() -> execute("UPDATE " + table() + " SET target = 'case-0' WHERE seq = 3"))
                    .hasMessageContaining("audit records are append-only");
            execute(dropGuard());
            execute("UPDATE " + table() + " SET target = 'case-0' WHERE seq = 3");

            assertThat(log.verify()).isEqualTo(new AuditVerification.Broken(3,
                    "hash does not match the record's content and its predecessor's hash"));
        }
    }

    @Test
    void a_row_deleted_with_raw_jdbc_breaks_the_chain_at_the_next_seq() throws SQLException {
        try (AuditLog log = open()) {
            for (int i = 0; i < 4; i++) log.append("acc-1", null, "signin.ok", null, null, null);
            execute("DELETE FROM " + table() + " WHERE seq = 2");

            assertThat(log.verify()).isInstanceOf(AuditVerification.Broken.class);
            assertThat(((AuditVerification.Broken) log.verify()).seq()).isEqualTo(3);
        }
    }

    @Test
    void pruning_past_the_retention_keeps_later_records_and_the_chain_still_verifies() {
        try (AuditLog log = open()) {
            log.append("acc-1", "osce", "signin.ok", null, "10.0.0.1", null);
            log.append("acc-1", "osce", "signin.failed", null, "10.0.0.1", null);
            clock.advance(Duration.ofDays(30));
            log.append("acc-2", "osce", "grant", "acc-3", "10.0.0.2", null);
            clock.advance(RETENTION.minusDays(10));

            assertThat(log.prune()).isEqualTo(2);
            assertThat(log.prune()).isZero();
            assertThat(log.read(null, 0, 10)).extracting(AuditRecord::seq).containsExactly(3L);
            assertThat(log.verify()).isEqualTo(new AuditVerification.Intact(2, 1, 3));

            log.append("acc-2", "osce", "signin.ok", null, "10.0.0.2", null);
            assertThat(log.verify()).isEqualTo(new AuditVerification.Intact(2, 2, 4));
        }
    }

    @Test
    void after_every_record_is_pruned_the_next_one_links_to_the_anchor() {
        try (AuditLog log = open()) {
            log.append("acc-1", null, "signin.ok", null, null, null);
            AuditRecord last = log.append("acc-1", null, "token.created", "tok-1", null, null);
            clock.advance(RETENTION.plusDays(1));

            assertThat(log.prune()).isEqualTo(2);
            AuditRecord next = log.append("acc-1", null, "token.used", "tok-1", null, null);

            assertThat(next.seq()).isEqualTo(3);
            assertThat(next.hash()).isEqualTo(AuditChain.link(new AuditAnchor(2, last.hash()),
                    clock.instant(), "acc-1", null, "token.used", "tok-1", null, null).hash());
            assertThat(log.verify()).isEqualTo(new AuditVerification.Intact(2, 1, 3));
        }
    }

    @Test
    void a_tampered_record_is_not_pruned_away() throws SQLException {
        try (AuditLog log = open()) {
            log.append("acc-1", null, "restricted.read", "case-1", null, null);
            log.append("acc-1", null, "restricted.read", "case-2", null, null);
            execute(dropGuard());
            execute("UPDATE " + table() + " SET actor = 'acc-9' WHERE seq = 1");
            clock.advance(RETENTION.plusDays(1));

            assertThatThrownBy(log::prune).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("refusing to prune a broken audit chain");
            assertThat(log.read(null, 0, 10)).hasSize(2);
        }
    }

    @Test
    void two_logs_on_one_store_appending_at_once_make_one_unbroken_chain() throws Exception {
        int threadsPerLog = 2;
        int appendsPerThread = 40;
        try (AuditLog server = open(); AuditLog cli = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerLog);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 2 * threadsPerLog; t++) {
                    AuditLog log = t % 2 == 0 ? server : cli;
                    String actor = "writer-" + t;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < appendsPerThread; i++) log.append(actor, null, "token.used", "tok-" + i, "cli", null);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> writer : writers) writer.get();
            } finally {
                pool.shutdown();
            }

            int total = 2 * threadsPerLog * appendsPerThread;
            assertThat(server.read(null, 0, total + 1)).extracting(AuditRecord::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(cli.verify()).isEqualTo(new AuditVerification.Intact(0, total, total));
        }
    }
}
