package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.TestEntries.batch;
import static org.truce.store.TestEntries.headNote;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoredEntry;

/** The PostgreSQL adapter against a real server, in a database of its own: the contract, and PostgreSQL specifics. */
class PostgresLedgerStoreTest implements LedgerStoreContract {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        database.truncate();
    }

    @Override
    public LedgerStore openStore() {
        return Stores.openPostgres(database.url());
    }

    @Override
    public void insertWithoutHead(List<StoredEntry> entries) {
        try (Connection raw = DriverManager.getConnection(database.jdbcUrl())) {
            LedgerStoreContract.insertRows(raw, entries);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_store_says_it_is_shared_and_a_jdbc_url_opens_it_too() {
        try (LedgerStore store = Stores.openPostgres(database.jdbcUrl())) {
            assertThat(store.shared()).isTrue();
            store.append(batch(0, 1), 1, headNote(1));
        }
        try (LedgerStore store = openStore()) {
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void the_body_column_holds_the_exact_bytes_as_bytea() throws SQLException {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 1), 1, headNote(1));
        }
        try (Connection raw = DriverManager.getConnection(database.jdbcUrl());
                Statement sql = raw.createStatement();
                ResultSet rows = sql.executeQuery("SELECT pg_typeof(body)::text, body FROM entries WHERE seq = 0")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("bytea");
            assertThat(rows.getBytes(2)).isEqualTo(TestEntries.bytes(0));
        }
    }

    @Test
    void a_second_append_session_waits_for_the_first_and_sees_its_entries() throws Exception {
        try (LedgerStore a = openStore(); LedgerStore b = openStore()) {
            var first = a.beginAppend();
            var entered = new java.util.concurrent.CountDownLatch(1);
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                entered.countDown();
                try (var s = b.beginAppend()) {
                    return s.size();
                }
            });
            entered.await();
            first.append(batch(0, 2), 2, headNote(2));
            first.close();
            assertThat(second.get()).isEqualTo(2);
        }
    }

    /** The rules lock: one holder at a time across stores (nodes); the next waits, visibly, until it is released. */
    @Test
    void a_second_node_waits_for_the_rules_lock_until_the_first_releases_it() throws Exception {
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (LedgerStore a = openStore(); LedgerStore b = openStore();
             Connection watch = DriverManager.getConnection(database.jdbcUrl())) {
            LedgerStore.RulesLock held = a.lockRules();
            assertThat(rulesLockHolders(watch, true)).isEqualTo(1);
            var second = pool.submit(() -> {
                try (LedgerStore.RulesLock mine = b.lockRules()) {
                    return rulesLockHolders(watch, true);
                }
            });
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (rulesLockHolders(watch, false) == 0) { // the second node's request, waiting
                assertThat(System.nanoTime()).as("the second node asking for the lock").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(second.isDone()).isFalse();
            held.close();
            assertThat(second.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(rulesLockHolders(watch, true)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private static int rulesLockHolders(Connection c, boolean granted) throws SQLException {
        try (var q = c.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = ?"
                + " AND classid = ? AND objid = ? AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            q.setBoolean(1, granted);
            q.setLong(2, PostgresLedgerStore.RULES_LOCK >>> 32);
            q.setLong(3, PostgresLedgerStore.RULES_LOCK & 0xffff_ffffL);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void a_malformed_url_is_refused_with_the_reason() {
        assertThatThrownBy(() -> Stores.openPostgres("mysql://x@h/db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> Stores.openPostgres("postgresql://postgres@127.0.0.1:5432/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no database");
    }
}
