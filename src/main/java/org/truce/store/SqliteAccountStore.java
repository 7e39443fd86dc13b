package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.Account;
import org.truce.accounts.AccountStore;
import org.truce.accounts.Grant;
import org.truce.accounts.Organisation;
import org.truce.accounts.Role;
import org.truce.accounts.StoredToken;
import org.truce.ledger.StoreFailure;

/**
 * The accounts kept in their own SQLite file, {@code accounts.db} (WAL, synchronous=FULL), apart from
 * the ledger: credentials are private to the node.
 *
 * <p>A server and a CLI command may use the file at once, so nothing is cached and every method is
 * one short transaction: single statements run in autocommit; {@link #addAccount} wraps its inserts
 * in one transaction that starts with a write, so it never has to upgrade a read snapshot. Duplicates
 * are found by {@code INSERT ... ON CONFLICT DO NOTHING}, atomic across processes.
 *
 * <p>Thread-safe: one connection, every method synchronized. Each holds the monitor for a statement
 * or two; the slow work of accounts (Argon2) happens in the caller, outside. Lifecycle: opened by
 * {@link AccountStores#open}, closed once; calls after {@link #close} throw IllegalStateException.
 */
final class SqliteAccountStore implements AccountStore {

    /** Notes the account that recorded an entry awaiting review; the same SQL in both private stores. */
    static final String NOTE_RECORDED = "INSERT INTO recorded_by (entry_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String ACCOUNT_COLUMNS = "id, org_id, username, disabled, created_at";
    private static final String TOKEN_COLUMNS =
            "id, account_id, name, secret_sha256, created_at, expires_at, revoked_at, last_used_at";

    private final Connection connection;
    private boolean closed;

    private SqliteAccountStore(Connection connection) {
        this.connection = connection;
    }

    static SqliteAccountStore open(SqliteDatabase database) throws SQLException {
        return new SqliteAccountStore(database.openAutoCommit());
    }

