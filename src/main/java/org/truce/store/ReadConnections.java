package org.truce.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.truce.ledger.StoreFailure;

/**
 * A small pool of reader connections. Borrowing never blocks: when no idle connection is left a new
 * one is opened, and on return it is kept only if fewer than {@code maxIdle} are idle. So a reader
 * that calls back into the store while it streams cannot deadlock on the pool. Thread-safe.
 */
final class ReadConnections implements AutoCloseable {

    private final DataSource source;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ReadConnections(DataSource source, int maxIdle) {
        if (maxIdle < 1) throw new IllegalArgumentException("maxIdle must be at least 1");
        this.source = source;
        this.maxIdle = maxIdle;
    }

    /** A connection to use and give back by closing the lease. */
    Lease lease() throws SQLException {
        Connection connection;
        synchronized (this) {
            if (closed) throw new IllegalStateException("the store is closed");
            connection = idle.pollFirst();
        }
        return new Lease(connection != null ? connection : source.getConnection());
    }

    private void giveBack(Connection connection) throws SQLException {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(connection);
                return;
            }
        }
        connection.close();
    }

    /** Closes the idle connections; leased ones are closed when given back. */
    @Override
    public void close() {
        StoreFailure failure = null;
        synchronized (this) {
            closed = true;
            for (Connection connection : idle) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    if (failure == null) failure = new StoreFailure("could not close a read connection", e);
                    else failure.addSuppressed(e);
                }
            }
            idle.clear();
        }
        if (failure != null) throw failure;
    }

    /** One borrowed connection; closing the lease returns it to the pool. */
    final class Lease implements AutoCloseable {
        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        @Override
        public void close() throws SQLException {
            giveBack(connection);
        }
    }
}
