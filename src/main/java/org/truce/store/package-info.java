/**
 * Storage adapters for the ledger port {@link org.truce.ledger.LedgerStore} (SQLite and PostgreSQL)
 * and for the stores kept out of the public ledger: accounts ({@link org.truce.accounts.AccountStore}),
 * sessions and sign-in counters, the audit trail, the data keys of restricted fields and public
 * feedback — each in its own SQLite file of the data directory, or, for nodes sharing PostgreSQL, all
 * in schema {@code truce_private} of the ledger's database. Also their Flyway migrations and the lock
 * that gives one process a data directory. Adapters are package-private; {@link org.truce.store.Stores},
 * {@link org.truce.store.AccountStores}, {@link org.truce.store.PrivateStores} and
 * {@link org.truce.store.PrivateDatabase} open them. {@link org.truce.store.PostgisLayers} keeps derived
 * PostGIS map tables for GIS tools (schema {@code truce_gis}), rebuilt from the ledger, never a source of truth.
 */
package org.truce.store;
