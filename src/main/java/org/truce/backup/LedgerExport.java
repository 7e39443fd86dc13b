package org.truce.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Hashes;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NoteVerifier;

/**
 * Writes a store in the {@link ExportFormat}. It covers the tree of the last signed head kept when it
 * starts, so it may run beside a serving node (reads see a committed prefix; later appends are left
 * out). Stateless.
 */
public final class LedgerExport {
    /** What was written. */
    public record Summary(long size, int heads, byte[] root) {}

    private LedgerExport() {}

    /**
     * @param verifierKeys the keys that signed the kept heads (the node's own, and any predecessors');
     *                     the last head must verify with one of them
     */
    public static Summary write(LedgerStore store, String origin, List<String> verifierKeys, OutputStream out) {
        List<LedgerStore.KeptHead> heads = store.heads();
        long size = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).size();
        byte[] root = heads.isEmpty() ? Hashes.emptyRoot() : lastRoot(heads, verifierKeys);
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            ObjectNode header = ExportFormat.JSON.createObjectNode()
                    .put("format", ExportFormat.FORMAT).put("version", ExportFormat.VERSION)
                    .put("origin", origin).put("size", size).put("root", Base64.getEncoder().encodeToString(root));
            verifierKeys.forEach(header.putArray("verifierKeys")::add);
            line(writer, header);
            writeEntries(store, size, writer);
            for (LedgerStore.KeptHead head : heads) {
                line(writer, ExportFormat.JSON.createObjectNode().put("headSize", head.size()).put("note", head.signedNote()));
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
        return new Summary(size, heads.size(), root);
    }

    private static void writeEntries(LedgerStore store, long size, BufferedWriter writer) {
        Base64.Encoder base64 = Base64.getEncoder();
        store.forEach(0, row -> {
            if (row.seq() >= size) return;
            try {
                line(writer, ExportFormat.JSON.createObjectNode().put("seq", row.seq()).put("clientId", row.clientId())
                        .put("bytes", base64.encodeToString(row.bytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the export", e);
            }
        });
    }

    private static byte[] lastRoot(List<LedgerStore.KeptHead> heads, List<String> verifierKeys) {
        String note = heads.get(heads.size() - 1).signedNote();
        for (String key : verifierKeys) {
            try {
                Checkpoint cp = NoteVerifier.parse(key).verify(note);
                return cp.rootHash();
            } catch (IllegalArgumentException e) {
                // signed by another of the keys
            }
        }
        throw new IllegalStateException("the store's last signed head is signed by none of the node's keys");
    }

    private static void line(BufferedWriter writer, ObjectNode node) throws IOException {
        writer.write(ExportFormat.JSON.writeValueAsString(node));
        writer.write('\n');
    }
}
