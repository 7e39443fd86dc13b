package org.truce.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A fact offered to the ledger, before it has a position and a record time. Immutable. */
public record Draft(String type, String author, String clientId, JsonNode payload) {
    public Draft {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(payload, "payload");
    }
}
