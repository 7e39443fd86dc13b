package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.truce.audit.AuditAnchor;
import org.truce.audit.AuditChain;
import org.truce.audit.AuditLog;
import org.truce.audit.AuditRecord;
import org.truce.audit.AuditVerification;
import org.truce.ledger.StoreFailure;

/**
 * The audit trail in its own SQLite file, {@code audit.db} (WAL, synchronous=FULL), tables
 * {@code records} and {@code anchor}.
 *
 * <p>Threading: thread-safe; calls on one instance are serialised on its single connection. Several
 * instances, in this or other processes (the server and a {@code truce admin} command), may append
 * at once: each append reads the last seq and hash inside a {@code BEGIN IMMEDIATE} transaction, so
 * no two records link to the same predecessor. Lifecycle: obtained from
 * {@link PrivateStores#openAuditLog}, closed once; any call after {@link #close} throws
 * IllegalStateException.
 */
final class SqliteAuditLog implements AuditLog {

    private static final int VERIFY_FETCH_SIZE = 512;
    private static final String COLUMNS = "seq, at, actor, org, action, target, address, detail, hash";
    private static final String SELECT_LAST = "SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1";
    private static final String SELECT_ANCHOR = "SELECT seq, hash FROM anchor WHERE id = 1";
    private static final String INSERT = "INSERT INTO records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM records WHERE seq > ? ORDER BY seq LIMIT ?";
    private static final String SELECT_ORG =
            "SELECT " + COLUMNS + " FROM records WHERE org = ? AND seq > ? ORDER BY seq LIMIT ?";
    private static final String SELECT_UP_TO = "SELECT " + COLUMNS + " FROM records WHERE seq <= ? ORDER BY seq";
    private static final String SELECT_FIRST_KEPT = "SELECT MIN(seq) FROM records WHERE at >= ?";
    private static final String SELECT_MAX = "SELECT MAX(seq) FROM records";
    private static final String DELETE_UP_TO = "DELETE FROM records WHERE seq <= ?";
    private static final String UPSERT_ANCHOR = "INSERT INTO anchor (id, seq, hash) VALUES (1, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash";

    private final Connection connection;
    private final Clock clock;
    private final Duration retention;
    private boolean closed;

    SqliteAuditLog(Connection connection, Clock clock, Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive, got " + retention);
        }
        this.connection = connection;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public synchronized AuditRecord append(String actor, String org, String action, String target, String address,
            String detail) {
        ensureOpen();
        try {
            return SideDatabase.immediately(connection, c -> {
                AuditRecord record = AuditChain.link(last(c), clock.instant(), actor, org, action, target, address, detail);
                insert(c, record);
                return record;
            });
        } catch (SQLException e) {
            throw new StoreFailure("could not append to the audit log", e);
        }
    }

    @Override
    public synchronized List<AuditRecord> read(String org, long afterSeq, int limit) {
        ensureOpen();
        if (limit < 1) throw new IllegalArgumentException("limit must be positive, got " + limit);
        try (PreparedStatement select = connection.prepareStatement(org == null ? SELECT_ALL : SELECT_ORG)) {
            int i = 1;
            if (org != null) select.setString(i++, org);
            select.setLong(i++, afterSeq);
            select.setInt(i, limit);
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) records.add(record(rows));
            }
            return records;
        } catch (SQLException e) {
            throw new StoreFailure("could not read the audit log", e);
        }
    }

    /** Pages in use (free pages left by a prune are reused, so they do not count). */
    @Override
    public synchronized long sizeBytes() {
        ensureOpen();
        try {
            return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size");
        } catch (SQLException e) {
            throw new StoreFailure("could not measure the audit log", e);
        }
    }

    private long pragma(String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("PRAGMA " + name); ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Override
    public synchronized AuditVerification verify() {
        ensureOpen();
        try {
            return SideDatabase.snapshot(connection, c -> walk(c, anchor(c), Long.MAX_VALUE).result());
        } catch (SQLException e) {
            throw new StoreFailure("could not verify the audit log", e);
        }
    }

    @Override
    public synchronized int prune() {
        ensureOpen();
        String cutoff = AuditChain.formatAt(clock.instant().minus(retention));
        try {
            return SideDatabase.immediately(connection, c -> pruneBefore(c, cutoff));
        } catch (SQLException e) {
            throw new StoreFailure("could not prune the audit log", e);
        }
    }

    /**
     * Deletes a prefix of the chain, never a record in the middle: records of two processes may be
     * stamped slightly out of order, and a gap would break the chain. The prefix is verified first,
     * since deleting a tampered record would also delete the evidence of tampering.
     */
    private static int pruneBefore(Connection c, String cutoff) throws SQLException {
        AuditAnchor anchor = anchor(c);
        Long firstKept = queryLong(c, SELECT_FIRST_KEPT, cutoff);
        Long lastPruned = firstKept != null ? Long.valueOf(firstKept - 1) : queryLong(c, SELECT_MAX, null);
        if (lastPruned == null || lastPruned <= anchor.seq()) return 0;
        AuditChain.Walk prefix = walk(c, anchor, lastPruned);
        if (!prefix.result().ok() || prefix.last().seq() != lastPruned) {
            throw new IllegalStateException("refusing to prune a broken audit chain: " + prefix.result());
        }
        try (PreparedStatement delete = c.prepareStatement(DELETE_UP_TO);
                PreparedStatement upsert = c.prepareStatement(UPSERT_ANCHOR)) {
            delete.setLong(1, lastPruned);
            int deleted = delete.executeUpdate();
            upsert.setLong(1, lastPruned);
            upsert.setString(2, prefix.last().hash());
            upsert.executeUpdate();
            return deleted;
        }
    }

    /** The chain checked from {@code anchor} through the records with seq up to {@code upTo}. */
    private static AuditChain.Walk walk(Connection c, AuditAnchor anchor, long upTo) throws SQLException {
        AuditChain.Walk walk = AuditChain.walkFrom(anchor);
        try (PreparedStatement select = c.prepareStatement(SELECT_UP_TO)) {
            select.setFetchSize(VERIFY_FETCH_SIZE);
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
        try (PreparedStatement select = c.prepareStatement(SELECT_LAST); ResultSet rows = select.executeQuery()) {
            if (rows.next()) return new AuditAnchor(rows.getLong(1), rows.getString(2));
        }
        return anchor(c);
    }

    private static AuditAnchor anchor(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT_ANCHOR); ResultSet rows = select.executeQuery()) {
            return rows.next() ? new AuditAnchor(rows.getLong(1), rows.getString(2)) : AuditAnchor.GENESIS;
        }
    }

    private static void insert(Connection c, AuditRecord r) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setLong(1, r.seq());
            insert.setString(2, AuditChain.formatAt(r.at()));
            insert.setString(3, r.actor());
            insert.setString(4, r.org());
            insert.setString(5, r.action());
            insert.setString(6, r.target());
            insert.setString(7, r.address());
            insert.setString(8, r.detail());
            insert.setString(9, r.hash());
            insert.executeUpdate();
        }
    }

    private static AuditRecord record(ResultSet rows) throws SQLException {
        return new AuditRecord(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9));
    }

    private static Long queryLong(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            if (parameter != null) select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) return null;
                long value = rows.getLong(1);
                return rows.wasNull() ? null : value;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreFailure("could not close the audit log", e);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the audit log is closed");
    }
}
