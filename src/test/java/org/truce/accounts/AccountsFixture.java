package org.truce.accounts;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.truce.store.AccountStores;
import org.truce.support.MutableClock;

/**
 * Accounts over a real accounts.db in a temporary directory, with a clock the test moves and cheap
 * Argon2 parameters (the hasher's own test covers the real ones). Close it after the test.
 */
final class AccountsFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2021-01-11T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final AccountStore store;
    final Accounts accounts;

    AccountsFixture(Path dir) {
        SecureRandom random = new SecureRandom();
        store = AccountStores.open(dir);
        accounts = new Accounts(store, clock, random, new PasswordHasher(random, 64, 1, 1), new SignInThrottle(clock));
    }

    static char[] pw(String s) {
        return s.toCharArray();
    }

    @Override
    public void close() {
        store.close();
    }
}
