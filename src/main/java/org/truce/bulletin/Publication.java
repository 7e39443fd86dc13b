package org.truce.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The act of publishing the bulletin of {@code date} as computed from the ledger's first {@code size}
 * entries, whose RFC 6962 root is {@code root}: who did it ({@code author}), when the ledger recorded it
 * ({@code recordedAt}) and where ({@code seq}, the {@value #TYPE} entry), and in whose name: the
 * {@code issuer}, the catalog source of the publishing organisation (never an account). Immutable.
 *
 * @param root   the tree head's root hash, lowercase hex
 * @param issuer    the publishing organisation's source id; null for entries written before it was recorded
 * @param witnessed what the node's witnesses had cosigned when it was published; null when the node had no
 *                  witnesses (or for entries written before witnessing was recorded)
 */
public record Publication(LocalDate date, long size, String root, String clientId, long seq, Instant recordedAt,
                          String author, String issuer, Witnessed witnessed) {
    /** The ledger entry type of a publication. */
    public static final String TYPE = "bulletin.published";
    /** Every entry type of the bulletin capability. */
    public static final java.util.Set<String> TYPES = java.util.Set.of(TYPE);

    public Publication {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(author, "author");
    }

    /** A publication that records nothing of witnessing. */
    public Publication(LocalDate date, long size, String root, String clientId, long seq, Instant recordedAt,
                       String author, String issuer) {
        this(date, size, root, clientId, seq, recordedAt, author, issuer, null);
    }

    /** The client id a publication gets when the caller names none: the same date and size give the same id. */
    public static String defaultId(LocalDate date, long size) {
        return "publish-" + date + "-" + size;
    }
}
