package org.truce.accounts;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a password sign-in. {@link Refused} never says whether the username exists or the
 * password was wrong (OWASP Authentication Cheat Sheet, "Authentication and error messages").
 */
public sealed interface SignIn {

    record Ok(Principal principal) implements SignIn {
        public Ok {
            Objects.requireNonNull(principal, "principal");
        }
    }

    record Refused() implements SignIn {}

    /** Too many recent failures for the username or the address; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignIn {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
