package org.truce.store;

import org.truce.accounts.MemorySignInAttempts;
import org.truce.accounts.SignInAttempts;

/** Sign-in counters in one node's memory: the contract (both views are the one instance). */
class MemorySignInAttemptsTest extends SignInAttemptsContract {

    private final MemorySignInAttempts attempts = new MemorySignInAttempts();

    @Override
    protected SignInAttempts open() {
        return attempts;
    }
}
