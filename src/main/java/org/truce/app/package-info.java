/**
 * The composition root of a node: opens the stores (SQLite in a data directory, or a shared
 * PostgreSQL database), replays the ledger into the projections and wires the domain services, and
 * the node's metrics.
 */
package org.truce.app;
