package org.truce.store;

import org.truce.accounts.MemorySessionStore;
import org.truce.accounts.SessionStore;

/** Sessions in one node's memory: the contract (both views are the one instance). */
class MemorySessionStoreTest extends SessionStoreContract {

    private final MemorySessionStore store = new MemorySessionStore();

    @Override
    protected SessionStore open() {
        return store;
    }
}
