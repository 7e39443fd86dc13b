package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.truce.accounts.SessionStore;

/** Sessions in a real PostgreSQL database: the contract (each view a node with its own pool), and no live id at rest. */
class PostgresSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    static final PrivateSchema schema = new PrivateSchema();

    @Override
    protected SessionStore open() {
        return schema.node().sessions();
    }

    @Test
    void the_table_holds_the_sha256_of_the_session_id_not_the_id() throws SQLException {
        open().add(session("the-secret-cookie-value", T0));
        try (Connection c = DriverManager.getConnection(schema.database().jdbcUrl()); Statement sql = c.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id_sha256 FROM truce_private.sessions")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBytes(1)).isEqualTo(org.truce.ledger.Hashes.sha256(
                    "the-secret-cookie-value".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
