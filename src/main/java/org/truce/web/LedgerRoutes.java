package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Hashes;
import org.truce.ledger.Ledger;
import org.truce.ledger.StoredEntry;
import org.truce.witness.Cosigning;

/** The ledger's public face: tree heads, entries, inclusion and consistency proofs (RFC 6962). */
final class LedgerRoutes {
    private static final HexFormat HEX = HexFormat.of();
    private final Ledger ledger;
    private final java.util.function.Supplier<Cosigning> cosigning;
    private final java.util.function.Supplier<String> checkpoint;

    /**
     * @param cosigning  the node's current witnessing (the node may start its witnesses after the routes exist)
     * @param checkpoint the newest checkpoint with the witnesses' cosignatures, as a signed note: the
     *                   node's {@link Cosigning#cosignedHead}, or what a mirror accepted
     */
    LedgerRoutes(Ledger ledger, java.util.function.Supplier<Cosigning> cosigning, java.util.function.Supplier<String> checkpoint) {
        this.ledger = ledger;
        this.cosigning = cosigning;
        this.checkpoint = checkpoint;
    }

    /** The log's public reads: its signed head, checkpoint, key, entries and proofs. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.get(WebApp.API + "/ledger/head", this::head, Access.PUBLIC);
        r.get(WebApp.API + "/ledger/checkpoint", this::checkpoint, Access.PUBLIC);
        r.get(WebApp.API + "/ledger/key", this::key, Access.PUBLIC);
        r.get(WebApp.API + "/ledger/entries", this::entries, Access.PUBLIC);
        r.get(WebApp.API + "/ledger/proof", this::proof, Access.PUBLIC);
        r.get(WebApp.API + "/ledger/consistency", this::consistency, Access.PUBLIC);
    }

    void head(Context ctx) {
        String note = ledger.latestSignedHead();
        Checkpoint cp = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
        if ("note".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/plain; charset=utf-8").result(note);
            return;
        }
        ObjectNode n = Json.object();
        n.put("origin", cp.origin()).put("size", cp.size()).put("root", HEX.formatHex(cp.rootHash()))
                .put("signedNote", note).put("verifierKey", ledger.verifierKey());
        ArrayNode witnessed = n.putArray("cosignatures");
        for (Cosigning.Witnessed c : cosigning.get().cosignatures(cp)) {
            ObjectNode w = witnessed.addObject().put("witness", c.witness());
            if (c.source() != null) w.put("source", c.source());
            w.put("timestamp", c.timestamp());
        }
        Json.send(ctx, 200, n);
    }

    /** The newest checkpoint with the witnesses' cosignatures (C2SP signed note; see {@link Cosigning#cosignedHead}). */
    void checkpoint(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result(checkpoint.get());
    }

    void key(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result(ledger.verifierKey() + "\n");
    }

    void entries(Context ctx) {
        long size = ledger.size();
        long from = Params.longParam(ctx, "from", 0, 0, Long.MAX_VALUE);
        int limit = (int) Params.longParam(ctx, "limit", 100, 1, 1000);
        // the store may already hold a batch that is durable but not yet acknowledged: show only acknowledged entries
        List<StoredEntry> rows = from >= size ? List.of()
                : ledger.read(from, (int) Math.min(limit, size - from));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("entries");
        for (StoredEntry row : rows) {
            ObjectNode item = items.addObject();
            item.put("seq", row.seq());
            item.put("leafHash", HEX.formatHex(Hashes.leafHash(row.bytes())));
            // the exact stored bytes, the Merkle leaf: a re-serialisation of "entry" need not be byte-identical
            item.put("bytes", Base64.getEncoder().encodeToString(row.bytes()));
            try {
                item.set("entry", Json.STORED.readTree(row.bytes()));
            } catch (IOException e) {
                throw new IllegalStateException("stored entry " + row.seq() + " is not JSON", e);
            }
        }
        long next = from + rows.size();
        if (next < size && !rows.isEmpty()) body.put("next", next);
        else body.putNull("next");
        body.put("size", size);
        Json.send(ctx, 200, body);
    }

    void proof(Context ctx) {
        long size = Params.longParam(ctx, "size", ledger.size(), 1, ledger.size());
        long seq = Params.longParam(ctx, "seq", -1, 0, Math.max(0, size - 1));
        if (seq < 0) throw Problem.badParameter("seq", "is required");
        ObjectNode n = Json.object();
        n.put("seq", seq).put("size", size).put("leafHash", HEX.formatHex(ledger.leafHash(seq)))
                .put("root", HEX.formatHex(ledger.checkpointAt(size).rootHash()));
        hexes(n.putArray("path"), ledger.inclusionProof(seq, size));
        Json.send(ctx, 200, n);
    }

    void consistency(Context ctx) {
        long to = Params.longParam(ctx, "to", ledger.size(), 1, ledger.size());
        long from = Params.longParam(ctx, "from", -1, 1, to);
        if (from < 0) throw Problem.badParameter("from", "is required");
        ObjectNode n = Json.object();
        n.put("from", from).put("to", to)
                .put("fromRoot", HEX.formatHex(ledger.checkpointAt(from).rootHash()))
                .put("toRoot", HEX.formatHex(ledger.checkpointAt(to).rootHash()));
        hexes(n.putArray("path"), ledger.consistencyProof(from, to));
        Json.send(ctx, 200, n);
    }

    private static void hexes(ArrayNode out, List<byte[]> hashes) {
        hashes.forEach(h -> out.add(HEX.formatHex(h)));
    }
}
