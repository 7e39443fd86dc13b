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
    private static final String POSTGRES_MIGRATIONS = "classpath:db/postgresql";
    private static final int POSTGRES_POOL = 8;

    private Stores() {}

    /**
     * Opens (creating it and the directory if needed) the SQLite ledger in {@code dataDir}, brought
     * up to the latest schema. The caller closes the store.
     *
     * @throws StoreFailure if the directory, the file or a migration cannot be opened or applied
     */
    public static LedgerStore openSqlite(Path dataDir) {
        return openSqlite(dataDir, DiskReserve.bytesFrom(org.truce.settings.Settings.environment().byName()));
    }

    /**
     * As {@link #openSqlite(Path)}, refusing appends while the disk of {@code dataDir} has less than
     * {@code minFreeBytes} free (0: never; the one-argument form takes {@code TRUCE_MIN_FREE_BYTES} from
     * the environment, default 64 MiB).
     *
     * @throws IllegalArgumentException if {@code minFreeBytes} is negative
     */
    public static LedgerStore openSqlite(Path dataDir, long minFreeBytes) {
        if (minFreeBytes < 0) throw new IllegalArgumentException("minFreeBytes must not be negative");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreFailure("could not create the data directory " + dataDir.toAbsolutePath(),
                    new UncheckedIOException(e));
        }
        SqliteDatabase database = new SqliteDatabase(dataDir.resolve(SQLITE_FILE));
        StoreFiles.migrate(database.migrationSource(), SQLITE_MIGRATIONS, "ledger");
        try {
            return SqliteLedgerStore.open(database, DiskReserve.on(dataDir, minFreeBytes));
        } catch (SQLException e) {
            throw new StoreFailure("could not open the ledger in " + dataDir.toAbsolutePath(), e);
        }
    }

    /**
     * Opens the ledger in the PostgreSQL database at {@code url} ({@code postgresql://user@host:port/db}
     * or a {@code jdbc:postgresql:} URL), brought up to the latest schema; several nodes may open the
     * same database at once. The caller closes the store.
     *
     * @throws IllegalArgumentException if the URL is malformed
     * @throws StoreFailure if the database cannot be reached or migrated
     */
    public static LedgerStore openPostgres(String url) {
        PostgresUrl where = PostgresUrl.parse(url);
        com.zaxxer.hikari.HikariDataSource pool = PostgresPool.open(where, "truce-ledger", POSTGRES_POOL, null);
        try {
            StoreFiles.migrate(pool, POSTGRES_MIGRATIONS, "ledger");
            java.util.Properties credentials = new java.util.Properties();
            if (where.user() != null) credentials.setProperty("user", where.user());
            if (where.password() != null) credentials.setProperty("password", where.password());
            return new PostgresLedgerStore(pool, new LedgerNotifications(where.jdbcUrl(), credentials));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
