package org.truce.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.truce.accounts.AttemptCounters;

/** The throttles' counters in a real PostgreSQL database: the contract (each view a node with its own pool). */
class PostgresAttemptCountersTest extends AttemptCountersContract {

    @RegisterExtension
    static final PrivateSchema schema = new PrivateSchema();

    @Override
    protected AttemptCounters open() {
        return schema.node().attemptCounters();
    }
}
