package org.truce.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attempt counters in this process's memory: a restart forgives, and other nodes do not see them.
 * The store of a node on its own (SQLite). Thread-safe: every method holds the instance lock for a
 * few map operations. Times older than {@link AttemptCounters#KEPT} are swept when the map grows past
 * {@value #SWEEP_ABOVE} keys (not by the caller's window: another caller's may be longer).
 */
public final class MemoryAttemptCounters implements AttemptCounters {
    private static final int SWEEP_ABOVE = 20_000;

    private final Map<String, ArrayDeque<Instant>> times = new HashMap<>();

    @Override
    public synchronized Optional<Instant> admit(List<? extends Rule> rules, Instant now, Duration window) {
        AttemptCounters.checkWindow(window);
        Instant wait = null;
        for (Rule rule : rules) {
            ArrayDeque<Instant> kept = times.computeIfAbsent(rule.key(), k -> new ArrayDeque<>());
            dropExpired(kept, now, window);
            Optional<Instant> free = rule.freeAt(new ArrayList<>(kept), now, window);
            if (free.isPresent() && (wait == null || free.get().isAfter(wait))) wait = free.get();
        }
        if (wait != null) return Optional.of(wait);
        for (Rule rule : rules) times.get(rule.key()).addLast(now);
        sweepIfLarge(now);
        return Optional.empty();
    }

    @Override
    public synchronized void clear(String key) {
        times.remove(key);
    }

    @Override
    public synchronized void forgetLatest(String key) {
        ArrayDeque<Instant> kept = times.get(key);
        if (kept == null) return;
        kept.pollLast();
        if (kept.isEmpty()) times.remove(key);
    }

    @Override
    public synchronized void close() {
        times.clear();
    }

    private static void dropExpired(ArrayDeque<Instant> kept, Instant now, Duration window) {
        while (!kept.isEmpty() && !kept.peekFirst().plus(window).isAfter(now)) kept.pollFirst();
    }

    private void sweepIfLarge(Instant now) {
        if (times.size() <= SWEEP_ABOVE) return;
        times.values().forEach(kept -> dropExpired(kept, now, KEPT));
        times.values().removeIf(ArrayDeque::isEmpty);
    }
}
