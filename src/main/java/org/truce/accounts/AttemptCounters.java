package org.truce.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sliding-window counters of attempts, by key (port): failed sign-ins ({@link SignInThrottle}) and
 * readers' messages ({@code org.truce.feedback}). The caller holds the policy (which keys, what
 * limits, how long a window, at most {@link #KEPT}); the store counts. In memory
 * ({@link MemoryAttemptCounters}) for a node on its own; in the shared database (adapter in
 * {@code org.truce.store}) when several nodes serve one record, so that attempts spread over the
 * nodes are counted together.
 *
 * <p>Adapters are thread-safe, and {@link #admit} is atomic across every user of the store. Callers
 * with different windows share one store: a counter's times are forgotten by its own window when it
 * is admitted, and any counter's after {@link #KEPT}.
 */
public interface AttemptCounters extends AutoCloseable {
    /** The longest window a caller may ask for; times older than this may be forgotten at any moment. */
    Duration KEPT = Duration.ofDays(1);

    /** A counter and the number of attempts it may hold within the window. */
    record Limit(String key, int max) {
        public Limit {
            if (key == null || key.isEmpty()) throw new IllegalArgumentException("key must not be empty");
            if (max < 1) throw new IllegalArgumentException("max must be positive, got " + max);
        }
    }

    /**
     * Atomically: forgets the counters' times at or before {@code now - window}; then, if a counter already
     * holds its {@code max}, records nothing and answers when enough of its times will have left the
     * window (the latest such instant over all full counters); otherwise records {@code now} under
     * every counter and answers empty.
     */
    Optional<Instant> admit(List<Limit> limits, Instant now, Duration window);

    /** Forgets every time of the counter. */
    void clear(String key);

    /** Forgets the counter's most recent time (one admitted attempt is no longer held against it). */
    void forgetLatest(String key);

    @Override
    void close();

    /**
     * The instant a counter holding {@code times} (ascending, all inside the window) may take one more
     * attempt under {@code max}: when the oldest times beyond {@code max - 1} have left the window.
     * Empty if it may now.
     */
    /** Fails fast on a window the store would not keep whole. */
    static Duration checkWindow(Duration window) {
        if (window.isNegative() || window.isZero() || window.compareTo(KEPT) > 0) {
            throw new IllegalArgumentException("window must be positive and at most " + KEPT + ", got " + window);
        }
        return window;
    }

    static Optional<Instant> freeAt(List<Instant> times, int max, Duration window) {
        if (times.size() < max) return Optional.empty();
        return Optional.of(times.get(times.size() - max).plus(window));
    }
}
