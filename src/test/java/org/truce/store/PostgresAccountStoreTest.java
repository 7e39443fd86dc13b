package org.truce.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.truce.accounts.AccountStore;

/**
 * The accounts in a real PostgreSQL database, schema truce_private: the contract (each store opened
 * is a node, or a {@code truce admin --db}, with its own pool).
 */
class PostgresAccountStoreTest extends AccountStoreContract {

    @RegisterExtension
    static final PrivateSchema schema = new PrivateSchema();

    @Override
    protected AccountStore open() {
        return PrivateDatabase.openAccounts(schema.database().url());
    }
}
