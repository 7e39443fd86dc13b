package org.truce.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * A request to publish the bulletin of {@code date} at checkpoint {@code size} with root {@code root}
 * (lowercase hex), under client id {@code id}. Its payload ({@link #payload()}) is what the
 * {@value Publication#TYPE} entry holds: date, size and root. Immutable.
 */
public record PublishRequest(String id, LocalDate date, long size, String root) {

    public JsonNode payload() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("date", date.toString());
        n.put("size", size);
        n.put("root", root);
        return n;
    }

    /** Reads a payload the ledger holds; it was checked when it was written. */
    static PublishRequest fromLedger(String clientId, JsonNode payload) {
        return new PublishRequest(clientId, LocalDate.parse(payload.get("date").asText()), payload.get("size").asLong(),
                payload.get("root").asText());
    }
}
