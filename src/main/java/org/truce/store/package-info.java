/**
 * Storage adapters for the ledger port {@link org.truce.ledger.LedgerStore} (SQLite now, PostgreSQL
 * later) and for the stores kept out of the public ledger, each in its own file: accounts
 * ({@link org.truce.accounts.AccountStore}), the audit trail and the data keys of restricted fields.
 * Also their Flyway migrations and the lock that gives one process a data directory. Adapters are
 * package-private; {@link org.truce.store.Stores}, {@link org.truce.store.AccountStores} and
 * {@link org.truce.store.PrivateStores} open them. {@link org.truce.store.PostgisLayers} keeps derived
 * PostGIS map tables for GIS tools (schema {@code truce_gis}), rebuilt from the ledger, never a source of truth.
 */
package org.truce.store;
