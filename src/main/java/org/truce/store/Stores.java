package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoreFailure;

/**
 * Opens ledger stores. The only public way in to the adapters of this package. Callers that run a
 * server should hold a {@link DataDirLock} on the data directory while the store is open.
 */
public final class Stores {

    /** The SQLite file inside a data directory. */
    public static final String SQLITE_FILE = "truce.db";

    private static final String SQLITE_MIGRATIONS = "classpath:db/sqlite";

    private Stores() {}

    /**
     * Opens (creating it and the directory if needed) the SQLite ledger in {@code dataDir}, brought
     * up to the latest schema. The caller closes the store.
     *
     * @throws StoreFailure if the directory, the file or a migration cannot be opened or applied
     */
    public static LedgerStore openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreFailure("could not create the data directory " + dataDir.toAbsolutePath(),
                    new UncheckedIOException(e));
        }
        SqliteDatabase database = new SqliteDatabase(dataDir.resolve(SQLITE_FILE));
        StoreFiles.migrate(database.migrationSource(), SQLITE_MIGRATIONS, "ledger");
        try {
            return SqliteLedgerStore.open(database);
        } catch (SQLException e) {
            throw new StoreFailure("could not open the ledger in " + dataDir.toAbsolutePath(), e);
        }
    }
}
