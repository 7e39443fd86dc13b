package org.truce.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database {@code truce_test_<random>} on the PostgreSQL at 127.0.0.1:5432 (user postgres),
 * dropped on close. When no server answers the test is skipped with the reason, unless
 * {@code TRUCE_REQUIRE_POSTGRES=1}, which makes it fail. Never touches any other database.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Random NAMES = new Random();

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    public static PostgresTestDatabase create() {
        String name = "truce_test_" + Long.toHexString(NAMES.nextLong() & Long.MAX_VALUE).toLowerCase(Locale.ROOT);
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at 127.0.0.1:5432 as user postgres (" + e.getMessage()
                    + "); the PostgreSQL tests were skipped";
            if ("1".equals(System.getenv("TRUCE_REQUIRE_POSTGRES"))) Assertions.fail(why + " but TRUCE_REQUIRE_POSTGRES=1", e);
            Assumptions.abort(why);
        }
        return new PostgresTestDatabase(name);
    }

    /** The URL in the form the README shows. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:5432/" + name;
    }

    public String jdbcUrl() {
        return SERVER + name + "?user=postgres";
    }

    /** Empties the ledger's tables (between the tests of one class). */
    public void truncate() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement sql = c.createStatement()) {
            sql.execute("DO $$ BEGIN IF to_regclass('entries') IS NOT NULL THEN TRUNCATE entries, heads; END IF; END $$");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres?user=postgres&connectTimeout=5");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
