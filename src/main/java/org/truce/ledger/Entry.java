package org.truce.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One accepted fact in the ledger. Immutable once appended; its canonical bytes ({@link EntryCodec})
 * are the Merkle tree leaf at index {@code seq}.
 *
 * @param seq        0-based position, equal to the RFC 6962 leaf index
 * @param recordedAt when the ledger accepted it (millisecond precision, never decreasing with seq)
 * @param type       what kind of fact the payload is, e.g. {@code report.filed}
 * @param author     the account that recorded it
 * @param clientId   the idempotency key given by the client
 * @param payload    the fact itself, as JSON
 */
public record Entry(long seq, Instant recordedAt, String type, String author, String clientId, JsonNode payload) {
    public Entry {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(payload, "payload");
    }
}
