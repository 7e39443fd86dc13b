/**
 * Backup and restore of the ledger: a streamable JSON Lines export of the stored entries exactly as
 * hashed with their kept signed heads, and its checked import into an empty store through the
 * {@link org.truce.ledger.LedgerStore} port (so into either store kind).
 */
package org.truce.backup;
