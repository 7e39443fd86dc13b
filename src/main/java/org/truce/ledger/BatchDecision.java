package org.truce.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What one batch of append requests comes to, decided by the ledger's writer under the store's
 * append lock before anything is written: per request, either its entries (new ones numbered from
 * {@code base} on, all stamped {@code recordedAt}; retries resolved to the entry already recorded,
 * in the store or earlier in the batch) or a conflict (a client id already used with other content,
 * which refuses the whole request and writes nothing of it).
 *
 * <p>Writer thread only; one per batch.
 */
final class BatchDecision {
    /** A new entry and its payload's canonical bytes, made on the client's thread. */
    record Fresh(Entry entry, byte[] payloadBytes) {}

    private record Decided(List<Entry> entries, List<Boolean> created) {}

    private final long base;
    private final Instant recordedAt;
    private final Function<String, Optional<Entry>> stored;
    private final Map<String, Entry> seen = new HashMap<>();
    private final List<Fresh> fresh = new ArrayList<>();
    private final List<Object> decisions = new ArrayList<>();

    /** @param stored the entry the store holds for a client id, if any */
    BatchDecision(long base, Instant recordedAt, Function<String, Optional<Entry>> stored) {
        this.base = base;
        this.recordedAt = recordedAt;
        this.stored = stored;
    }

    /** Decides the next request of the batch. */
    void decide(List<Draft> drafts) {
        List<Entry> mine = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        List<Boolean> created = new ArrayList<>();
        Map<String, Entry> local = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            Entry existing = local.get(draft.clientId());
            if (existing == null) existing = seen.get(draft.clientId());
            if (existing == null) existing = stored.apply(draft.clientId()).orElse(null);
            if (existing != null) {
                if (!sameContent(existing, draft)) {
                    decisions.add(new AppendResult.Conflict(i, draft.clientId(), existing.seq()));
                    return;
                }
                mine.add(existing);
                payloads.add(null);
                created.add(false);
                continue;
            }
            Entry entry = new Entry(base + fresh.size() + local.size(), recordedAt,
                    draft.type(), draft.author(), draft.clientId(), draft.payload());
            local.put(draft.clientId(), entry);
            mine.add(entry);
            payloads.add(draft.canonicalPayload());
            created.add(true);
        }
        for (int i = 0; i < mine.size(); i++) {
            if (created.get(i)) fresh.add(new Fresh(mine.get(i), payloads.get(i)));
        }
        seen.putAll(local);
        decisions.add(new Decided(mine, created));
    }

    /** The new entries of the batch, in seq order. */
    List<Fresh> fresh() {
        return fresh;
    }

    /** The answer to request {@code i} once the batch is durable; {@code leafHash} gives each entry's leaf hash by seq. */
    AppendResult result(int i, LongFunction<byte[]> leafHash) {
        Object decision = decisions.get(i);
        if (decision instanceof AppendResult.Conflict conflict) return conflict;
        Decided decided = (Decided) decision;
        List<AppendResult.Outcome> outcomes = new ArrayList<>(decided.entries().size());
        for (int k = 0; k < decided.entries().size(); k++) {
            Entry e = decided.entries().get(k);
            outcomes.add(new AppendResult.Outcome(e, leafHash.apply(e.seq()), decided.created().get(k)));
        }
        return new AppendResult.Accepted(outcomes);
    }

    private static boolean sameContent(Entry existing, Draft draft) {
        return existing.type().equals(draft.type())
                && Arrays.equals(EntryCodec.canonical(existing.payload()), draft.canonicalPayload());
    }
}
