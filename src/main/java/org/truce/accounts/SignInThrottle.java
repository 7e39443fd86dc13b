package org.truce.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing (OWASP Authentication Cheat Sheet, "Protect against automated attacks"):
 * after {@value #PER_ACCOUNT} failures for one username, or {@value #PER_ADDRESS} from one address,
 * within {@link #WINDOW}, further attempts are refused until the window no longer holds that many.
 * Counters are kept per username as typed, whether or not the account exists, so that throttling
 * itself does not tell which usernames exist.
 *
 * <p>An attempt counts as a failure from the moment it is admitted ({@link #admit}) until it is
 * reported a success, so a burst of concurrent guesses cannot all slip in before the first result.
 * Attempts refused as throttled are not counted, so a locked account unlocks on schedule.
 *
 * <p>In memory (it resets on restart, as DESIGN.md keeps throttling counters out of the ledger) and
 * thread-safe: every method holds the instance lock for a few map operations, never during hashing.
 * Each key keeps at most its limit of timestamps; expired keys are swept when the map grows.
 */
public final class SignInThrottle {
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> byUsername = new HashMap<>();
    private final Map<String, ArrayDeque<Instant>> byAddress = new HashMap<>();

    public SignInThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Admits an attempt, counting it as a failure until {@link #succeeded}, or answers how long to
     * wait if the username or the address has used up its failures.
     */
    public synchronized Optional<Duration> admit(String username, String address) {
        Instant now = clock.instant();
        ArrayDeque<Instant> user = recent(byUsername, key(username), now);
        ArrayDeque<Instant> from = recent(byAddress, network(Objects.requireNonNull(address, "address")), now);
        Duration wait = max(retryAfter(user, PER_ACCOUNT, now), retryAfter(from, PER_ADDRESS, now));
        if (!wait.isZero()) return Optional.of(wait);
        user.addLast(now);
        from.addLast(now);
        sweepIfLarge(now);
        return Optional.empty();
    }

    /** The admitted attempt succeeded: the username's failures are forgiven, and this attempt is not held against the address. */
    public synchronized void succeeded(String username, String address) {
        byUsername.remove(key(username));
        ArrayDeque<Instant> from = byAddress.get(network(address));
        if (from != null) {
            from.pollLast();
            if (from.isEmpty()) byAddress.remove(network(address));
        }
    }

    /**
     * The unit an address is counted in: an IPv4 address itself; for IPv6 its /64, since one host
     * usually holds a whole /64 (RFC 4291 §2.5.4) and could otherwise rotate through it.
     */
    public static String network(String address) {
        if (address.indexOf(':') < 0) return address;
        try {
            byte[] b = java.net.InetAddress.getByName(address).getAddress();
            if (b.length != 16) return address;
            return java.util.HexFormat.of().formatHex(b, 0, 8) + "::/64";
        } catch (java.net.UnknownHostException e) {
            return address; // not a literal: count it as given
        }
    }

    private static String key(String username) {
        return Objects.requireNonNull(username, "username").strip().toLowerCase(Locale.ROOT);
    }

    private static ArrayDeque<Instant> recent(Map<String, ArrayDeque<Instant>> map, String key, Instant now) {
        ArrayDeque<Instant> times = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        dropExpired(times, now);
        return times;
    }

    private static void dropExpired(ArrayDeque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) times.pollFirst();
    }

    /** Zero if fewer than {@code limit} failures are in the window, else the time until the oldest leaves it. */
    private static Duration retryAfter(ArrayDeque<Instant> times, int limit, Instant now) {
        if (times.size() < limit) return Duration.ZERO;
        return Duration.between(now, times.peekFirst().plus(WINDOW));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void sweepIfLarge(Instant now) {
        for (Map<String, ArrayDeque<Instant>> map : java.util.List.of(byUsername, byAddress)) {
            if (map.size() <= SWEEP_ABOVE) continue;
            map.values().forEach(times -> dropExpired(times, now));
            map.values().removeIf(ArrayDeque::isEmpty);
        }
    }
}
