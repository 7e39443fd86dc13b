package org.truce.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * How Truce opens its SQLite file: the pragmas every connection gets and the two connection roles,
 * one writer and any number of readers. Immutable; every method opens something new.
 *
 * <p>{@code journal_mode=WAL} lets readers run beside the writer on a snapshot of the last commit.
 * {@code synchronous=FULL} makes SQLite fsync the WAL on every commit: in WAL mode NORMAL would lose
 * the last commits on power loss, and the port promises that an acknowledged append survives it.
 */
final class SqliteDatabase {

    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final String url;

    SqliteDatabase(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath().normalize();
    }

    /** Connections for Flyway: the writer's pragmas, autocommit on. */
    DataSource migrationSource() {
        return source(writerConfig());
    }

    /**
     * The one writer connection of the ledger, in autocommit: its user opens and ends every transaction
     * itself ({@code BEGIN IMMEDIATE} ... {@code COMMIT}, {@code ROLLBACK} on failure), so it holds no
     * lock between appends and never runs a statement outside the transaction it meant. (With autocommit
     * off the driver issues the next BEGIN after a COMMIT or ROLLBACK succeeds; when SQLite has already
     * rolled back by itself, as it may on SQLITE_FULL, the driver's ROLLBACK fails, no BEGIN follows, and
     * the next batch's rows were each committed on their own, without their head.)
     */
    Connection openWriter() throws SQLException {
        return source(writerConfig()).getConnection();
    }

    /**
     * A connection with the writer's pragmas left in autocommit, so that every statement is its own
     * short transaction and holds no lock or snapshot afterwards (the accounts store, shared with
     * another process).
     */
    Connection openAutoCommit() throws SQLException {
        return source(writerConfig()).getConnection();
    }

    /** Read-only connections; each statement runs in its own read transaction on a WAL snapshot. */
    DataSource readerSource() {
        SQLiteConfig config = commonConfig();
        config.setReadOnly(true);
        return source(config);
    }

    private SQLiteConfig writerConfig() {
        SQLiteConfig config = commonConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        return config;
    }

    private static SQLiteConfig commonConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private SQLiteDataSource source(SQLiteConfig config) {
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }
}
