package org.truce.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Hashes;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.MerkleTree;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.StoredEntry;

/**
 * Imports an {@link ExportFormat} file into an empty {@link LedgerStore}, of any kind. Two passes over
 * the file, so memory stays at 32 bytes an entry: {@link #check} recomputes every leaf and the Merkle
 * tree and checks every head's signature (with the trusted keys) and root, the last head against the
 * header; only then {@link #commit} writes the entries, head by head, each head with the entries it
 * covers, as the node wrote them. A failure in {@code check} writes nothing. Stateless.
 */
public final class LedgerImport {

    /** A checked file: its header and its heads, ready to commit. */
    public record Checked(String origin, long size, byte[] root, List<String> verifierKeys, List<LedgerStore.KeptHead> heads) {}

    private LedgerImport() {}

    /**
     * @param trusted the keys the heads must verify with; empty to trust the keys the file names
     *                (which proves only that the file is self-consistent)
     * @throws IllegalArgumentException naming the line and what is wrong
     */
    public static Checked check(Path file, List<NoteVerifier> trusted) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode header = parse(in.readLine(), 1);
            if (!ExportFormat.FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != ExportFormat.VERSION) {
                throw new IllegalArgumentException("line 1: not a " + ExportFormat.FORMAT + " version " + ExportFormat.VERSION + " export");
            }
            long size = header.path("size").asLong(-1);
            byte[] root = Base64.getDecoder().decode(header.path("root").asText());
            List<String> keys = new ArrayList<>();
            header.path("verifierKeys").forEach(k -> keys.add(k.asText()));
            List<NoteVerifier> verifiers = trusted.isEmpty() ? keys.stream().map(NoteVerifier::parse).toList() : trusted;
            MerkleTree tree = new MerkleTree();
            List<LedgerStore.KeptHead> heads = readBody(in, size, tree, verifiers);
            if (!Arrays.equals(root, tree.root(size))) throw new IllegalArgumentException("the header's root is not the entries' root");
            long last = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).size();
            if (last != size) throw new IllegalArgumentException("the last signed head covers " + last + " entries, the header " + size);
            return new Checked(header.path("origin").asText(), size, root, List.copyOf(keys), heads);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static List<LedgerStore.KeptHead> readBody(BufferedReader in, long size, MerkleTree tree, List<NoteVerifier> keys)
            throws IOException {
        List<LedgerStore.KeptHead> heads = new ArrayList<>();
        long lineNo = 1;
        long lastHead = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            JsonNode node = parse(line, lineNo);
            if (node.has("seq")) {
                StoredEntry row = entry(node, lineNo);
                if (row.seq() != tree.size() || !heads.isEmpty()) {
                    throw new IllegalArgumentException("line " + lineNo + ": seq " + row.seq() + " is out of order");
                }
                checkEntry(row, lineNo);
                tree.append(Hashes.leafHash(row.bytes()));
            } else {
                var head = new LedgerStore.KeptHead(node.path("headSize").asLong(-1), node.path("note").asText());
                lastHead = checkHead(head, lastHead, tree, keys, lineNo);
                heads.add(head);
            }
        }
        if (tree.size() != size) throw new IllegalArgumentException("the file holds " + tree.size() + " entries, its header says " + size);
        return heads;
    }

    private static void checkEntry(StoredEntry row, long lineNo) {
        Entry entry;
        try {
            entry = EntryCodec.decode(row.bytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNo + ": seq " + row.seq() + " is not a ledger entry: " + e.getMessage());
        }
        if (entry.seq() != row.seq() || !entry.clientId().equals(row.clientId())
                || !Arrays.equals(EntryCodec.encode(entry), row.bytes())) {
            throw new IllegalArgumentException("line " + lineNo + ": seq " + row.seq() + " does not match its bytes (moved or edited)");
        }
    }

    private static long checkHead(LedgerStore.KeptHead head, long lastHead, MerkleTree tree, List<NoteVerifier> keys, long lineNo) {
        if (head.size() <= lastHead || head.size() > tree.size()) {
            throw new IllegalArgumentException("line " + lineNo + ": a head of size " + head.size() + " is out of order or beyond the entries");
        }
        Checkpoint cp = null;
        for (NoteVerifier key : keys) {
            try {
                cp = key.verify(head.signedNote());
                break;
            } catch (IllegalArgumentException e) {
                // try the next key
            }
        }
        if (cp == null) throw new IllegalArgumentException("line " + lineNo + ": the head of size " + head.size() + " verifies with no trusted key");
        if (cp.size() != head.size() || !Arrays.equals(cp.rootHash(), tree.root(head.size()))) {
            throw new IllegalArgumentException("line " + lineNo + ": the signed root of size " + head.size() + " is not the entries' root");
        }
        return head.size();
    }

    /** Writes a checked file into {@code target}, which must be empty; one transaction per kept head. */
    public static void commit(Path file, Checked checked, LedgerStore target) {
        if (target.size() != 0 || !target.heads().isEmpty()) {
            throw new IllegalStateException("the target store is not empty (" + target.size() + " entries)");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            long lineNo = 1;
            List<StoredEntry> pending = new ArrayList<>();
            for (LedgerStore.KeptHead head : checked.heads()) {
                while (target.size() + pending.size() < head.size()) {
                    pending.add(entry(parse(in.readLine(), ++lineNo), lineNo));
                }
                target.append(pending, head.size(), head.signedNote());
                pending = new ArrayList<>();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static StoredEntry entry(JsonNode node, long lineNo) {
        try {
            return new StoredEntry(node.path("seq").asLong(-1), node.path("clientId").asText(),
                    Base64.getDecoder().decode(node.path("bytes").asText()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(String line, long lineNo) {
        if (line == null) throw new IllegalArgumentException("the file ends at line " + lineNo);
        try {
            return ExportFormat.JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + lineNo + " is not JSON: " + e.getMessage());
        }
    }
}
