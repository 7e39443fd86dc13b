package org.truce.crash;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.truce.ledger.LedgerStore;
import org.truce.store.PostgresTestDatabase;
import org.truce.store.Stores;

/**
 * The crash campaign on the shared store: a fresh PostgreSQL database, the child killed with SIGKILL
 * in the middle of its transactions (the server rolls back what was in flight and frees the ledger's
 * advisory lock when the connection drops). The data directory keeps only the node key and the lock.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PostgresCrashCampaignTest extends CrashCampaign {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) database.close();
    }

    @Override
    protected Path dataDir() {
        return tmp.resolve("node");
    }

    @Override
    protected List<String> storeArgs() {
        return List.of(database.url());
    }

    @Override
    protected LedgerStore openStore() {
        return Stores.openPostgres(database.url());
    }
}
