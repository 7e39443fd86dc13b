/**
 * Storage adapters for the ledger port {@link org.truce.ledger.LedgerStore} (SQLite now, PostgreSQL
 * later), their Flyway migrations, and the lock that gives one process a data directory.
 * Adapters are package-private; {@link org.truce.store.Stores} opens them.
 */
package org.truce.store;
