package org.truce.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a body signs, in whose name an entry speaks, and the check of every stored signature: the
 * one definition shared by the write path, {@code truce verify} and anyone who follows the log (a
 * mirror). Stateless; {@link #check} folds the keys as it goes.
 *
 * <p>Once a body has a key, an entry in its name carries its signature, or is marked
 * {@code "transcribed": true}: another organisation's transcription of what the body published, citing
 * the document, which every output labels so. An unmarked entry without a valid signature fails.
 *
 * <p><b>The signed bytes</b> of an entry are the RFC 8785 canonical JSON of
 * {@code {"clientId": <client id>, "payload": <payload without "bodySignature">, "type": <type>}} (a
 * case's sealed members left out too, {@link #UNSIGNED_MEMBERS}): the
 * entry as the ledger stores it, without what the server adds (its position, record time, the
 * recording organisation) and without the signature itself. The signature is pure Ed25519 (RFC 8032)
 * over those bytes with the key valid for the body at the entry's position ({@link BodyKeys}).
 */
public final class BodySignatures {
    /** An admin registered a body's key (a rotation when the body had one): payload {@code body, key, keyId[, replaces]}. */
    public static final String KEY_REGISTERED = "body.key.registered";
    /** An admin revoked a body's current key: payload {@code body, keyId, reason}. */
    public static final String KEY_REVOKED = "body.key.revoked";
    /** Every entry type of the bodies' keys, folded by {@link BodyKeys}. */
    public static final java.util.Set<String> TYPES = java.util.Set.of(KEY_REGISTERED, KEY_REVOKED);

    /**
     * The payload member naming the body an entry speaks for, by entry type: the same body the write
     * path's attribution decides on (the input's {@code source}, an assessment's {@code assessor}, an
     * agreement version's {@code publisher}). Types not listed speak in nobody's name (declarations,
     * links, publications, key entries).
     */
    static final Map<String, String> SPEAKER = Map.ofEntries(
            Map.entry("report.filed", "source"), Map.entry("report.retracted", "source"),
            Map.entry("geometry.recorded", "source"), Map.entry("status.reported", "source"),
            Map.entry("case.opened", "source"), Map.entry("case.status", "source"),
            Map.entry("incident.alleged", "source"), Map.entry("incident.claim", "source"),
            Map.entry("incident.step", "source"), Map.entry("nil.reported", "source"),
            Map.entry("accord.event", "source"), Map.entry("accord.amendment", "source"),
            Map.entry("accord.meeting", "source"), Map.entry("accord.remit-claim", "source"),
            Map.entry("accord.assessment", "assessor"), Map.entry("accord.version", "publisher"));

    /**
     * Payload members a body's signature does not cover, by entry type: a case's sealed personal data
     * and terms (AES-GCM with a fresh nonce on each attempt, and erasable), so the bytes to sign are the
     * same on the signed retry. The body signs the public facts of the case; the sealed parts are not
     * proven to be its own.
     */
    static final Map<String, java.util.Set<String>> UNSIGNED_MEMBERS = Map.of(
            "case.opened", java.util.Set.of("personal", "terms"), "case.status", java.util.Set.of("personal"));

    private BodySignatures() {}

    /** The body an entry of {@code type} with {@code payload} speaks for, if any. */
    public static Optional<String> speaker(String type, JsonNode payload) {
        String field = SPEAKER.get(type);
        JsonNode body = field == null || payload == null ? null : payload.get(field);
        return body != null && body.isTextual() ? Optional.of(body.textValue()) : Optional.empty();
    }

    /** The bytes a body signs for an entry (see the class comment). */
    public static byte[] message(String type, String clientId, JsonNode payload) {
        JsonNode unsigned = payload;
        java.util.Set<String> uncovered = UNSIGNED_MEMBERS.getOrDefault(type, java.util.Set.of());
        if (payload.isObject() && (payload.has(BodySignature.MEMBER) || uncovered.stream().anyMatch(payload::has))) {
            unsigned = payload.deepCopy();
            ((ObjectNode) unsigned).remove(BodySignature.MEMBER);
            ((ObjectNode) unsigned).remove(uncovered);
        }
        ObjectNode n = EntryCodec.mapper().createObjectNode();
        n.put("clientId", clientId);
        n.set("payload", unsigned);
        n.put("type", type);
        return EntryCodec.canonical(n);
    }

    public static byte[] message(Entry e) {
        return message(e.type(), e.clientId(), e.payload());
    }

    /** One entry whose signature does not hold. */
    public record Failure(long seq, String clientId, String reason) {
        @Override
        public String toString() {
            return "seq " + seq + " (" + clientId + "): " + reason;
        }
    }

    /**
     * Checks every entry, in seq order from seq 0, against the keys its predecessors registered: an
     * entry in a body's name carries a signature by the key valid for that body at its position when
     * there is one, and no signature when there is none. Returns every failure, in order.
     */
    public static List<Failure> check(Iterable<Entry> entries) {
        BodyKeys keys = new BodyKeys();
        List<Failure> failures = new ArrayList<>();
        for (Entry e : entries) {
            failure(keys, e).ifPresent(failures::add);
            keys.applied(e);
        }
        return failures;
    }

    /**
     * As {@link #check(Iterable)}, over every entry a store holds, streamed; an entry that cannot be
     * decoded is left to {@link LedgerVerifier}, which names it.
     */
    public static List<Failure> check(LedgerStore store) {
        BodyKeys keys = new BodyKeys();
        List<Failure> failures = new ArrayList<>();
        store.forEach(0, row -> {
            Entry e;
            try {
                e = EntryCodec.decode(row.bytes());
            } catch (IllegalArgumentException notAnEntry) {
                return;
            }
            failure(keys, e).ifPresent(failures::add);
            keys.applied(e);
        });
        return failures;
    }

    /** The failure of one entry against the keys folded from the entries before it, if any. */
    public static Optional<Failure> failure(BodyKeys keys, Entry e) {
        return reason(keys.validAt(speaker(e.type(), e.payload()).orElse(null), e.seq()), e.type(), e.clientId(),
                e.payload(), speaker(e.type(), e.payload()).orElse(null))
                .map(r -> new Failure(e.seq(), e.clientId(), r));
    }

    /**
     * Why an entry (of {@code type}, {@code clientId}, {@code payload}) in {@code body}'s name fails,
     * with {@code key} the body's key valid at its position (empty: none); empty when it holds.
     */
    static Optional<String> reason(Optional<BodyKey> key, String type, String clientId, JsonNode payload, String body) {
        Optional<BodySignature> signature;
        try {
            signature = BodySignature.of(payload);
        } catch (IllegalArgumentException e) {
            return Optional.of("its bodySignature is malformed: " + e.getMessage());
        }
        boolean transcribed = payload.path(BodySignature.TRANSCRIBED).asBoolean(false);
        if (body == null) {
            return signature.isPresent() || transcribed
                    ? Optional.of("it carries a body's signature or transcription mark but speaks in no body's name") : Optional.empty();
        }
        if (signature.isPresent() && transcribed) return Optional.of("it is both signed by " + body + " and marked a transcription");
        if (key.isEmpty()) {
            return signature.isPresent() ? Optional.of("it carries a signature, but " + body + " had no valid key at its position")
                    : Optional.empty();
        }
        if (transcribed) return Optional.empty(); // another organisation's transcription, shown as such
        if (signature.isEmpty()) return Optional.of("it speaks in the name of " + body + ", which signs with key " + key.get().keyId()
                + ", and carries neither its signature nor the mark of another organisation's transcription");
        if (!signature.get().keyId().equals(key.get().keyId())) {
            return Optional.of("it is signed with key " + signature.get().keyId() + ", but the key of " + body
                    + " valid at its position is " + key.get().keyId());
        }
        if (!key.get().verifies(message(type, clientId, payload), signature.get().value())) {
            return Optional.of("the signature by " + body + " (key " + key.get().keyId() + ") does not verify over its payload");
        }
        return Optional.empty();
    }
}
