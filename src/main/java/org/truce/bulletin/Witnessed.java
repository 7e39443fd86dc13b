package org.truce.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a publication records of the witnessing of its checkpoint when it was made: the newest
 * checkpoint of the ledger (of {@code size} ≥ the publication's, with {@code root}) that the node's
 * witnesses had cosigned by then, who cosigned it and when, and the whole cosigned note (the log's
 * signature and each cosignature line, C2SP tlog-cosignature), so that anyone can check the
 * cosignatures again. {@code by} is empty when no witness had cosigned in time. Immutable.
 *
 * @param size the cosigned checkpoint's size; 0 when nothing was cosigned
 * @param root the cosigned checkpoint's root, lowercase hex; empty when nothing was cosigned
 * @param note the cosigned note; empty when nothing was cosigned
 */
public record Witnessed(long size, String root, List<Cosigned> by, String note) {
    /**
     * One witness's cosignature: the witness's key name, the catalog source it speaks for (null when
     * the node's configuration names none) and when it cosigned (seconds since the epoch).
     */
    public record Cosigned(String witness, String source, long timestamp) {
        public Cosigned {
            Objects.requireNonNull(witness, "witness");
        }
    }

    /** The record of a publication made while no witness had cosigned. */
    public static Witnessed none() {
        return new Witnessed(0, "", List.of(), "");
    }

    public Witnessed {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(note, "note");
        by = List.copyOf(by);
    }

    JsonNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("size", size).put("root", root);
        var list = n.putArray("by");
        for (Cosigned c : by) {
            ObjectNode o = list.addObject().put("witness", c.witness());
            if (c.source() != null) o.put("source", c.source());
            o.put("timestamp", c.timestamp());
        }
        n.put("note", note);
        return n;
    }

    /** Reads what the node itself wrote into a publication entry; null when the entry has none. */
    static Witnessed fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        List<Cosigned> by = new ArrayList<>();
        for (JsonNode c : n.path("by")) {
            by.add(new Cosigned(c.get("witness").asText(), c.hasNonNull("source") ? c.get("source").asText() : null,
                    c.path("timestamp").asLong()));
        }
        return new Witnessed(n.path("size").asLong(), n.path("root").asText(""), by, n.path("note").asText(""));
    }
}
