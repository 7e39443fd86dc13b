package org.truce.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.truce.accounts.SignInThrottle;

/**
 * A sliding window of accepted messages per sending network, counted as sign-in
 * throttling counts it ({@link SignInThrottle#network}: an IPv6 /64 is one sender). In memory: a restart forgives. Thread-safe.
 */
final class SendingThrottle {
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, ArrayDeque<Instant>> sent = new HashMap<>();

    SendingThrottle(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts one message from {@code address}, or answers how long to wait. */
    synchronized Optional<Duration> admit(String address) {
        Instant now = clock.instant();
        if (sent.size() > 10_000) sent.values().removeIf(q -> q.isEmpty() || !q.peekLast().isAfter(now.minus(window)));
        ArrayDeque<Instant> times = sent.computeIfAbsent(SignInThrottle.network(String.valueOf(address)), k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) times.pollFirst();
        if (times.size() >= limit) {
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
        times.addLast(now);
        return Optional.empty();
    }
}
