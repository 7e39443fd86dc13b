package org.truce.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The bodies' keys over ledger positions, folded from {@value BodySignatures#KEY_REGISTERED} and
 * {@value BodySignatures#KEY_REVOKED} entries: a key registered at seq r is valid for the entries after
 * r until the body's next registration (a rotation) or the key's revocation, at seq t, which ends it
 * for the entries after t. So an old entry is checked against the key valid when it was written.
 *
 * <p>The ledger owns one, fed first on replay and then with every applied entry (one thread at a
 * time); reads are thread-safe (each body's periods are replaced whole). {@link #seal} is the write
 * path's check: an entry in the name of a body that has a key is appended only with that body's
 * signature. Changes of keys are appended under {@link #changing} and writes under its read side, so a
 * write checked against a key lands before any later change of it (on one node; see
 * docs/verification.md for several).
 */
public final class BodyKeys implements Ledger.Listener {

    /** A key's validity: for the entries with from &lt; seq &lt; until. */
    public record Period(BodyKey key, long from, long until, String reason) {
        public boolean covers(long seq) {
            return from < seq && seq < until;
        }

        public boolean open() {
            return until == Long.MAX_VALUE;
        }
    }

    /** What an entry in a body's name shows about who said it; {@link #attestation}. */
    public enum Attestation {
        /** Signed by the body with the key valid at its position. */
        SIGNED("signed"),
        /** Recorded by another organisation's transcriber, citing the document, for a body that signs. */
        TRANSCRIBED("transcribed"),
        /** No signature: its body had no key at its position (or it speaks in no body's name). */
        UNSIGNED("unsigned"),
        /** Its signature, or its missing signature, fails the check ({@link BodySignatures#failure}). */
        INVALID("invalid");

        private final String wire;

        Attestation(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final Map<String, List<Period>> periods = new ConcurrentHashMap<>();
    /** The entries that are not plain unsigned ones: few, so a map by seq rather than a flag per entry. */
    private final Map<Long, Attestation> attested = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();

    /** A key registered; {@code key} null when the entry's key is malformed. */
    private record Registered(BodyKey key) {}

    private record Revoked(String body, String keyId, String reason) {}

    /** Reads a key change ({@link BodySignatures#TYPES}) from its entry; null for every other entry, which is only attested. */
    @Override
    public Object prepare(Entry e) {
        JsonNode p = e.payload();
        if (e.type().equals(BodySignatures.KEY_REGISTERED)) {
            try {
                return new Registered(BodyKey.parse(p.path("key").asText(null)));
            } catch (IllegalArgumentException malformed) {
                return new Registered(null); // the recorder writes none; a planted one registers nothing, so what it would allow fails the check
            }
        }
        if (e.type().equals(BodySignatures.KEY_REVOKED)) {
            return new Revoked(p.path("body").asText(""), p.path("keyId").asText(""), p.path("reason").asText(""));
        }
        return null;
    }

    @Override
    public void applied(Entry e) {
        applied(e, prepare(e));
    }

    @Override
    public void applied(Entry e, Object prepared) {
        attest(e);
        if (prepared instanceof Registered r && r.key() != null) {
            BodyKey key = r.key();
            List<Period> list = new ArrayList<>(periods.getOrDefault(key.body(), List.of()));
            close(list, e.seq(), null);
            list.add(new Period(key, e.seq(), Long.MAX_VALUE, null));
            periods.put(key.body(), List.copyOf(list));
        } else if (prepared instanceof Revoked r) {
            List<Period> list = new ArrayList<>(periods.getOrDefault(r.body(), List.of()));
            if (!list.isEmpty() && list.get(list.size() - 1).open() && list.get(list.size() - 1).key().keyId().equals(r.keyId())) {
                close(list, e.seq(), r.reason());
                periods.put(r.body(), List.copyOf(list));
            }
        }
    }

    private void attest(Entry e) {
        JsonNode p = e.payload();
        boolean marked = p.has(BodySignature.MEMBER) || p.has(BodySignature.TRANSCRIBED);
        Optional<String> body = BodySignatures.speaker(e.type(), p);
        if (!marked && (body.isEmpty() || !periods.containsKey(body.get()))) return;
        if (BodySignatures.failure(this, e).isPresent()) attested.put(e.seq(), Attestation.INVALID);
        else if (p.has(BodySignature.MEMBER)) attested.put(e.seq(), Attestation.SIGNED);
        else if (p.has(BodySignature.TRANSCRIBED)) attested.put(e.seq(), Attestation.TRANSCRIBED);
    }

    /** What the entry at {@code seq} shows about who said it (checked when it was applied). */
    public Attestation attestation(long seq) {
        return attested.getOrDefault(seq, Attestation.UNSIGNED);
    }

    /**
     * Who stands behind the entries at {@code seqs}, as every output says it beside a figure: each
     * attestation but {@link Attestation#UNSIGNED} with its entries in the given order, in the enum's
     * order. Empty when no body of theirs signs, so outputs of a record where no body signs read as
     * before.
     */
    public Map<Attestation, List<Long>> attestations(java.util.Collection<Long> seqs) {
        Map<Attestation, List<Long>> by = new java.util.EnumMap<>(Attestation.class);
        for (long seq : seqs) {
            Attestation a = attestation(seq);
            if (a != Attestation.UNSIGNED) by.computeIfAbsent(a, k -> new ArrayList<>()).add(seq);
        }
        return by;
    }

    private static void close(List<Period> list, long seq, String reason) {
        if (list.isEmpty() || !list.get(list.size() - 1).open()) return;
        Period last = list.remove(list.size() - 1);
        list.add(new Period(last.key(), last.from(), seq, reason));
    }

    /** The key of {@code body} valid for the entry at {@code seq}; empty for none (or a null body). */
    public Optional<BodyKey> validAt(String body, long seq) {
        if (body == null) return Optional.empty();
        for (Period p : periods.getOrDefault(body, List.of())) if (p.covers(seq)) return Optional.of(p.key());
        return Optional.empty();
    }

    /** The key of {@code body} valid for the next entry, if any. */
    public Optional<BodyKey> current(String body) {
        return validAt(body, Long.MAX_VALUE - 1);
    }

    /** Every key period of {@code body}, oldest first. */
    public List<Period> history(String body) {
        return periods.getOrDefault(body, List.of());
    }

    /** The bodies that ever registered a key. */
    public List<String> bodies() {
        return periods.keySet().stream().sorted().toList();
    }

    /** Runs {@code appendKeyChange} while no write that was checked against the keys is still being appended. */
    public <T> T changing(Supplier<T> appendKeyChange) {
        changes.writeLock().lock();
        try {
            return appendKeyChange.get();
        } finally {
            changes.writeLock().unlock();
        }
    }

    /** Held by {@link Ledger#append} from the check of its drafts until they are applied. */
    ReentrantReadWriteLock.ReadLock writes() {
        return changes.readLock();
    }

    // ---- the write path's check

    /** The signatures a write request brings, by the client id of the entry each signs; set by {@link #signing}. */
    private static final ThreadLocal<Request> REQUEST = new ThreadLocal<>();

    /**
     * What a write request says of its items: the signatures they bring, and which ones are
     * transcriptions by another organisation (the write path's attribution decided), each by the
     * client id of its entry.
     */
    public record Request(Map<String, BodySignature> signatures, java.util.Set<String> transcriptions) {
        public Request {
            signatures = Map.copyOf(signatures);
            transcriptions = java.util.Set.copyOf(transcriptions);
        }
    }

    /**
     * Runs {@code work} (a capability's recording, which appends on this thread) with the signatures
     * of one request: each draft the work appends with one of these client ids is sealed with its
     * signature. The web write path sets this; it does not cross threads.
     */
    public static <T> T signing(Request request, Supplier<T> work) {
        Request outer = REQUEST.get();
        REQUEST.set(request);
        try {
            return work.get();
        } finally {
            if (outer == null) REQUEST.remove();
            else REQUEST.set(outer);
        }
    }

    /**
     * The drafts as they may be appended: each one in the name of a body with a key carries that
     * body's valid signature in its payload (the request's, or one already there on an import);
     * {@link Unsigned} naming every draft that does not, with the bytes it should sign.
     */
    List<Draft> seal(List<Draft> drafts) {
        Request request = REQUEST.get();
        Map<String, BodySignature> brought = request == null ? Map.of() : request.signatures();
        if (periods.isEmpty() && brought.isEmpty()) return drafts; // no body signs: nothing to look at
        List<Draft> sealed = new ArrayList<>(drafts.size());
        List<Unsigned.Item> refused = new ArrayList<>();
        for (Draft d : drafts) {
            String body = BodySignatures.speaker(d.type(), d.payload()).orElse(null);
            BodySignature signature = brought.get(d.clientId());
            Optional<BodyKey> key = current(body);
            JsonNode payload = d.payload();
            if (signature != null && payload.isObject() && !payload.has(BodySignature.MEMBER)) {
                payload = ((ObjectNode) payload.deepCopy()).set(BodySignature.MEMBER, signature.json());
            } else if (signature == null && key.isPresent() && request != null && request.transcriptions().contains(d.clientId())
                    && payload.isObject()) {
                payload = ((ObjectNode) payload.deepCopy()).put(BodySignature.TRANSCRIBED, true);
            }
            Optional<String> reason = BodySignatures.reason(key, d.type(), d.clientId(), payload, body);
            if (reason.isPresent()) {
                refused.add(new Unsigned.Item(d.clientId(), body, key.map(BodyKey::keyId).orElse(null), reason.get(),
                        BodySignatures.message(d.type(), d.clientId(), d.payload())));
            } else {
                sealed.add(payload == d.payload() ? d : new Draft(d.type(), d.author(), d.clientId(), payload));
            }
        }
        if (!refused.isEmpty()) throw new Unsigned(refused);
        return sealed;
    }

    /**
     * Drafts refused for their signature; nothing of the request was appended. An exception rather
     * than a result, because it has to pass through every capability's recorder unchanged, from
     * {@link Ledger#append} to the write path that brought the signatures.
     */
    public static final class Unsigned extends RuntimeException {
        /**
         * @param keyId   the body's key id to sign with, or null when the body has none
         * @param message the bytes to sign ({@link BodySignatures#message})
         */
        public record Item(String clientId, String body, String keyId, String reason, byte[] message) {}

        private final List<Item> items;

        Unsigned(List<Item> items) {
            super(items.get(0).clientId() + ": " + items.get(0).reason(), null, false, false);
            this.items = List.copyOf(items);
        }

        public List<Item> items() {
            return items;
        }
    }
}
