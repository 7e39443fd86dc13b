package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.truce.audit.AuditLog;

/**
 * The audit trail in a real PostgreSQL database, schema truce_private: the contract (each
 * {@link #open()} is a node of its own, with its own pool), and that the records stay out of the
 * public schema.
 */
class PostgresAuditLogTest extends AuditLogContract {

    @RegisterExtension
    static final PrivateSchema schema = new PrivateSchema();

    @Override
    protected AuditLog open() {
        return PrivateDatabase.openAuditLog(schema.database().url(), clock, RETENTION);
    }

    @Override
    protected String table() {
        return "truce_private.audit_records";
    }

    @Override
    protected String dropGuard() {
        return "ALTER TABLE truce_private.audit_records DISABLE TRIGGER audit_records_are_append_only";
    }

    @Override
    protected void execute(String sql) throws SQLException {
        schema.execute(sql);
    }

    @Test
    void the_records_live_in_schema_truce_private_and_nothing_private_is_in_public() throws SQLException {
        try (AuditLog log = open()) {
            log.append("cli", null, "grant", "acc-1", "cli", null);
        }
        try (Connection c = DriverManager.getConnection(schema.database().jdbcUrl()); Statement sql = c.createStatement();
                ResultSet rows = sql.executeQuery("SELECT table_schema, count(*) FROM information_schema.tables "
                        + "WHERE table_name IN ('audit_records', 'accounts', 'data_keys', 'sessions', 'feedback') "
                        + "GROUP BY table_schema")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("truce_private");
            assertThat(rows.getInt(2)).isEqualTo(5);
            assertThat(rows.next()).isFalse();
        }
    }
}
