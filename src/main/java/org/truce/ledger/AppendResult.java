package org.truce.ledger;

import java.util.List;

/**
 * What the ledger answered to one append request: every draft accepted (new or a retry of an
 * identical entry), or the whole request refused because a client id is already taken by other content.
 */
public sealed interface AppendResult {

    /** One outcome per draft, in request order. */
    record Accepted(List<Outcome> outcomes) implements AppendResult {}

    /** Nothing of the request was written: {@code clientId} (draft {@code index}) names other content. */
    record Conflict(int index, String clientId, long existingSeq) implements AppendResult {}

    /** @param created false when the draft repeated an entry already in the ledger (an idempotent retry) */
    record Outcome(Entry entry, byte[] leafHash, boolean created) {}
}
