package org.truce.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoreFailure;
import org.truce.ledger.StoredEntry;

/**
 * The ledger kept in PostgreSQL (tables {@code entries} and {@code heads}), shared by every node that
 * opens the same database.
 *
 * <p>Appends from all nodes are serialised by a transaction-scoped advisory lock
 * ({@code pg_advisory_xact_lock}) taken by {@link #beginAppend()}: the lock, the catch-up reads, the
 * inserts, the head and {@code NOTIFY truce_ledger} are one transaction, released at commit or
 * rollback. Reads use pooled connections (HikariCP) and see committed data only.
 *
 * <p>Threading: thread-safe; a session is used by one thread. Lifecycle: from {@link Stores#openPostgres},
 * closed once; calls after {@link #close} throw IllegalStateException.
 */
final class PostgresLedgerStore implements LedgerStore {

    /** The advisory lock key of the ledger's append lock (any constant; per database). */
    private static final Logger LOG = LoggerFactory.getLogger(PostgresLedgerStore.class);
    static final long APPEND_LOCK = 0x7472756365L;
    private static final int FETCH_SIZE = 256;

    private static final String SELECT_SIZE = "SELECT COALESCE(MAX(seq) + 1, 0) FROM entries";
    /** The advisory lock key of the rules lock ({@link #lockRules()}). */
    static final long RULES_LOCK = APPEND_LOCK + 1;
    /** How long a node waits for the rules lock before it answers that the store is unavailable. */
    private static final String RULES_LOCK_TIMEOUT = "SET LOCAL lock_timeout = '10s'";
    private static final String LOCK = "SELECT pg_advisory_xact_lock(?)";
    private static final String INSERT_ENTRY = "INSERT INTO entries (seq, client_id, body) VALUES (?, ?, ?)";
    private static final String INSERT_HEAD = "INSERT INTO heads (size, note) VALUES (?, ?)";
    private static final String NOTIFY = "SELECT pg_notify('" + LedgerNotifications.CHANNEL + "', ?)";
    private static final String SELECT_BY_CLIENT_ID = "SELECT seq, client_id, body FROM entries WHERE client_id = ?";
    private static final String SELECT_FROM = "SELECT seq, client_id, body FROM entries WHERE seq >= ? ORDER BY seq";
    private static final String SELECT_PAGE = SELECT_FROM + " LIMIT ?";
    private static final String SELECT_HEADS = "SELECT size, note FROM heads ORDER BY size";
    private static final String SELECT_HEAD = "SELECT size, note FROM heads WHERE size = ?";
    private static final String DELETE_UNSIGNED = "DELETE FROM entries WHERE seq >= (SELECT COALESCE(MAX(size), 0) FROM heads)";

    private final HikariDataSource pool;
    private final LedgerNotifications notifications;
    private volatile boolean closed;

    PostgresLedgerStore(HikariDataSource pool, LedgerNotifications notifications) {
        this.pool = pool;
        this.notifications = notifications;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public long size() {
        return withConnection(PostgresLedgerStore::querySize);
    }

    @Override
    public void append(List<StoredEntry> entries, long headSize, String signedHead) {
        try (AppendSession session = beginAppend()) {
            session.append(entries, headSize, signedHead);
        }
    }

    @Override
    public AppendSession beginAppend() {
        return new Session(transactionHolding(APPEND_LOCK, null, "append lock"));
    }

    /** Under the append lock, so no other node's batch is between its entries and its head meanwhile. */
    @Override
    public long dropUnsignedTail() {
        Connection connection = transactionHolding(APPEND_LOCK, null, "append lock");
        try {
            int dropped;
            try (PreparedStatement delete = connection.prepareStatement(DELETE_UNSIGNED)) {
                dropped = delete.executeUpdate();
            }
            connection.commit();
            return dropped;
        } catch (SQLException e) {
            throw new StoreFailure("could not remove the unsigned entries: " + e.getMessage(), e);
        } finally {
            Session.release(connection);
        }
    }

    /**
     * The rules lock is a transaction-scoped advisory lock on a pooled connection, released by the
     * rollback when the handle closes, or by the server when the connection drops: a node that dies
     * holding it does not hold it for ever.
     */
    @Override
    public RulesLock lockRules() {
        Connection held = transactionHolding(RULES_LOCK, RULES_LOCK_TIMEOUT, "rules lock");
        return () -> releaseRules(held);
    }

    /** A pooled connection in a transaction that holds advisory lock {@code key}, after the {@code setting} statement if any. */
    private Connection transactionHolding(long key, String setting, String lockName) {
        ensureOpen();
        Connection connection = null;
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(false);
            if (setting != null) {
                try (PreparedStatement set = connection.prepareStatement(setting)) {
                    set.execute();
                }
            }
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setLong(1, key);
                lock.execute();
            }
            return connection;
        } catch (SQLException e) {
            if (connection != null) Session.release(connection);
            throw new StoreFailure("could not take the ledger's " + lockName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Never throws: the request under the lock has been answered by now. A connection that cannot
     * roll back is evicted from the pool, and the server frees the lock with it.
     */
    private void releaseRules(Connection connection) {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            LOG.warn("could not release the ledger's rules lock; its connection is dropped", e);
            pool.evictConnection(connection);
        }
    }

    /** One transaction holding the append lock. */
    private static final class Session implements AppendSession {
        private final Connection connection;
        private boolean done;

        Session(Connection connection) {
            this.connection = connection;
        }

        @Override
        public long size() {
            try {
                return querySize(connection);
            } catch (SQLException e) {
                throw new StoreFailure("could not read the ledger's size: " + e.getMessage(), e);
            }
        }

        @Override
        public List<StoredEntry> read(long fromSeq, int limit) {
            try {
                return readPage(connection, fromSeq, limit);
            } catch (SQLException e) {
                throw new StoreFailure("could not read the ledger: " + e.getMessage(), e);
            }
        }

        @Override
        public void append(List<StoredEntry> entries, long headSize, String signedHead) {
            if (done) throw new IllegalStateException("this append session has already appended");
            done = true;
            long first = size();
            AppendCheck.require(first, entries, headSize, signedHead);
            try {
                insertEntries(entries);
                insertHead(headSize, signedHead);
                try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
                    notify.setString(1, Long.toString(headSize));
                    notify.execute();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                StoreFailure failure = new StoreFailure(
                        "could not append entries " + first + ".." + (headSize - 1) + ": " + e.getMessage(), e);
                try {
                    connection.rollback();
                } catch (SQLException r) {
                    failure.addSuppressed(r);
                }
                throw failure;
            }
        }

        private void insertEntries(List<StoredEntry> entries) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
                for (StoredEntry entry : entries) {
                    insert.setLong(1, entry.seq());
                    insert.setString(2, entry.clientId());
                    insert.setBytes(3, entry.bytes());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private void insertHead(long headSize, String signedHead) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_HEAD)) {
                insert.setLong(1, headSize);
                insert.setString(2, signedHead);
                insert.executeUpdate();
            }
        }

