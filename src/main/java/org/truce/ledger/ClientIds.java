package org.truce.ledger;

/**
 * A compact set of 64-bit fingerprints of every client id in the ledger, so the writer asks the
 * store about a client id only when it may be a retry (a fingerprint hit), not for every new entry.
 * A false hit costs one store lookup; there are no false misses. Writer thread only.
 */
final class ClientIds {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 12];
    private int count;

    boolean mightContain(String clientId) {
        long f = fingerprint(clientId);
        int mask = slots.length - 1;
        for (int i = (int) f & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == EMPTY) return false;
            if (s == f) return true;
        }
    }

    void add(String clientId) {
        if (2 * (count + 1) > slots.length) grow();
        if (insert(slots, fingerprint(clientId))) count++;
    }

    private static boolean insert(long[] table, long f) {
        int mask = table.length - 1;
        for (int i = (int) f & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = f;
                return true;
            }
            if (table[i] == f) return false;
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long f : slots) if (f != EMPTY) insert(bigger, f);
        slots = bigger;
    }

    /** FNV-1a over the UTF-16 units, then a MurmurHash3 finaliser; never 0 (0 marks an empty slot). */
    static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
