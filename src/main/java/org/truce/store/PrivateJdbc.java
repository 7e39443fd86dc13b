package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.truce.ledger.StoreFailure;

/**
 * The JDBC plumbing of the PostgreSQL adapters of the private stores: one short transaction per call
 * on a pooled connection, {@link Instant}s as {@code timestamptz} (microseconds, PostgreSQL's
 * precision), SQL failures as {@link StoreFailure}s naming the store. Immutable and thread-safe.
 */
final class PrivateJdbc {

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Advisory lock spaces (the two-key form, apart from the ledger's one-key lock). */
    static final int AUDIT_LOCK = 0x54524301;
    static final int KEYS_LOCK = 0x54524302;
    static final int THROTTLE_LOCK = 0x54524303;

    private final DataSource source;
    private final String store;

    /** @param store the store's name for failure messages ("accounts store") */
    PrivateJdbc(DataSource source, String store) {
        this.source = source;
        this.store = store;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if anything fails. */
    <T> T transaction(Work<T> work) {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** One statement in autocommit; the number of rows it changed. */
    int update(String sql, Object... args) {
        return transaction(c -> update(c, sql, args));
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) {
        return transaction(c -> query(c, sql, row, args));
    }

    <T> Optional<T> first(String sql, Row<T> row, Object... args) {
        List<T> rows = query(sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rows.next()) out.add(row.read(rows));
                return out;
            }
        }
    }

    /** Takes the transaction-scoped advisory lock {@code (space, hashtext(name))}; released at commit or rollback. */
    static void lock(Connection c, int space, String name) throws SQLException {
        query(c, "SELECT pg_advisory_xact_lock(?, hashtext(?))", rows -> rows.getObject(1), space, name);
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    StoreFailure failure(SQLException e) {
        return new StoreFailure(store + ": " + e.getMessage(), e);
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Instant at) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }
}
