package org.truce.store;

import org.truce.accounts.MemoryAttemptCounters;
import org.truce.accounts.AttemptCounters;

/** Sign-in counters in one node's memory: the contract (both views are the one instance). */
class MemoryAttemptCountersTest extends AttemptCountersContract {

    private final MemoryAttemptCounters attempts = new MemoryAttemptCounters();

    @Override
    protected AttemptCounters open() {
        return attempts;
    }
}
