package org.truce.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.truce.ledger.StoreFailure;
import org.truce.privacy.DataKey;
import org.truce.privacy.DataKeys;

/**
 * The data keys in the shared PostgreSQL database, schema {@code truce_private}, tables
 * {@code data_keys} and {@code destroyed_keys}: a case sealed on one node opens on every other.
 *
 * <p>Creation is atomic across nodes: {@code INSERT ... ON CONFLICT DO NOTHING} and a re-read, so
 * two nodes creating a key for the same case at once both end with the one that was committed. Each
 * write also takes a transaction-scoped advisory lock on the case, so a destroy and a creation of the
 * same case cannot interleave (a destroyed case never gets a key back).
 *
 * <p>Forgetting: {@link #destroy} deletes the row and then runs {@code VACUUM FULL} on the table,
 * which rewrites it without the dead row. Copies in PostgreSQL's write-ahead log, in WAL archives and
 * in base backups remain until those are recycled or expire; the README says so. Thread-safe.
 * Lifecycle: from {@link PrivateDatabase#dataKeys}, closed once; calls after {@link #close} throw
 * IllegalStateException.
 */
final class PostgresDataKeys implements DataKeys {

    private static final String INSERT_KEY = "INSERT INTO data_keys (case_id, key) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING";
    private static final String SELECT_KEY = "SELECT key FROM data_keys WHERE case_id = ?";
    private static final String SELECT_DESTROYED = "SELECT 1 FROM destroyed_keys WHERE case_id = ?";
    private static final String DELETE_KEY = "DELETE FROM data_keys WHERE case_id = ?";
    private static final String INSERT_DESTROYED =
            "INSERT INTO destroyed_keys (case_id, at) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING";

    private final PrivateJdbc jdbc;
    private final DataSource source;
    private final SecureRandom random;
    private final Clock clock;
    private volatile boolean closed;

    PostgresDataKeys(PrivateJdbc jdbc, DataSource source, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.source = source;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public DataKey getOrCreate(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        return jdbc.transaction(c -> {
            PrivateJdbc.lock(c, PrivateJdbc.KEYS_LOCK, caseId);
            if (!PrivateJdbc.query(c, SELECT_DESTROYED, rows -> 1, caseId).isEmpty()) {
                throw new IllegalStateException("the data key of case " + caseId
                        + " was destroyed (its personal data is erased); it cannot get a new key");
            }
            PrivateJdbc.update(c, INSERT_KEY, caseId, DataKey.generate(random).bytes());
            return select(c, caseId).orElseThrow();
        });
    }

    @Override
    public Optional<DataKey> find(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        return jdbc.transaction(c -> select(c, caseId));
    }

    @Override
    public boolean destroy(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        boolean had = jdbc.transaction(c -> {
            PrivateJdbc.lock(c, PrivateJdbc.KEYS_LOCK, caseId);
            int deleted = PrivateJdbc.update(c, DELETE_KEY, caseId);
            PrivateJdbc.update(c, INSERT_DESTROYED, caseId, clock.instant());
            return deleted > 0;
        });
        vacuum();
        return had;
    }

    @Override
    public boolean destroyed(String caseId) {
        ensureOpen();
        requireCaseId(caseId);
        return !jdbc.query(SELECT_DESTROYED, rows -> 1, caseId).isEmpty();
    }

    /** Rewrites the key table without dead rows (VACUUM cannot run inside a transaction). */
    private void vacuum() {
        try (Connection c = source.getConnection(); Statement sql = c.createStatement()) {
            c.setAutoCommit(true);
            sql.execute("VACUUM (FULL) data_keys");
        } catch (SQLException e) {
            throw new StoreFailure("the key was deleted but the key table could not be rewritten (VACUUM FULL); "
                    + "its bytes may remain in dead rows until the next destroy or vacuum: " + e.getMessage(), e);
        }
    }

    private static Optional<DataKey> select(Connection c, String caseId) throws SQLException {
        List<DataKey> keys = PrivateJdbc.query(c, SELECT_KEY, rows -> DataKey.of(rows.getBytes(1)), caseId);
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    private static void requireCaseId(String caseId) {
        if (caseId == null || caseId.isBlank()) throw new IllegalArgumentException("case id must not be blank");
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the key store is closed");
    }
}
