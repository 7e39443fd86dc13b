package org.truce.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for {@code NOTIFY truce_ledger} on a connection of its own that LISTENs, so a node that does
 * not write learns at once that another node appended. A lost connection is reopened on the next
 * wait; while it cannot be, waits simply run out (the caller then polls). One caller at a time.
 */
final class LedgerNotifications implements AutoCloseable {
    static final String CHANNEL = "truce_ledger";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerNotifications.class);

    private final String jdbcUrl;
    private final Properties credentials;
    private volatile Connection listening;
    private volatile boolean closed;

    LedgerNotifications(String jdbcUrl, Properties credentials) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
    }

    /** Returns when a notification arrived (true) or {@code timeout} passed (false). */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        if (closed) throw new IllegalStateException("the store is closed");
        try {
            if (listening == null) listening = listen();
            var notes = listening.unwrap(PGConnection.class).getNotifications(Math.toIntExact(Math.max(1, timeout.toMillis())));
            return notes != null && notes.length > 0;
        } catch (SQLException e) {
            LOG.debug("LISTEN {} failed; waiting out the poll interval", CHANNEL, e);
            closeQuietly();
            wait(timeout.toMillis());
            return false;
        }
    }

    private Connection listen() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
        try (Statement sql = connection.createStatement()) {
            sql.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void closeQuietly() {
        if (listening == null) return;
        try {
            listening.close();
        } catch (SQLException e) {
            LOG.debug("closing the LISTEN connection failed", e);
        }
        listening = null;
    }

    @Override
    public void close() {
        // not synchronized: a waiting tailer holds the monitor; closing its connection wakes it
        closed = true;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the LISTEN connection failed", e);
            }
        }
    }
}
