package org.truce.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.truce.accounts.AttemptCounters;

/** Sign-in counters in a real PostgreSQL database: the contract (each view a node with its own pool). */
class PostgresAttemptCountersTest extends AttemptCountersContract {

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
    protected AttemptCounters open() {
        PrivateDatabase node = PrivateDatabase.open(database.url());
        opened.add(node);
        return node.attemptCounters();
    }
}
