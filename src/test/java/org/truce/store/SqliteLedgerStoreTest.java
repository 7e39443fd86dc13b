package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.TestEntries.batch;
import static org.truce.store.TestEntries.headNote;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoreFailure;
import org.truce.ledger.StoredEntry;

/** The SQLite adapter against a real file in a temporary data directory: the contract, and SQLite specifics. */
class SqliteLedgerStoreTest implements LedgerStoreContract {

    @TempDir
    Path dataDir;

    @Override
    public LedgerStore openStore() {
        return Stores.openSqlite(dataDir);
    }

    @Override
    public void insertWithoutHead(List<StoredEntry> entries) {
        openStore().close(); // the schema, if the store was never opened
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Stores.SQLITE_FILE))) {
            LedgerStoreContract.insertRows(raw, entries);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * RAISE(ROLLBACK) in a trigger ends the whole transaction from inside SQLite, as SQLITE_FULL may: the
     * store's ROLLBACK then finds none. The batch must leave nothing, and the next one must be one
     * transaction again (the driver's implicit BEGIN used to be skipped then, so the next batches' rows
     * committed one by one, without their head, and every later append failed).
     */
    @Test
    void a_batch_sqlite_rolled_back_by_itself_leaves_nothing_and_the_store_takes_the_next_one_whole() throws SQLException {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 2), 2, headNote(2));
            sql("CREATE TRIGGER fail_head BEFORE INSERT ON heads BEGIN SELECT RAISE(ROLLBACK, 'injected: disk full'); END");

            assertThatThrownBy(() -> store.append(batch(2, 3), 5, headNote(5))).isInstanceOf(StoreFailure.class)
                    .hasMessageContaining("injected: disk full");
            sql("DROP TRIGGER fail_head");
            sql("CREATE TRIGGER fail_entry BEFORE INSERT ON entries WHEN NEW.seq = 3 BEGIN SELECT RAISE(ROLLBACK, 'injected: disk full'); END");

            assertThatThrownBy(() -> store.append(batch(2, 3), 5, headNote(5))).isInstanceOf(StoreFailure.class)
                    .hasMessageContaining("injected: disk full");
            assertThat(store.size()).isEqualTo(2);
            assertThat(rows("entries")).as("nothing of the failed batches").isEqualTo(2);
            assertThat(rows("heads")).isEqualTo(1);
            sql("DROP TRIGGER fail_entry");

            store.append(batch(2, 3), 5, headNote(5));
            store.append(batch(5, 1), 6, headNote(6));

            assertThat(store.size()).isEqualTo(6);
            assertThat(store.heads()).extracting(LedgerStore.KeptHead::size).containsExactly(2L, 5L, 6L);
        }
        try (LedgerStore reopened = openStore()) {
            assertThat(reopened.read(0, 100)).extracting(StoredEntry::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Stores.SQLITE_FILE));
                Statement sql = raw.createStatement()) {
            sql.execute(statement);
        }
    }

    private long rows(String table) throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Stores.SQLITE_FILE));
                Statement sql = raw.createStatement();
                var rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
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
