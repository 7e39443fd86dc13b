package org.truce.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * A request to publish the bulletin of {@code date} at checkpoint {@code size} with root {@code root}
 * (lowercase hex), under client id {@code id}, in the name of {@code issuer} (the publishing
 * organisation's source id; null when unknown). Its payload ({@link #payload()}) is what the
 * {@value Publication#TYPE} entry holds: date, size, root and, when known, the issuer and what the
 * node's witnesses had cosigned ({@code witnessed}, added by the node, never by the caller). Immutable.
 */
public record PublishRequest(String id, LocalDate date, long size, String root, String issuer, Witnessed witnessed) {

    /** A request that names no issuer, as entries written before issuers were recorded. */
    public PublishRequest(String id, LocalDate date, long size, String root) {
        this(id, date, size, root, null);
    }

    /** A request with nothing yet recorded of witnessing. */
    public PublishRequest(String id, LocalDate date, long size, String root, String issuer) {
        this(id, date, size, root, issuer, null);
    }

    /** This request with what the node's witnesses had cosigned when it was made. */
    PublishRequest witnessed(Witnessed w) {
        return new PublishRequest(id, date, size, root, issuer, w);
    }

    public JsonNode payload() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("date", date.toString());
        n.put("size", size);
        n.put("root", root);
        if (issuer != null) n.put("issuer", issuer);
        if (witnessed != null) n.set("witnessed", witnessed.toJson());
        return n;
    }

    /** Reads a payload the ledger holds; it was checked when it was written. */
    static PublishRequest fromLedger(String clientId, JsonNode payload) {
        return new PublishRequest(clientId, LocalDate.parse(payload.get("date").asText()), payload.get("size").asLong(),
                payload.get("root").asText(), payload.hasNonNull("issuer") ? payload.get("issuer").asText() : null,
                Witnessed.fromJson(payload.get("witnessed")));
    }
}
