package org.truce.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pools of a node on PostgreSQL (the ledger's, the private stores'), configured alike
 * for outages: a caller waits at most {@link #CONNECTION_WAIT_MILLIS} for a connection and then fails
 * (the web layer answers 503 with Retry-After, nothing acknowledged), and a server that stops
 * answering fails a call within {@code socketTimeout} instead of hanging it.
 */
final class PostgresPool {
    /** How long a request waits for a connection in an outage before it fails. */
    static final long CONNECTION_WAIT_MILLIS = 3_000;

    private PostgresPool() {}

    /** @param schema the connections' search_path, or null for the server's default */
    static HikariDataSource open(PostgresUrl where, String name, int size, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(where.jdbcUrl());
        if (where.user() != null) config.setUsername(where.user());
        if (where.password() != null) config.setPassword(where.password());
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        if (schema != null) config.setSchema(schema);
        // a node starts even while the database is down; its first calls then fail like any in an outage
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }
}
