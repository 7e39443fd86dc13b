/**
 * The ledger at the centre of Truce: append-only entries in canonical JSON (RFC 8785), the RFC 6962
 * Merkle tree over them with inclusion and consistency proofs, checkpoints signed as C2SP signed notes,
 * and their verification by anyone holding the public key; the bodies' own keys over ledger positions
 * and their signatures of the entries in their name ({@link org.truce.ledger.BodyKeys},
 * {@link org.truce.ledger.BodySignatures}). It defines the storage port
 * ({@link org.truce.ledger.LedgerStore}) that the adapters in {@code org.truce.store} implement.
 */
package org.truce.ledger;
