package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.truce.privacy.DataKeys;

/**
 * The data keys in a real PostgreSQL database, schema truce_private: the contract (each store opened
 * is a node of its own, with its own pool), and that destroying a key rewrites the key table.
 */
class PostgresDataKeysTest extends DataKeysContract {

    @RegisterExtension
    static final PrivateSchema schema = new PrivateSchema();

    @Override
    protected DataKeys open(SecureRandom random) {
        return schema.node().dataKeys(random, Clock.systemUTC());
    }

    @Test
    void destroying_a_key_rewrites_the_key_table_without_its_row() throws SQLException {
        try (DataKeys keys = open()) {
            keys.getOrCreate("case-erase");
            keys.getOrCreate("case-kept");
            long before = fileNode();

            keys.destroy("case-erase");

            assertThat(fileNode()).as("VACUUM FULL gave the table a new file").isNotEqualTo(before);
            assertThat(count("SELECT count(*) FROM truce_private.data_keys")).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM truce_private.destroyed_keys WHERE case_id = 'case-erase'")).isEqualTo(1);
        }
    }

    private long fileNode() throws SQLException {
        return count("SELECT pg_relation_filenode('truce_private.data_keys')");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(schema.database().jdbcUrl()); Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
