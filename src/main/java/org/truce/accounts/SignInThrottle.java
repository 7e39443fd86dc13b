package org.truce.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * <p>The counters live in an {@link AttemptCounters} store: in memory for a node on its own (they reset
 * on restart, as DESIGN.md keeps throttling counters out of the ledger), in the shared database when
 * several nodes serve one record, so guesses spread over the nodes count together. Thread-safe as
 * its store is; never called during hashing.
 */
public final class SignInThrottle {
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final AttemptCounters attempts;

    /** Counters in this process's memory. */
    public SignInThrottle(Clock clock) {
        this(clock, new MemoryAttemptCounters());
    }

    public SignInThrottle(Clock clock, AttemptCounters attempts) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
    }

    /**
     * Admits an attempt, counting it as a failure until {@link #succeeded}, or answers how long to
     * wait if the username or the address has used up its failures.
     */
    public Optional<Duration> admit(String username, String address) {
        Instant now = clock.instant();
        List<AttemptCounters.Limit> limits = List.of(new AttemptCounters.Limit(userKey(username), PER_ACCOUNT),
                new AttemptCounters.Limit(addressKey(Objects.requireNonNull(address, "address")), PER_ADDRESS));
        return attempts.admit(limits, now, WINDOW).map(free -> Duration.between(now, free));
    }

    /** The admitted attempt succeeded: the username's failures are forgiven, and this attempt is not held against the address. */
    public void succeeded(String username, String address) {
        attempts.clear(userKey(username));
        attempts.forgetLatest(addressKey(address));
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

    private static String userKey(String username) {
        return "user:" + Objects.requireNonNull(username, "username").strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "net:" + network(address);
    }
}
