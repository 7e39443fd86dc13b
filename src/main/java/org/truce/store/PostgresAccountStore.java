package org.truce.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
 * The accounts in the shared PostgreSQL database, schema {@code truce_private}: every node and every
 * {@code truce admin --db} command reads and writes the same rows, so an account, a grant or a
 * revocation made anywhere counts on every node from its next request.
 *
 * <p>Nothing is cached and every method is one short transaction on a pooled connection. Duplicates
 * are found by {@code INSERT ... ON CONFLICT DO NOTHING}, atomic across nodes. Thread-safe.
 * Lifecycle: from {@link PrivateDatabase#accounts()}, closed once (the pool stays with its owner);
 * calls after {@link #close} throw IllegalStateException.
 */
final class PostgresAccountStore implements AccountStore {

    private static final String ACCOUNT_COLUMNS = "id, org_id, username, disabled, created_at";
    private static final String TOKEN_COLUMNS =
            "id, account_id, name, secret_sha256, created_at, expires_at, revoked_at, last_used_at";
    private static final String INSERT_GRANT =
            "INSERT INTO grants (account_id, role, scope_org) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    private final PrivateJdbc jdbc;
    private final Runnable release;
    private volatile boolean closed;

    /** @param release run once on {@link #close} (closes the pool when the store owns it) */
    PostgresAccountStore(PrivateJdbc jdbc, Runnable release) {
        this.jdbc = jdbc;
        this.release = release;
    }

    @Override
    public boolean addOrganisation(Organisation o) {
        return update("INSERT INTO organisations (id, source_id, name) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                o.id(), o.sourceId(), o.name()) == 1;
    }

    @Override
    public Optional<Organisation> organisation(String id) {
        return first("SELECT id, source_id, name FROM organisations WHERE id = ?", PostgresAccountStore::organisationAt, id);
    }

    @Override
    public List<Organisation> organisations() {
        return query("SELECT id, source_id, name FROM organisations ORDER BY id COLLATE \"C\"", PostgresAccountStore::organisationAt);
    }

    @Override
    public boolean addAccount(Account a, String passwordHash, List<Grant> grants) {
        ensureOpen();
        return jdbc.transaction(c -> {
            boolean added = PrivateJdbc.update(c, "INSERT INTO accounts (id, org_id, username, password_hash, disabled, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                    a.id(), a.orgId(), a.username(), passwordHash, a.disabled(), a.createdAt()) == 1;
            if (added) {
                for (Grant g : grants) PrivateJdbc.update(c, INSERT_GRANT, a.id(), g.role().wireName(), g.scopeOrg());
            }
            return added;
        });
    }

    @Override
    public Optional<Account> account(String id) {
        return first("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id = ?", PostgresAccountStore::accountAt, id);
    }

    @Override
    public Optional<Account> accountByUsername(String username) {
        return first("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE username = ?", PostgresAccountStore::accountAt, username);
    }

    @Override
    public List<Account> accounts(String orgId) {
        if (orgId == null) {
            return query("SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY username COLLATE \"C\"", PostgresAccountStore::accountAt);
        }
        return query("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE org_id = ? ORDER BY username COLLATE \"C\"",
                PostgresAccountStore::accountAt, orgId);
    }

    @Override
    public Optional<String> passwordHash(String accountId) {
        return first("SELECT password_hash FROM accounts WHERE id = ?", rows -> rows.getString(1), accountId);
    }

    @Override
    public boolean setDisabled(String accountId, boolean disabled) {
        return update("UPDATE accounts SET disabled = ? WHERE id = ?", disabled, accountId) == 1;
    }

    @Override
    public boolean addGrant(String accountId, Grant grant) {
        return update(INSERT_GRANT, accountId, grant.role().wireName(), grant.scopeOrg()) == 1;
    }

    @Override
    public boolean removeGrant(String accountId, Grant grant) {
        return update("DELETE FROM grants WHERE account_id = ? AND role = ? AND scope_org = ?",
                accountId, grant.role().wireName(), grant.scopeOrg()) == 1;
    }

    @Override
    public List<Grant> grants(String accountId) {
        List<Grant> grants = new java.util.ArrayList<>(query("SELECT role, scope_org FROM grants WHERE account_id = ?",
                PostgresAccountStore::grantAt, accountId));
        grants.sort((a, b) -> a.role() != b.role() ? a.role().compareTo(b.role()) : a.scopeOrg().compareTo(b.scopeOrg()));
        return List.copyOf(grants);
    }

    @Override
    public boolean anyEnabledAccountHolds(Role role) {
        return !query("SELECT 1 FROM grants g JOIN accounts a ON a.id = g.account_id WHERE g.role = ? AND NOT a.disabled LIMIT 1",
                rows -> rows.getInt(1), role.wireName()).isEmpty();
    }

    @Override
    public void addToken(StoredToken t) {
        update("INSERT INTO tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.accountId(), t.name(),
                t.secretHash(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt());
    }

    @Override
    public Optional<StoredToken> token(String id) {
        return first("SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE id = ?", PostgresAccountStore::tokenAt, id);
    }

    @Override
    public boolean revokeToken(String id, Instant at) {
        return update("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id) == 1;
    }

    @Override
    public void tokenUsed(String id, Instant at) {
        update("UPDATE tokens SET last_used_at = ? WHERE id = ?", at, id);
    }

    @Override
    public void noteRecorded(List<String> entryIds, String accountId) {
        ensureOpen();
        jdbc.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(SqliteAccountStore.NOTE_RECORDED)) {
                for (String id : entryIds) {
                    insert.setString(1, id);
                    insert.setString(2, accountId);
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    @Override
    public Optional<String> recordedBy(String entryId) {
        return first("SELECT account_id FROM recorded_by WHERE entry_id = ?", rows -> rows.getString(1), entryId);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        release.run();
    }

    private int update(String sql, Object... args) {
        ensureOpen();
        return jdbc.update(sql, args);
    }

    private <T> List<T> query(String sql, PrivateJdbc.Row<T> row, Object... args) {
        ensureOpen();
        return jdbc.query(sql, row, args);
    }

    private <T> Optional<T> first(String sql, PrivateJdbc.Row<T> row, Object... args) {
        ensureOpen();
        return jdbc.first(sql, row, args);
    }

    private static Organisation organisationAt(ResultSet rows) throws SQLException {
        return new Organisation(rows.getString(1), rows.getString(2), rows.getString(3));
    }

    private static Account accountAt(ResultSet rows) throws SQLException {
        return new Account(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4),
                PrivateJdbc.instant(rows, 5));
    }

    private static Grant grantAt(ResultSet rows) throws SQLException {
        String role = rows.getString(1);
        return new Grant(Role.parse(role).orElseThrow(() -> new StoreFailure("unknown role in the accounts store: " + role)),
                rows.getString(2));
    }

    private static StoredToken tokenAt(ResultSet rows) throws SQLException {
        return new StoredToken(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBytes(4),
                PrivateJdbc.instant(rows, 5), PrivateJdbc.instant(rows, 6), PrivateJdbc.instant(rows, 7),
                PrivateJdbc.instant(rows, 8));
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the accounts store is closed");
    }
}
