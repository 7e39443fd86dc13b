package org.truce.ledger;

/**
 * One ledger entry as the store keeps it: its position, its idempotency key and the exact bytes that
 * were hashed into the Merkle tree (RFC 8785 canonical JSON). Immutable.
 */
public record StoredEntry(long seq, String clientId, byte[] bytes) {
    public StoredEntry {
        if (seq < 0) throw new IllegalArgumentException("seq must not be negative");
        if (clientId == null || clientId.isEmpty()) throw new IllegalArgumentException("clientId must not be empty");
        if (bytes == null || bytes.length == 0) throw new IllegalArgumentException("bytes must not be empty");
    }
}
