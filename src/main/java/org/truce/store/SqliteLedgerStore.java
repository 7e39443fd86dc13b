package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoreFailure;
import org.truce.ledger.StoredEntry;

/**
 * The ledger kept in one SQLite file (WAL, synchronous=FULL), tables {@code entries} and {@code heads}.
 *
 * <p>An append is one explicit transaction, {@code BEGIN IMMEDIATE} ... {@code COMMIT}; on any failure
 * it is rolled back (SQLite may have done so itself: on SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY or
 * SQLITE_NOMEM, per its documentation of transactions), and a writer connection whose state is then
 * in doubt is replaced, so a batch is all or nothing and the next append works once the cause is gone
 * (a full disk freed). Before anything is written an append is refused while the disk has less free
 * than its {@link DiskReserve}.
 *
 * <p>Threading: thread-safe. {@link #append} runs on the single writer connection and is serialised
 * (the port allows one writer; concurrent callers queue). Every read runs on its own pooled read
 * connection in its own read transaction, so reads never wait for the writer and see a committed
 * prefix. {@link #size} reads a cached counter set after each commit. Lifecycle: obtained from
 * {@link Stores#openSqlite}, closed once; any call after {@link #close} throws IllegalStateException.
 */
final class SqliteLedgerStore implements LedgerStore {

    private static final int FETCH_SIZE = 256;
    private static final int MAX_IDLE_READERS = 4;
    private static final Pattern PRAGMA_NAME = Pattern.compile("[a-z_]+");

    private static final String SELECT_SIZE = "SELECT COALESCE(MAX(seq) + 1, 0) FROM entries";
    private static final String INSERT_ENTRY = "INSERT INTO entries (seq, client_id, body) VALUES (?, ?, ?)";
    private static final String INSERT_HEAD = "INSERT INTO heads (size, note) VALUES (?, ?)";
    private static final String SELECT_BY_CLIENT_ID = "SELECT seq, client_id, body FROM entries WHERE client_id = ?";
    private static final String SELECT_FROM = "SELECT seq, client_id, body FROM entries WHERE seq >= ? ORDER BY seq";
    private static final String SELECT_PAGE = SELECT_FROM + " LIMIT ?";
    private static final String SELECT_HEADS = "SELECT size, note FROM heads ORDER BY size";
    private static final String DELETE_UNSIGNED = "DELETE FROM entries WHERE seq >= (SELECT COALESCE(MAX(size), 0) FROM heads)";
    /** What SQLite answers a ROLLBACK after it rolled the transaction back by itself. */
    private static final String NO_TRANSACTION = "no transaction is active";

    private final SqliteDatabase database;
    /** The writer connection, or null after one was dropped until the next write opens another. Guarded by this. */
    private Connection writer;
    private final ReadConnections readers;
    private final DiskReserve reserve;
    private final AtomicLong size;
    private volatile boolean closed;

    private SqliteLedgerStore(SqliteDatabase database, Connection writer, ReadConnections readers, DiskReserve reserve,
                              long size) {
        this.database = database;
        this.writer = writer;
        this.readers = readers;
        this.reserve = reserve;
        this.size = new AtomicLong(size);
    }

