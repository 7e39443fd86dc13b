package org.truce.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.truce.catalog.Catalog;
import org.truce.ledger.BodyKey;
import org.truce.ledger.BodyKeys;
import org.truce.ledger.BodySignatures;
import org.truce.ledger.Draft;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Ledger;
import org.truce.record.Outcome;
import org.truce.record.Parsed;
import org.truce.record.Reading;
import org.truce.record.TextRules;
import org.truce.record.Violation;

/**
 * Records a body's own Ed25519 key in the ledger, its rotation and its revocation (an admin's act):
 * from the entry's position on, every entry in that body's name must carry its signature by the key
 * valid there ({@link BodyKeys}). A key is registered once; a retired or revoked key never comes back.
 * Thread-safe.
 */
public final class BodyKeyRecorder {
    private final Ledger ledger;
    private final Catalog catalog;

    public BodyKeyRecorder(Ledger ledger, Catalog catalog) {
        this.ledger = ledger;
        this.catalog = catalog;
    }

    /** A key to register for a body: its text as given (a verifier key or a raw key in base64). */
    public record Registration(String body, String keyText) {
        /** The key itself; only for a registration {@link #register} accepted. */
        public BodyKey key() {
            return BodyKeyRecorder.key(body, keyText);
        }
    }

    /** A body's current key to revoke, and why (free text, public in the ledger). */
    public record Revocation(String body, String keyId, String reason) {}

    /** Reads {@code {"body", "key"}} at {@code at}: the key is checked when recorded, against the body. */
    public static Parsed<Registration> registration(JsonNode node, String at) {
        Reading r = new Reading();
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, java.util.Set.of("body", "key"));
        return Parsed.of(new Registration(r.id(node, "body", at, true), r.text(node, "key", at, true)), r);
    }

    /** Reads {@code {"body", "keyId", "reason"}} at {@code at}; the reason is free text ({@link TextRules#text}). */
    public static Parsed<Revocation> revocation(JsonNode node, String at) {
        Reading r = new Reading();
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, java.util.Set.of("body", "keyId", "reason"));
        return Parsed.of(new Revocation(r.id(node, "body", at, true), r.id(node, "keyId", at, true),
                r.text(node, "reason", at, true)), r);
    }

    public Outcome register(Registration r, String author) {
        return register(r.body(), r.keyText(), author);
    }

    public Outcome revoke(Revocation r, String author) {
        return revoke(r.body(), r.keyId(), r.reason(), author);
    }

    /**
     * Registers {@code keyText} for {@code body}: a verifier key {@code <body>+<key id>+<base64(0x01 ‖ key)>}
     * or the 32-byte raw public key in base64 (as Web Crypto exports it). A body with a key rotates to
     * the new one.
     */
    public Outcome register(String body, String keyText, String author) {
        return ledger.bodyKeys().changing(() -> {
            List<Violation> v = knownBody(body);
            if (!v.isEmpty()) return new Outcome.Refused(v);
            BodyKey key;
            try {
                key = key(body, keyText);
            } catch (IllegalArgumentException e) {
                return new Outcome.Refused(List.of(new Violation("/key", e.getMessage())));
            }
            BodyKeys keys = ledger.bodyKeys();
            boolean current = keys.current(body).map(key::equals).orElse(false);
            Optional<BodyKeys.Period> before = keys.history(body).stream().filter(p -> p.key().equals(key)).findFirst();
            if (before.isPresent() && !current) {
                return new Outcome.Refused(List.of(new Violation("/key", "key " + key.keyId() + " of " + body
                        + " was registered at seq " + before.get().from() + " and is no longer valid; a retired or revoked key"
                        + " cannot be registered again: make a new key pair")));
            }
            ObjectNode payload = EntryCodec.mapper().createObjectNode().put("body", body).put("key", key.verifierKey())
                    .put("keyId", key.keyId());
            return new Outcome.Done(ledger.append(List.of(new Draft(BodySignatures.KEY_REGISTERED, author,
                    "body-key:" + key.keyId(), payload))));
        });
    }

    /** Revokes {@code body}'s current key {@code keyId}: from here on the body signs nothing until it registers another. */
    public Outcome revoke(String body, String keyId, String reason, String author) {
        return ledger.bodyKeys().changing(() -> {
            List<Violation> v = knownBody(body);
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                v = new java.util.ArrayList<>(v);
                v.add(new Violation("/reason", "is required: why the key is revoked (at most 500 characters)"));
            } else if (TextRules.text(reason).isPresent()) {
                v = new java.util.ArrayList<>(v);
                v.add(new Violation("/reason", TextRules.text(reason).get()));
            }
            if (!v.isEmpty()) return new Outcome.Refused(v);
            BodyKeys keys = ledger.bodyKeys();
            boolean current = keys.current(body).map(k -> k.keyId().equals(keyId)).orElse(false);
            boolean revokedBefore = keys.history(body).stream()
                    .anyMatch(p -> p.key().keyId().equals(keyId) && p.reason() != null && p.reason().equals(reason));
            if (!current && !revokedBefore) {
                String now = keys.current(body).map(k -> "its current key is " + k.keyId()).orElse("it has no valid key");
                return new Outcome.Refused(List.of(new Violation("/keyId", "is not the current key of " + body + "; " + now)));
            }
            ObjectNode payload = EntryCodec.mapper().createObjectNode().put("body", body).put("keyId", keyId).put("reason", reason);
            return new Outcome.Done(ledger.append(List.of(new Draft(BodySignatures.KEY_REVOKED, author,
                    "body-key:" + keyId + ":revoked", payload))));
        });
    }

    private List<Violation> knownBody(String body) {
        if (body == null || body.isBlank()) return List.of(new Violation("/body", "is required: the catalog id of the body"));
        if (catalog.source(body, ledger.size()).isEmpty()) {
            return List.of(new Violation("/body", "unknown body: " + body + " (declare the source first)"));
        }
        return List.of();
    }

    static BodyKey key(String body, String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("is required: the body's Ed25519 public key");
        String t = text.strip();
        if (t.matches("[^+\\s]+\\+[0-9a-f]{8}\\+\\S+")) {
            BodyKey key = BodyKey.parse(t);
            if (!key.body().equals(body)) {
                throw new IllegalArgumentException("the verifier key is named " + key.body() + "; a body's key must be named after the body, " + body);
            }
            return key;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is neither a verifier key <" + body + ">+<key id>+<key> nor a base64 raw key");
        }
        if (raw.length != 32) throw new IllegalArgumentException("a raw Ed25519 public key is 32 bytes, not " + raw.length);
        return BodyKey.of(body, raw);
    }
}
