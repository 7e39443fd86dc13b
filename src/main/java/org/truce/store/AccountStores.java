package org.truce.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.truce.accounts.AccountStore;
import org.truce.ledger.StoreFailure;

/**
 * Opens the accounts store of a data directory. It takes no {@link DataDirLock}: the CLI manages
 * accounts while a server holds the ledger, and the two share {@code accounts.db} through SQLite's own
 * locking.
 */
public final class AccountStores {

    /** The SQLite file of accounts inside a data directory. */
    public static final String FILE = "accounts.db";

    private static final String MIGRATIONS = "classpath:db/accounts";

    private AccountStores() {}

    /**
     * Opens (creating it, owner read/write only, if needed) {@code accounts.db} in {@code dataDir},
     * brought up to the latest schema. The caller closes the store.
     *
     * @throws StoreFailure if the directory, the file or a migration cannot be opened or applied
     */
    public static AccountStore open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        StoreFiles.createDirectories(dataDir);
        StoreFiles.createOwnerOnly(file);
        SqliteDatabase database = new SqliteDatabase(file);
        StoreFiles.migrate(database.migrationSource(), MIGRATIONS, "accounts");
        try {
            return SqliteAccountStore.open(database);
        } catch (SQLException e) {
            throw new StoreFailure("could not open " + file.toAbsolutePath(), e);
        }
    }
}
