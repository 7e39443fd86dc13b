package org.truce.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.AttemptCounters;
import org.truce.accounts.SignInThrottle;

/**
 * A sliding window of accepted messages per sending network, counted as sign-in throttling counts it
 * ({@link SignInThrottle#network}: an IPv6 /64 is one sender), in the node's {@link AttemptCounters}:
 * in memory for a node on its own (a restart forgives), in the shared database when several nodes
 * serve one record, so that messages spread over the nodes count together. Thread-safe.
 */
final class SendingThrottle {
    private final Clock clock;
    private final AttemptCounters counters;
    private final int limit;
    private final Duration window;

    SendingThrottle(Clock clock, AttemptCounters counters, int limit, Duration window) {
        this.clock = clock;
        this.counters = counters;
        this.limit = limit;
        this.window = AttemptCounters.checkWindow(window);
    }

    /** Counts one message from {@code address}, or answers how long to wait. */
    Optional<Duration> admit(String address) {
        Instant now = clock.instant();
        String key = "message:" + SignInThrottle.network(String.valueOf(address));
        return counters.admit(List.of(new AttemptCounters.Limit(key, limit)), now, window)
                .map(free -> Duration.between(now, free))
                .map(wait -> wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }
}
