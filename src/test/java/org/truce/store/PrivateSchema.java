package org.truce.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The private stores' schema in a test database: created once per test class (migrations run by
 * {@link PrivateDatabase#open}), emptied before each test, with the audit trigger back on in case a
 * tampering test turned it off.
 */
final class PrivateSchema {
    private PrivateSchema() {}

    static void migrate(PostgresTestDatabase database) {
        PrivateDatabase.open(database.url()).close();
    }

    static void empty(PostgresTestDatabase database) throws SQLException {
        execute(database, "TRUNCATE truce_private.organisations, truce_private.accounts, truce_private.grants, "
                + "truce_private.tokens, truce_private.sessions, truce_private.attempt_counters, truce_private.audit_records, "
                + "truce_private.audit_anchor, truce_private.data_keys, truce_private.destroyed_keys, truce_private.feedback",
                "ALTER TABLE truce_private.audit_records ENABLE TRIGGER ALL");
    }

    static void execute(PostgresTestDatabase database, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement statement = c.createStatement()) {
            for (String s : sql) statement.execute(s);
        }
    }
}
