package org.truce.store;

import java.util.List;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoredEntry;
import org.truce.support.MemoryLedgerStore;

/** The in-memory store of the domain tests keeps the same contract as the database adapters. */
class MemoryLedgerStoreTest implements LedgerStoreContract {
    private final MemoryLedgerStore kept = new MemoryLedgerStore();

    @Override
    public LedgerStore openStore() {
        return kept.reopen();
    }

    @Override
    public void insertWithoutHead(List<StoredEntry> entries) {
        kept.insertWithoutHead(entries);
    }
}
