package org.truce.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counters of attempts, by key (port): failed sign-ins ({@link SignInThrottle}) and readers' messages
 * ({@code org.truce.feedback}). The caller holds the policy (which keys, what {@link Rule}: a
 * sliding-window {@link Limit} or a growing {@link Backoff}; how long a window, at most {@link #KEPT});
 * the store counts. In memory
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

    /**
     * What a counter allows: given its times inside the window, when it may take one more attempt.
     * Stores hand every rule the same ascending times, so a rule is pure and is checked alike in memory
     * and in the database.
     */
    sealed interface Rule permits Limit, Backoff {
        String key();

        /**
         * The instant the counter holding {@code times} (ascending, all inside the window) may take one
         * more attempt, if that is after {@code now}; empty if it may now.
         */
        Optional<Instant> freeAt(List<Instant> times, Instant now, Duration window);
    }

    /** At most {@code max} attempts within the window (a sliding window). */
    record Limit(String key, int max) implements Rule {
        public Limit {
            requireKey(key);
            if (max < 1) throw new IllegalArgumentException("max must be positive, got " + max);
        }

        /** When the oldest times beyond {@code max - 1} have left the window. */
        @Override
        public Optional<Instant> freeAt(List<Instant> times, Instant now, Duration window) {
            if (times.size() < max) return Optional.empty();
            return Optional.of(times.get(times.size() - max).plus(window));
        }
    }

    /**
     * A growing delay (NIST SP 800-63B §5.2.2, "increasing wait times" rather than a lock): the first
     * {@code free} attempts within the window are not delayed; once the counter holds {@code n >= free}
     * times, the next attempt waits {@code first × 2^(n - free)}, at most {@code cap}, after the latest.
     * Nothing is ever locked for longer than {@code cap}.
     */
    record Backoff(String key, int free, Duration first, Duration cap) implements Rule {
        public Backoff {
            requireKey(key);
            if (free < 1) throw new IllegalArgumentException("free must be positive, got " + free);
            if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
                throw new IllegalArgumentException("delays must be positive and first <= cap, got " + first + " and " + cap);
            }
        }

        /** The delay after {@code held} times: none below {@code free}, then doubling up to the cap. */
        public Duration delayAfter(int held) {
            if (held < free) return Duration.ZERO;
            int doublings = held - free;
            if (doublings >= 40) return cap;
            Duration d = first.multipliedBy(1L << doublings);
            return d.compareTo(cap) > 0 ? cap : d;
        }

        @Override
        public Optional<Instant> freeAt(List<Instant> times, Instant now, Duration window) {
            if (times.size() < free) return Optional.empty();
            Instant at = times.get(times.size() - 1).plus(delayAfter(times.size()));
            return at.isAfter(now) ? Optional.of(at) : Optional.empty();
        }
    }

    /**
     * Atomically: forgets the counters' times at or before {@code now - window}; then, if any counter's
     * rule refuses one more attempt now, records nothing and answers when all of them will allow it
     * (the latest of their instants); otherwise records {@code now} under every counter and answers empty.
     */
    Optional<Instant> admit(List<? extends Rule> rules, Instant now, Duration window);

    /** Forgets every time of the counter. */
    void clear(String key);

    /** Forgets the counter's most recent time (one admitted attempt is no longer held against it). */
    void forgetLatest(String key);

    @Override
    void close();

    /** Fails fast on a window the store would not keep whole. */
    static Duration checkWindow(Duration window) {
        if (window.isNegative() || window.isZero() || window.compareTo(KEPT) > 0) {
            throw new IllegalArgumentException("window must be positive and at most " + KEPT + ", got " + window);
        }
        return window;
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("key must not be empty");
    }
}
