package org.truce.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who ({@code actor}: an account id, {@code "anonymous"} or {@code "cli"})
 * did what ({@code action}, e.g. {@code "signin.failed"}, {@code "restricted.read"}) to what
 * ({@code target}), for which organisation ({@code org}), when and from which address. {@code org},
 * {@code target}, {@code address} and {@code detail} may be null. {@code hash} is the lower-case hex
 * link of the chain (see {@link AuditChain}). Immutable.
 *
 * @param seq 1-based position in the chain; 0 is the position before the first record
 * @param at whole milliseconds, because the chain hashes the time at that precision
 */
public record AuditRecord(long seq, Instant at, String actor, String org, String action, String target,
        String address, String detail, String hash) {

    public AuditRecord {
        if (seq < 1) throw new IllegalArgumentException("seq must be at least 1, got " + seq);
        Objects.requireNonNull(at, "at");
        if (at.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("at must be whole milliseconds, as it is hashed: " + at);
        }
        requireText(actor, "actor");
        requireText(action, "action");
        Objects.requireNonNull(hash, "hash");
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
    }
}
