/**
 * Who may write into Truce: organisations tied to a reporting source, their user accounts, the roles
 * those accounts hold, personal API tokens for field apps, password hashing (Argon2id), sign-in
 * throttling and browser sessions. Credentials never enter the public ledger; they live behind the
 * {@link org.truce.accounts.AccountStore}, {@link org.truce.accounts.SessionStore} and
 * {@link org.truce.accounts.AttemptCounters} ports, implemented in memory here (sessions and counters of
 * a node on its own) and by adapters in {@code org.truce.store}.
 */
package org.truce.accounts;
