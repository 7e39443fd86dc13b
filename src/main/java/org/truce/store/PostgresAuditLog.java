package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.truce.audit.AuditAnchor;
import org.truce.audit.AuditChain;
import org.truce.audit.AuditLog;
import org.truce.audit.AuditRecord;
import org.truce.audit.AuditVerification;

/**
 * The audit trail in the shared PostgreSQL database, schema {@code truce_private}, tables
 * {@code audit_records} and {@code audit_anchor}: one hash chain for every node.
 *
 * <p>Appends from all nodes (and {@code truce admin --db}) are serialised by a transaction-scoped
 * advisory lock taken before the last record is read, so no two records link to the same
 * predecessor; the primary key on seq would refuse the second if they ever did. Reads and verify
 * take no lock: verify walks one snapshot (REPEATABLE READ). Thread-safe. Lifecycle: from
 * {@link PrivateDatabase#auditLog}, closed once; calls after {@link #close} throw IllegalStateException.
 */
final class PostgresAuditLog implements AuditLog {

    private static final int VERIFY_FETCH_SIZE = 512;
    private static final String COLUMNS = "seq, at, actor, org, action, target, address, detail, hash";
    private static final String SELECT_LAST = "SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1";
    private static final String SELECT_ANCHOR = "SELECT seq, hash FROM audit_anchor";
    private static final String INSERT = "INSERT INTO audit_records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM audit_records WHERE seq > ? ORDER BY seq LIMIT ?";
    private static final String SELECT_ORG =
            "SELECT " + COLUMNS + " FROM audit_records WHERE org = ? AND seq > ? ORDER BY seq LIMIT ?";
    private static final String SELECT_UP_TO = "SELECT " + COLUMNS + " FROM audit_records WHERE seq <= ? ORDER BY seq";
    private static final String SIZE = "SELECT pg_total_relation_size('" + PrivateDatabase.SCHEMA + ".audit_records')";
    private static final String SELECT_FIRST_KEPT = "SELECT MIN(seq) FROM audit_records WHERE at >= ?";
    private static final String SELECT_MAX = "SELECT MAX(seq) FROM audit_records";
    private static final String DELETE_UP_TO = "DELETE FROM audit_records WHERE seq <= ?";
    private static final String UPSERT_ANCHOR = "INSERT INTO audit_anchor (id, seq, hash) VALUES (true, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash";

    private final PrivateJdbc jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Runnable release;
    private volatile boolean closed;

    /** @param release run once on {@link #close} (closes the pool when the log owns it) */
    PostgresAuditLog(PrivateJdbc jdbc, Clock clock, Duration retention, Runnable release) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive, got " + retention);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.release = release;
    }

    @Override
    public AuditRecord append(String actor, String org, String action, String target, String address, String detail) {
        ensureOpen();
        return jdbc.transaction(c -> {
            PrivateJdbc.lock(c, PrivateJdbc.AUDIT_LOCK, "chain");
            // read committed: this statement's snapshot is taken after the lock, so it sees the last append
            AuditRecord record = AuditChain.link(last(c), clock.instant(), actor, org, action, target, address, detail);
            PrivateJdbc.update(c, INSERT, record.seq(), record.at(), record.actor(), record.org(), record.action(),
                    record.target(), record.address(), record.detail(), record.hash());
            return record;
        });
    }

    @Override
    public List<AuditRecord> read(String org, long afterSeq, int limit) {
        ensureOpen();
        if (limit < 1) throw new IllegalArgumentException("limit must be positive, got " + limit);
        if (org == null) return jdbc.query(SELECT_ALL, PostgresAuditLog::record, afterSeq, limit);
        return jdbc.query(SELECT_ORG, PostgresAuditLog::record, org, afterSeq, limit);
    }

    /** The records' table with its indexes and TOAST, as PostgreSQL counts it. */
    @Override
    public long sizeBytes() {
        ensureOpen();
        return jdbc.query(SIZE, rows -> rows.getLong(1)).get(0);
    }

    @Override
    public AuditVerification verify() {
        ensureOpen();
        return jdbc.transaction(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // the pool resets it on return
            return walk(c, anchor(c), Long.MAX_VALUE).result();
        });
    }

    @Override
    public int prune() {
        ensureOpen();
        Instant cutoff = clock.instant().minus(retention).truncatedTo(ChronoUnit.MILLIS);
        return jdbc.transaction(c -> {
            PrivateJdbc.lock(c, PrivateJdbc.AUDIT_LOCK, "chain");
            return pruneBefore(c, cutoff);
        });
    }

    /**
     * Deletes a prefix of the chain, never a record in the middle: records of two nodes may be
     * stamped slightly out of order, and a gap would break the chain. The prefix is verified first,
     * since deleting a tampered record would also delete the evidence of tampering.
     */
    private static int pruneBefore(Connection c, Instant cutoff) throws SQLException {
        AuditAnchor anchor = anchor(c);
        Long firstKept = single(c, SELECT_FIRST_KEPT, cutoff);
        Long lastPruned = firstKept != null ? Long.valueOf(firstKept - 1) : single(c, SELECT_MAX);
        if (lastPruned == null || lastPruned <= anchor.seq()) return 0;
        AuditChain.Walk prefix = walk(c, anchor, lastPruned);
        if (!prefix.result().ok() || prefix.last().seq() != lastPruned) {
            throw new IllegalStateException("refusing to prune a broken audit chain: " + prefix.result());
        }
        int deleted = PrivateJdbc.update(c, DELETE_UP_TO, lastPruned);
        PrivateJdbc.update(c, UPSERT_ANCHOR, lastPruned, prefix.last().hash());
        return deleted;
    }

    /** The chain checked from {@code anchor} through the records with seq up to {@code upTo}, streamed. */
    private static AuditChain.Walk walk(Connection c, AuditAnchor anchor, long upTo) throws SQLException {
        AuditChain.Walk walk = AuditChain.walkFrom(anchor);
        try (PreparedStatement select = c.prepareStatement(SELECT_UP_TO)) {
            select.setFetchSize(VERIFY_FETCH_SIZE); // a cursor, since autocommit is off
            select.setLong(1, upTo);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && walk.accept(record(rows))) {
                    // accept() records the first break; the walk stops there
                }
            }
        }
        return walk;
    }

    /** What the next record links to: the last record, else the anchor left by a prune, else genesis. */
    private static AuditAnchor last(Connection c) throws SQLException {
        List<AuditAnchor> last = PrivateJdbc.query(c, SELECT_LAST, rows -> new AuditAnchor(rows.getLong(1), rows.getString(2)));
        return last.isEmpty() ? anchor(c) : last.get(0);
    }

    private static AuditAnchor anchor(Connection c) throws SQLException {
        List<AuditAnchor> anchor = PrivateJdbc.query(c, SELECT_ANCHOR, rows -> new AuditAnchor(rows.getLong(1), rows.getString(2)));
        return anchor.isEmpty() ? AuditAnchor.GENESIS : anchor.get(0);
    }

    private static AuditRecord record(ResultSet rows) throws SQLException {
        return new AuditRecord(rows.getLong(1), PrivateJdbc.instant(rows, 2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9));
    }

    private static Long single(Connection c, String sql, Object... args) throws SQLException {
        List<Long> values = PrivateJdbc.query(c, sql, rows -> {
            long value = rows.getLong(1);
            return rows.wasNull() ? null : value;
        }, args);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        release.run();
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the audit log is closed");
    }
}
