package org.truce.bulletin;

import java.util.Optional;

/**
 * How the publisher learns, before it publishes at a ledger size, which witnesses have cosigned a
 * checkpoint at or beyond it: waits a bounded time for the node's quorum and answers what there is.
 * Empty when the node has no witnesses (then a publication records nothing of witnessing).
 */
@FunctionalInterface
public interface Witnessing {
    /** A node without witnesses. */
    Witnessing NONE = size -> Optional.empty();

    Optional<Witnessed> await(long size);
}
