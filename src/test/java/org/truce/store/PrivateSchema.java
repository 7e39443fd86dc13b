package org.truce.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The private stores' schema in a fresh test database, for a test class that registers it as a
 * static {@code @RegisterExtension} field: the database is created and migrated once per class
 * (migrations run by {@link PrivateDatabase#open}), its tables are emptied before each test (with
 * the audit trigger back on in case a tampering test turned it off), and the nodes the test opened
 * are closed after it. Each {@link #node()} is a node of its own, with its own pool.
 */
final class PrivateSchema implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private PostgresTestDatabase database;
    private final List<PrivateDatabase> opened = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        database = PostgresTestDatabase.create();
        PrivateDatabase.open(database.url()).close();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (database != null) database.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        execute("TRUNCATE truce_private.organisations, truce_private.accounts, truce_private.grants, "
                + "truce_private.tokens, truce_private.sessions, truce_private.attempt_counters, truce_private.audit_records, "
                + "truce_private.audit_anchor, truce_private.data_keys, truce_private.destroyed_keys, truce_private.feedback",
                "ALTER TABLE truce_private.audit_records ENABLE TRIGGER ALL");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(PrivateDatabase::close);
        opened.clear();
    }

    PostgresTestDatabase database() {
        return database;
    }

    /** A node's private database, closed after the test. */
    PrivateDatabase node() {
        PrivateDatabase node = PrivateDatabase.open(database.url());
        opened.add(node);
        return node;
    }

    void execute(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement statement = c.createStatement()) {
            for (String s : sql) statement.execute(s);
        }
    }
}
