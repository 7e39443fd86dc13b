package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.store.TestEntries.batch;
import static org.truce.store.TestEntries.headNote;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoredEntry;

/** The SQLite adapter against a real file in a temporary data directory: the contract, and SQLite specifics. */
class SqliteLedgerStoreTest implements LedgerStoreContract {

    @TempDir
    Path dataDir;

    @Override
    public LedgerStore openStore() {
        return Stores.openSqlite(dataDir);
    }

    @Test
    void every_connection_runs_in_wal_mode_with_full_sync_foreign_keys_and_a_busy_timeout() {
        try (SqliteLedgerStore store = (SqliteLedgerStore) openStore()) {
            assertThat(store.writerPragma("journal_mode")).isEqualTo("wal");
            assertThat(store.writerPragma("synchronous")).isEqualTo("2");
            assertThat(store.writerPragma("foreign_keys")).isEqualTo("1");
            assertThat(store.writerPragma("busy_timeout")).isEqualTo(String.valueOf(SqliteDatabase.BUSY_TIMEOUT_MILLIS));
            assertThat(store.readerPragma("journal_mode")).isEqualTo("wal");
            assertThat(store.readerPragma("synchronous")).isEqualTo("2");
            assertThat(store.readerPragma("foreign_keys")).isEqualTo("1");
        }
    }

    @Test
    void the_data_directory_and_the_database_file_are_created_when_missing() {
        Path nested = dataDir.resolve("a/b/data");
        try (LedgerStore store = Stores.openSqlite(nested)) {
            store.append(batch(0, 1), 1, headNote(1));
        }
        assertThat(nested.resolve(Stores.SQLITE_FILE)).isRegularFile();
    }

    @Test
    void reads_see_the_committed_prefix_while_another_connection_holds_the_write_lock() throws SQLException {
        try (LedgerStore store = openStore();
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Stores.SQLITE_FILE));
                Statement sql = other.createStatement()) {
            store.append(batch(0, 2), 2, headNote(2));
            sql.execute("BEGIN IMMEDIATE");
            sql.execute("INSERT INTO entries (seq, client_id, body) VALUES (2, 'uncommitted', x'01')");

            assertThat(store.read(0, 10)).extracting(StoredEntry::seq).containsExactly(0L, 1L);
            assertThat(store.findByClientId("uncommitted")).isEmpty();

            sql.execute("ROLLBACK");
        }
    }

    @Test
    void the_body_column_holds_the_exact_bytes_as_a_blob() throws SQLException {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 1), 1, headNote(1));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Stores.SQLITE_FILE));
                Statement sql = raw.createStatement();
                var rows = sql.executeQuery("SELECT typeof(body), body FROM entries WHERE seq = 0")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("blob");
            assertThat(rows.getBytes(2)).isEqualTo(TestEntries.bytes(0));
        }
    }
}
