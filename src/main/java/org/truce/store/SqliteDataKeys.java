package org.truce.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.truce.ledger.StoreFailure;
import org.truce.privacy.DataKey;
import org.truce.privacy.DataKeys;

/**
 * The data keys in their own SQLite file, {@code keys.db}, tables {@code keys} and {@code destroyed}.
 *
 * <p>Forgetting is real: every connection runs with {@code secure_delete=ON}, so a deleted key's
 * bytes are overwritten with zeros in its page; {@link #destroy} then checkpoints the WAL into the
 * main file and truncates it (older page images with the key live in the WAL), VACUUMs (the file is
 * rebuilt without free pages) and checkpoints again (VACUUM in WAL mode writes through the WAL).
 * A checkpoint that another connection blocks fails the call rather than leaving a copy behind.
 *
 * <p>Threading: thread-safe; calls are serialised on one connection. Other processes may share the
 * file: writes run in {@code BEGIN IMMEDIATE} transactions. Lifecycle: obtained from
 * {@link PrivateStores#openDataKeys}, closed once; calls after {@link #close} throw IllegalStateException.
 */
final class SqliteDataKeys implements DataKeys {

    private static final String INSERT_KEY = "INSERT OR IGNORE INTO keys (case_id, key) VALUES (?, ?)";
    private static final String SELECT_KEY = "SELECT key FROM keys WHERE case_id = ?";
    private static final String SELECT_DESTROYED = "SELECT 1 FROM destroyed WHERE case_id = ?";
    private static final String DELETE_KEY = "DELETE FROM keys WHERE case_id = ?";
    private static final String INSERT_DESTROYED = "INSERT OR IGNORE INTO destroyed (case_id, at) "
            + "VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
    private static final String CHECKPOINT = "PRAGMA wal_checkpoint(TRUNCATE)";

    private final Connection connection;
    private final SecureRandom random;
    private boolean closed;

    SqliteDataKeys(Connection connection, SecureRandom random) {
        this.connection = connection;
        this.random = random;
    }

    @Override
    public synchronized DataKey getOrCreate(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        try {
            return SideDatabase.immediately(connection, c -> {
                if (exists(c, SELECT_DESTROYED, caseId)) {
                    throw new IllegalStateException("the data key of case " + caseId
                            + " was destroyed (its personal data is erased); it cannot get a new key");
                }
                try (PreparedStatement insert = c.prepareStatement(INSERT_KEY)) {
                    insert.setString(1, caseId);
                    insert.setBytes(2, DataKey.generate(random).bytes());
                    insert.executeUpdate();
                }
                return select(c, caseId).orElseThrow();
            });
        } catch (SQLException e) {
            throw new StoreFailure("could not get the data key of case " + caseId, e);
        }
    }

    @Override
    public synchronized Optional<DataKey> find(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        try {
            return select(connection, caseId);
        } catch (SQLException e) {
            throw new StoreFailure("could not read the data key of case " + caseId, e);
        }
    }

    @Override
    public synchronized boolean destroy(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        try {
            boolean had = SideDatabase.immediately(connection, c -> {
                try (PreparedStatement delete = c.prepareStatement(DELETE_KEY);
                        PreparedStatement mark = c.prepareStatement(INSERT_DESTROYED)) {
                    delete.setString(1, caseId);
                    int deleted = delete.executeUpdate();
                    mark.setString(1, caseId);
                    mark.executeUpdate();
                    return deleted > 0;
                }
            });
            shred();
            return had;
        } catch (SQLException e) {
            throw new StoreFailure("could not destroy the data key of case " + caseId, e);
        }
    }

    @Override
    public synchronized boolean destroyed(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        try {
            return exists(connection, SELECT_DESTROYED, caseId);
        } catch (SQLException e) {
            throw new StoreFailure("could not read whether case " + caseId + " was destroyed", e);
        }
    }

    /** Leaves no copy of deleted pages in the WAL or in free pages of the main file. */
    private void shred() throws SQLException {
        checkpoint();
        SideDatabase.execute(connection, "VACUUM");
        checkpoint();
    }

    private void checkpoint() throws SQLException {
        try (PreparedStatement pragma = connection.prepareStatement(CHECKPOINT);
                ResultSet rows = pragma.executeQuery()) {
            // Columns: busy, frames in the WAL, frames checkpointed (sqlite.org/pragma.html#pragma_wal_checkpoint).
            if (rows.next() && rows.getInt(1) != 0) {
                throw new StoreFailure("the key file is busy: the destroyed key may remain in keys.db-wal until "
                        + "the next destroy or a checkpoint");
            }
        }
    }

    private static Optional<DataKey> select(Connection c, String caseId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT_KEY)) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(DataKey.of(rows.getBytes(1))) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection c, String sql, String caseId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireCaseId(String caseId) {
        if (caseId == null || caseId.isBlank()) throw new IllegalArgumentException("case id must not be blank");
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreFailure("could not close the key store", e);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the key store is closed");
    }
}
