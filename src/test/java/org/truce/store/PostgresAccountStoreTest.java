package org.truce.store;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.truce.accounts.AccountStore;

/**
 * The accounts in a real PostgreSQL database, schema truce_private: the contract (each store opened
 * is a node, or a {@code truce admin --db}, with its own pool).
 */
class PostgresAccountStoreTest extends AccountStoreContract {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
        PrivateSchema.migrate(database);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        PrivateSchema.empty(database);
    }

    @Override
    protected AccountStore open() {
        return PrivateDatabase.openAccounts(database.url());
    }
}