        @Override
        public void close() {
            release(connection);
        }

        /** Rolls back what is not committed (releasing the lock) and returns the connection to the pool. */
        static void release(Connection connection) {
            try {
                try {
                    connection.rollback();
                } finally {
                    connection.close();
                }
            } catch (SQLException e) {
                throw new StoreFailure("could not release the ledger's append lock: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void awaitGrowth(long knownSize, Duration timeout) throws InterruptedException {
        ensureOpen();
        notifications.await(timeout);
    }

    @Override
    public Optional<StoredEntry> findByClientId(String clientId) {
        if (clientId == null) throw new IllegalArgumentException("clientId must not be null");
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_BY_CLIENT_ID)) {
                select.setString(1, clientId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(entryAt(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredEntry> read(long fromSeq, int limit) {
        requireFrom(fromSeq);
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
        return withConnection(connection -> readPage(connection, fromSeq, limit));
    }

    private static List<StoredEntry> readPage(Connection connection, long fromSeq, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_PAGE)) {
            select.setLong(1, fromSeq);
            select.setInt(2, limit);
            List<StoredEntry> page = new ArrayList<>(Math.min(limit, FETCH_SIZE));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) page.add(entryAt(rows));
            }
            return page;
        }
    }

    /** Streams with a server-side cursor (a fetch size inside a transaction), in one snapshot. */
    @Override
    public void forEach(long fromSeq, Consumer<StoredEntry> sink) {
        requireFrom(fromSeq);
        if (sink == null) throw new IllegalArgumentException("sink must not be null");
        withConnection(connection -> {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement(SELECT_FROM)) {
                select.setFetchSize(FETCH_SIZE);
                select.setLong(1, fromSeq);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) sink.accept(entryAt(rows));
                }
                return null;
            } finally {
                connection.rollback();
            }
        });
    }

    @Override
    public List<KeptHead> heads() {
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_HEADS);
                    ResultSet rows = select.executeQuery()) {
                List<KeptHead> heads = new ArrayList<>();
                while (rows.next()) heads.add(new KeptHead(rows.getLong(1), rows.getString(2)));
                return heads;
            }
        });
    }

    @Override
    public Optional<KeptHead> head(long size) {
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_HEAD)) {
                select.setLong(1, size);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new KeptHead(rows.getLong(1), rows.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        notifications.close();
        pool.close();
    }

    private <T> T withConnection(Work<T> work) {
        ensureOpen();
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreFailure("could not read the ledger: " + e.getMessage(), e);
        }
    }

    private static long querySize(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_SIZE);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static StoredEntry entryAt(ResultSet rows) throws SQLException {
        return new StoredEntry(rows.getLong(1), rows.getString(2), rows.getBytes(3));
    }

    private static void requireFrom(long fromSeq) {
        if (fromSeq < 0) throw new IllegalArgumentException("fromSeq must not be negative");
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the store is closed");
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
