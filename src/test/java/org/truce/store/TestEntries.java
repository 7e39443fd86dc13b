package org.truce.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.truce.ledger.StoredEntry;

/**
 * Deterministic ledger entries for store tests: the bytes of entry {@code seq} depend on seq alone, so a
 * test can recompute what another process wrote. The bytes include 0x00 and invalid UTF-8 on purpose,
 * so only byte-exact BLOB storage passes.
 */
final class TestEntries {

    private TestEntries() {}

    static StoredEntry entry(long seq) {
        return new StoredEntry(seq, clientId(seq), bytes(seq));
    }

    static String clientId(long seq) {
        return "client-" + seq;
    }

    static byte[] bytes(long seq) {
        byte[] prefix = ("entry-" + seq + "|").getBytes(StandardCharsets.US_ASCII);
        int padding = 64 + (int) (seq % 97);
        byte[] bytes = new byte[prefix.length + padding];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        for (int i = 0; i < padding; i++) bytes[prefix.length + i] = (byte) (seq * 31 + i * 7);
        return bytes;
    }

    /** Entries {@code from .. from+count-1}. */
    static List<StoredEntry> batch(long from, int count) {
        List<StoredEntry> batch = new ArrayList<>(count);
        for (long seq = from; seq < from + count; seq++) batch.add(entry(seq));
        return batch;
    }

    /** A stand-in for the signed checkpoint of a tree of this size (the store keeps it as opaque text). */
    static String headNote(long size) {
        return "truce.test/ledger\n" + size + "\nroot-of-" + size + "\n\n— test " + size + "\n";
    }
}
