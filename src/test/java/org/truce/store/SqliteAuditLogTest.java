package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.audit.AuditLog;

/** The audit trail in a real audit.db: the contract, and that it is a file of its own. */
class SqliteAuditLogTest extends AuditLogContract {

    @TempDir
    Path dataDir;

    @Override
    protected AuditLog open() {
        return PrivateStores.openAuditLog(dataDir, clock, RETENTION);
    }

    @Override
    protected String table() {
        return "records";
    }

    @Override
    protected String dropGuard() {
        return "DROP TRIGGER records_are_append_only";
    }

    @Override
    protected void execute(String sql) throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(PrivateStores.AUDIT_FILE));
                Statement statement = raw.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void the_audit_log_lives_in_its_own_file_beside_the_ledger() {
        try (AuditLog log = open()) {
            log.append("cli", null, "grant", "acc-1", "cli", null);
        }
        assertThat(dataDir.resolve(PrivateStores.AUDIT_FILE)).isRegularFile();
        assertThat(dataDir.resolve(Stores.SQLITE_FILE)).doesNotExist();
    }
}
