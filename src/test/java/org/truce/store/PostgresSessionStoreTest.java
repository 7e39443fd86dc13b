package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.accounts.SessionStore;

/** Sessions in a real PostgreSQL database: the contract (each view a node with its own pool), and no live id at rest. */
class PostgresSessionStoreTest extends SessionStoreContract {

    private static PostgresTestDatabase database;
    private final List<PrivateDatabase> opened = new ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
        PrivateSchema.migrate(database);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        PrivateSchema.empty(database);
    }

    @AfterEach
    void closePools() {
        opened.forEach(PrivateDatabase::close);
    }

    @Override
    protected SessionStore open() {
        PrivateDatabase node = PrivateDatabase.open(database.url());
        opened.add(node);
        return node.sessions();
    }

    @Test
    void the_table_holds_the_sha256_of_the_session_id_not_the_id() throws SQLException {
        open().add(session("the-secret-cookie-value", T0));
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement sql = c.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id_sha256 FROM truce_private.sessions")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBytes(1)).isEqualTo(org.truce.ledger.Hashes.sha256(
                    "the-secret-cookie-value".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