    @Override
    public synchronized boolean addOrganisation(Organisation o) {
        return update("INSERT INTO organisations (id, source_id, name) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                o.id(), o.sourceId(), o.name()) == 1;
    }

    @Override
    public synchronized Optional<Organisation> organisation(String id) {
        return first(query("SELECT id, source_id, name FROM organisations WHERE id = ?", SqliteAccountStore::organisationAt, id));
    }

    @Override
    public synchronized List<Organisation> organisations() {
        return query("SELECT id, source_id, name FROM organisations ORDER BY id", SqliteAccountStore::organisationAt);
    }

    @Override
    public synchronized boolean addAccount(Account a, String passwordHash, List<Grant> grants) {
        return inTransaction(() -> {
            boolean added = run("INSERT INTO accounts (id, org_id, username, password_hash, disabled, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                    a.id(), a.orgId(), a.username(), passwordHash, a.disabled() ? 1 : 0, a.createdAt().toString()) == 1;
            if (added) {
                for (Grant g : grants) insertGrant(a.id(), g);
            }
            return added;
        });
    }

    @Override
    public synchronized Optional<Account> account(String id) {
        return first(query("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id = ?", SqliteAccountStore::accountAt, id));
    }

    @Override
    public synchronized Optional<Account> accountByUsername(String username) {
        return first(query("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE username = ?", SqliteAccountStore::accountAt,
                username));
    }

    @Override
    public synchronized List<Account> accounts(String orgId) {
        if (orgId == null) {
            return query("SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY username", SqliteAccountStore::accountAt);
        }
        return query("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE org_id = ? ORDER BY username",
                SqliteAccountStore::accountAt, orgId);
    }

    @Override
    public synchronized Optional<String> passwordHash(String accountId) {
        return first(query("SELECT password_hash FROM accounts WHERE id = ?", rows -> rows.getString(1), accountId));
    }

    @Override
    public synchronized boolean setDisabled(String accountId, boolean disabled) {
        return update("UPDATE accounts SET disabled = ? WHERE id = ?", disabled ? 1 : 0, accountId) == 1;
    }

    @Override
    public synchronized boolean addGrant(String accountId, Grant grant) {
        return update("INSERT INTO grants (account_id, role, scope_org) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                accountId, grant.role().wireName(), grant.scopeOrg()) == 1;
    }

    @Override
    public synchronized boolean removeGrant(String accountId, Grant grant) {
        return update("DELETE FROM grants WHERE account_id = ? AND role = ? AND scope_org = ?",
                accountId, grant.role().wireName(), grant.scopeOrg()) == 1;
    }

    @Override
    public synchronized List<Grant> grants(String accountId) {
        List<Grant> grants = new ArrayList<>(query("SELECT role, scope_org FROM grants WHERE account_id = ?",
                SqliteAccountStore::grantAt, accountId));
        grants.sort((a, b) -> a.role() != b.role() ? a.role().compareTo(b.role()) : a.scopeOrg().compareTo(b.scopeOrg()));
        return List.copyOf(grants);
    }

    @Override
    public synchronized boolean anyEnabledAccountHolds(Role role) {
        return !query("SELECT 1 FROM grants g JOIN accounts a ON a.id = g.account_id WHERE g.role = ? AND a.disabled = 0 LIMIT 1",
                rows -> rows.getInt(1), role.wireName()).isEmpty();
    }

    @Override
    public synchronized void addToken(StoredToken t) {
        update("INSERT INTO tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.accountId(), t.name(),
                t.secretHash(), t.createdAt().toString(), t.expiresAt().toString(), text(t.revokedAt()), text(t.lastUsedAt()));
    }

    @Override
    public synchronized Optional<StoredToken> token(String id) {
        return first(query("SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE id = ?", SqliteAccountStore::tokenAt, id));
    }

    @Override
    public synchronized boolean revokeToken(String id, Instant at) {
        return update("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at.toString(), id) == 1;
    }

    @Override
    public synchronized void tokenUsed(String id, Instant at) {
        update("UPDATE tokens SET last_used_at = ? WHERE id = ?", at.toString(), id);
    }

    @Override
    public synchronized void noteRecorded(List<String> entryIds, String accountId) {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement(NOTE_RECORDED)) {
                for (String id : entryIds) {
                    bind(insert, id, accountId);
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    @Override
    public synchronized Optional<String> recordedBy(String entryId) {
        return first(query("SELECT account_id FROM recorded_by WHERE entry_id = ?", rows -> rows.getString(1), entryId));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreFailure("could not close the accounts store", e);
        }
    }

    // --- JDBC plumbing ---------------------------------------------------------------------------

    private void insertGrant(String accountId, Grant g) throws SQLException {
        run("INSERT INTO grants (account_id, role, scope_org) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                accountId, g.role().wireName(), g.scopeOrg());
    }

    /** Work on the connection inside one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction (one fsync): committed if it returns, rolled back if anything fails. */
    private <T> T inTransaction(Work<T> work) {
        ensureOpen();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Object... args) {
        ensureOpen();
        try {
            return run(sql, args);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int run(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        ensureOpen();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) out.add(row.read(rows));
                return out;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static Organisation organisationAt(ResultSet rows) throws SQLException {
        return new Organisation(rows.getString(1), rows.getString(2), rows.getString(3));
    }

    private static Account accountAt(ResultSet rows) throws SQLException {
        return new Account(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4) != 0,
                Instant.parse(rows.getString(5)));
    }

    private static Grant grantAt(ResultSet rows) throws SQLException {
        String role = rows.getString(1);
        return new Grant(Role.parse(role).orElseThrow(() -> new StoreFailure("unknown role in accounts.db: " + role)),
                rows.getString(2));
    }

    private static StoredToken tokenAt(ResultSet rows) throws SQLException {
        return new StoredToken(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBytes(4),
                Instant.parse(rows.getString(5)), Instant.parse(rows.getString(6)), instant(rows.getString(7)),
                instant(rows.getString(8)));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private StoreFailure failure(SQLException e) {
        return new StoreFailure("accounts store: " + e.getMessage(), e);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the accounts store is closed");
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
