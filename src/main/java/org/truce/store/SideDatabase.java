package org.truce.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite file beside the ledger for data that must stay out of it ({@code audit.db}, {@code keys.db}).
 * Same pragmas as {@link SqliteDatabase} (WAL, synchronous=FULL, busy timeout), optionally
 * {@code secure_delete}. Connections run in autocommit mode and callers open their own transactions
 * with {@link #immediately}, because the driver's implicit BEGIN is DEFERRED and another process
 * may write between a deferred read and the write that depends on it. Immutable.
 */
final class SideDatabase {

    private final String url;
    private final boolean secureDelete;

    SideDatabase(Path file, boolean secureDelete) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath().normalize();
        this.secureDelete = secureDelete;
    }

    /** For Flyway and for the adapter's connection: every one gets the same pragmas. */
    DataSource source() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SqliteDatabase.BUSY_TIMEOUT_MILLIS);
        // Overwrite deleted content with zeros instead of leaving it in free pages (sqlite.org/pragma.html#pragma_secure_delete).
        if (secureDelete) config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    Connection open() throws SQLException {
        return source().getConnection();
    }

    /** Work done inside one transaction on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction that takes the write lock at once (waiting up to the busy
     * timeout), so everything it reads stays true until COMMIT, even with another process writing.
     * Rolls back if anything fails.
     */
    static <T> T immediately(Connection connection, Work<T> work) throws SQLException {
        return inTransaction(connection, "BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in one read transaction, so all its statements see the same snapshot. */
    static <T> T snapshot(Connection connection, Work<T> work) throws SQLException {
        return inTransaction(connection, "BEGIN DEFERRED", work);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static <T> T inTransaction(Connection connection, String begin, Work<T> work) throws SQLException {
        execute(connection, begin);
        try {
            T result = work.run(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                execute(connection, "ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }
}
