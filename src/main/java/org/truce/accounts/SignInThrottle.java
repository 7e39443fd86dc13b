package org.truce.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing with growing delays, never a lock (NIST SP 800-63B §5.2.2: "requiring the
 * claimant to wait following a failed attempt for a period of time that increases as the account
 * approaches its maximum allowance"). A username may fail {@value #PER_ACCOUNT} times without delay;
 * after its k-th failure (k ≥ {@value #PER_ACCOUNT}) the next attempt waits 2^(k − {@value #PER_ACCOUNT})
 * seconds after it, at most {@link #MAX_DELAY}. An address (an IPv6 /64) has its own allowance of
 * {@value #PER_ADDRESS} with the same doubling. A failure is forgotten {@link #WINDOW} after it was
 * made, and a success forgives the username's failures.
 *
 * <p>So nobody can lock an account: whoever guesses wrong from anywhere only makes the right password
 * wait a while, and a correct password after the delay signs in. At the cap, one username can be
 * guessed 96 times a day. That is not the hard stop at 100 consecutive failures §5.2.2 also asks for:
 * a stop is the lockout anyone could cause, which this replaces.
 * Attempts refused as throttled are not counted, so hammering a delayed account does not extend the
 * delay. Counters are kept per username as typed, whether or not the account exists, so that
 * throttling itself does not tell which usernames exist.
 *
 * <p>An attempt counts as a failure from the moment it is admitted ({@link #admit}) until it is
 * reported a success, so a burst of concurrent guesses cannot all slip in before the first result.
 *
 * <p>The counters live in an {@link AttemptCounters} store: in memory for a node on its own (they reset
 * on restart, as DESIGN.md keeps throttling counters out of the ledger), in the shared database when
 * several nodes serve one record, so guesses spread over the nodes count together. Thread-safe as
 * its store is; never called during hashing.
 */
public final class SignInThrottle {
    /** Failures of one username admitted without delay. */
    public static final int PER_ACCOUNT = 5;
    /** Failures from one address (IPv4, or IPv6 /64) admitted without delay. */
    public static final int PER_ADDRESS = 20;
    /** The delay after the first failure past the allowance; it doubles with each further failure. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** How long a failure is held against a username or an address. */
    public static final Duration WINDOW = AttemptCounters.KEPT;

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
     * wait if the username or the address is in its delay.
     */
    public Optional<Duration> admit(String username, String address) {
        Instant now = clock.instant();
        List<AttemptCounters.Backoff> rules = List.of(delayed(userKey(username), PER_ACCOUNT),
                delayed(addressKey(Objects.requireNonNull(address, "address")), PER_ADDRESS));
        return attempts.admit(rules, now, WINDOW).map(free -> Duration.between(now, free));
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

    private static AttemptCounters.Backoff delayed(String key, int free) {
        return new AttemptCounters.Backoff(key, free, FIRST_DELAY, MAX_DELAY);
    }

    private static String userKey(String username) {
        return "user:" + Objects.requireNonNull(username, "username").strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "net:" + network(address);
    }
}
