package org.truce.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.AccountStore;

/** The accounts in a real accounts.db: the contract (two open stores are a server and a CLI on one file). */
class SqliteAccountStoreTest extends AccountStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected AccountStore open() {
        return AccountStores.open(dataDir);
    }
}