    /** Opens the store on an already migrated database, refusing appends while its disk has less free than {@code reserve}. */
    static SqliteLedgerStore open(SqliteDatabase database, DiskReserve reserve) throws SQLException {
        Connection writer = database.openWriter();
        try {
            long size = querySize(writer);
            return new SqliteLedgerStore(database, writer, new ReadConnections(database.readerSource(), MAX_IDLE_READERS),
                    reserve, size);
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    @Override
    public long size() {
        ensureOpen();
        return size.get();
    }

    @Override
    public synchronized void append(List<StoredEntry> entries, long headSize, String signedHead) {
        ensureOpen();
        long first = size.get();
        AppendCheck.require(first, entries, headSize, signedHead);
        reserve.requireRoom();
        try {
            Connection connection = writer();
            execute(connection, "BEGIN IMMEDIATE");
            insertEntries(connection, entries);
            insertHead(connection, headSize, signedHead);
            execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            throw failedAppend(first, headSize, e);
        }
        size.set(headSize);
    }

    @Override
    public synchronized long dropUnsignedTail() {
        ensureOpen();
        try {
            Connection connection = writer();
            execute(connection, "BEGIN IMMEDIATE");
            int dropped;
            try (PreparedStatement delete = connection.prepareStatement(DELETE_UNSIGNED)) {
                dropped = delete.executeUpdate();
            }
            execute(connection, "COMMIT");
            size.set(querySize(connection));
            return dropped;
        } catch (SQLException | RuntimeException e) {
            StoreFailure failure = new StoreFailure("could not remove the unsigned entries: " + e.getMessage(), e);
            rollBack(failure);
            throw failure;
        }
    }

    @Override
    public Optional<DiskSpace> diskSpace() {
        ensureOpen();
        return reserve.space();
    }

    /** The writer connection, opened again if a failure dropped the last one. Caller holds this. */
    private Connection writer() throws SQLException {
        if (writer == null) writer = database.openWriter();
        return writer;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void insertEntries(Connection writer, List<StoredEntry> entries) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement(INSERT_ENTRY)) {
            for (StoredEntry entry : entries) {
                insert.setLong(1, entry.seq());
                insert.setString(2, entry.clientId());
                insert.setBytes(3, entry.bytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertHead(Connection writer, long headSize, String signedHead) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement(INSERT_HEAD)) {
            insert.setLong(1, headSize);
            insert.setString(2, signedHead);
            insert.executeUpdate();
        }
    }

    /** Rolls back, re-reads the size from the file (it is the truth), and describes the failure. */
    private StoreFailure failedAppend(long first, long headSize, Exception cause) {
        StoreFailure failure = new StoreFailure(
                "could not append entries " + first + ".." + (headSize - 1) + ": " + cause.getMessage(), cause);
        rollBack(failure);
        try {
            size.set(querySize(writer()));
        } catch (SQLException e) {
            failure.addSuppressed(e);
            dropWriter(failure);
        }
        return failure;
    }

    /**
     * Ends the writer's transaction after a failure. A ROLLBACK that finds none is what SQLite answers
     * when it rolled back by itself; any other failure leaves the connection's state in doubt, so it is
     * closed (which rolls back whatever it still held) and the next write opens a new one.
     */
    private void rollBack(StoreFailure failure) {
        if (writer == null) return;
        try {
            execute(writer, "ROLLBACK");
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains(NO_TRANSACTION)) return;
            failure.addSuppressed(e);
            dropWriter(failure);
        }
    }

    private void dropWriter(StoreFailure failure) {
        try {
            if (writer != null) writer.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        writer = null;
    }

    @Override
    public Optional<StoredEntry> findByClientId(String clientId) {
        if (clientId == null) throw new IllegalArgumentException("clientId must not be null");
        return withReader(connection -> {
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
        return withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_PAGE)) {
                select.setLong(1, fromSeq);
                select.setInt(2, limit);
                List<StoredEntry> page = new ArrayList<>(Math.min(limit, FETCH_SIZE));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) page.add(entryAt(rows));
                }
                return page;
            }
        });
    }

    @Override
    public void forEach(long fromSeq, Consumer<StoredEntry> sink) {
        requireFrom(fromSeq);
        if (sink == null) throw new IllegalArgumentException("sink must not be null");
        withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_FROM)) {
                select.setFetchSize(FETCH_SIZE);
                select.setLong(1, fromSeq);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) sink.accept(entryAt(rows));
                }
                return null;
            }
        });
    }

    @Override
    public List<KeptHead> heads() {
        return withReader(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_HEADS);
                    ResultSet rows = select.executeQuery()) {
                List<KeptHead> heads = new ArrayList<>();
                while (rows.next()) heads.add(new KeptHead(rows.getLong(1), rows.getString(2)));
                return heads;
            }
        });
    }

    /** The value of a pragma on the writer connection (for tests and diagnostics). */
    synchronized String writerPragma(String name) {
        ensureOpen();
        try {
            return pragma(writer(), name);
        } catch (SQLException e) {
            throw new StoreFailure("could not read pragma " + name, e);
        }
    }

    /** The value of a pragma on a read connection (for tests and diagnostics). */
    String readerPragma(String name) {
        return withReader(connection -> pragma(connection, name));
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        if (!PRAGMA_NAME.matcher(name).matches()) throw new IllegalArgumentException("not a pragma name: " + name);
        try (PreparedStatement select = connection.prepareStatement("PRAGMA " + name);
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        StoreFailure failure = null;
        try {
            readers.close();
        } catch (StoreFailure e) {
            failure = e;
        }
        try {
            if (writer != null) writer.close();
        } catch (SQLException e) {
            if (failure == null) failure = new StoreFailure("could not close the writer connection", e);
            else failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }

    private <T> T withReader(ReadWork<T> work) {
        ensureOpen();
        try (ReadConnections.Lease lease = readers.lease()) {
            return work.run(lease.connection());
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
    private interface ReadWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
