package org.truce.ledger;

import java.time.Instant;
import java.util.Arrays;

/**
 * The record time of every entry by seq, so that "known at T" becomes a tree size by binary search.
 * One writer appends; readers see a consistent prefix without locking (the count is published last).
 */
final class RecordTimes {
    private volatile long[] millis = new long[1024];
    private volatile int count;

    void add(long epochMillis) {
        long[] current = millis;
        if (count == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
            millis = current;
        }
        current[count] = epochMillis;
        count = count + 1;
    }

    int size() {
        return count;
    }

    long last() {
        int n = count;
        return n == 0 ? Long.MIN_VALUE : millis[n - 1];
    }

    Instant at(long seq) {
        return Instant.ofEpochMilli(millis[Math.toIntExact(seq)]);
    }

    /** Number of entries recorded at or before {@code knownAt}. */
    long sizeAt(Instant knownAt) {
        int n = count;
        long[] m = millis;
        long t = knownAt.toEpochMilli();
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (m[mid] <= t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
