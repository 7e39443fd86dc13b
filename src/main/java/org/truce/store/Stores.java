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
    private static final long POSTGRES_CONNECTION_WAIT_MILLIS = 3_000;

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
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(where.jdbcUrl());
        if (where.user() != null) config.setUsername(where.user());
        if (where.password() != null) config.setPassword(where.password());
        config.setMaximumPoolSize(POSTGRES_POOL);
        config.setPoolName("truce-ledger");
        config.setInitializationFailTimeout(-1);
        // in an outage a write waits this long for a connection, then fails with 503 (nothing acknowledged)
        config.setConnectionTimeout(POSTGRES_CONNECTION_WAIT_MILLIS);
        // a server that stops answering (a partition, not a refusal) fails the call instead of hanging it
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
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
