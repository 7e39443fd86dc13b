package org.truce.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A fact offered to the ledger, before it has a position and a record time. Its payload is
 * canonicalised (RFC 8785) when the draft is made, on the caller's thread, so the single writer only
 * frames it. Immutable.
 */
public record Draft(String type, String author, String clientId, JsonNode payload, byte[] canonicalPayload) {
    public Draft {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(canonicalPayload, "canonicalPayload");
    }

    public Draft(String type, String author, String clientId, JsonNode payload) {
        this(type, author, clientId, payload, EntryCodec.canonical(payload));
    }
}
