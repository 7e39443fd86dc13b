package org.truce.crash;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.truce.ledger.LedgerStore;
import org.truce.store.Stores;

/** The crash campaign on the default store: the SQLite file in the data directory. */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SqliteCrashCampaignTest extends CrashCampaign {

    @Override
    protected Path dataDir() {
        return tmp.resolve("data");
    }

    @Override
    protected List<String> storeArgs() {
        return List.of();
    }

    @Override
    protected LedgerStore openStore() {
        return Stores.openSqlite(dataDir());
    }
}
