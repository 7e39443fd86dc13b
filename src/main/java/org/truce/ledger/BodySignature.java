package org.truce.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;

/**
 * A body's Ed25519 signature of one entry, as an entry keeps it (the payload member
 * {@value #MEMBER}) and as a request brings it: the key id of the body's key (8 lower-case hex digits)
 * and the 64-byte signature, base64. Immutable.
 */
public record BodySignature(String keyId, byte[] value) {
    /** The payload member that holds the signature; the signed bytes are the payload without it ({@link BodySignatures#message}). */
    public static final String MEMBER = "bodySignature";
    /**
     * The payload member {@code "transcribed": true} of an entry in a signing body's name that is not
     * the body's own word but a transcription of what it published, by another organisation citing
     * the document: it carries no signature, and every output says who recorded it.
     */
    public static final String TRANSCRIBED = "transcribed";

    public BodySignature {
        if (keyId == null || !keyId.matches("[0-9a-f]{8}")) throw new IllegalArgumentException("keyId must be 8 lower-case hex digits");
        if (value == null || value.length != NoteFormat.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature must be 64 bytes, base64");
        }
        value = value.clone();
    }

    /**
     * Reads {@code {"keyId": "...", "signature": "<base64>"}}; IllegalArgumentException naming the
     * member (relative, e.g. {@code /keyId}) and why.
     */
    public static BodySignature read(JsonNode node) {
        if (node == null || !node.isObject()) throw new Malformed("", "must be an object {\"keyId\": \"<8 hex digits>\", \"signature\": \"<base64>\"}");
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("keyId") && !name.equals("signature")) throw new Malformed("/" + name, "is not a member of a signature");
        }
        JsonNode id = node.get("keyId");
        if (id == null || !id.isTextual() || !id.textValue().matches("[0-9a-f]{8}")) {
            throw new Malformed("/keyId", "is required: the 8 lower-case hex digits of the body's key id");
        }
        JsonNode sig = node.get("signature");
        if (sig == null || !sig.isTextual()) throw new Malformed("/signature", "is required: the 64-byte Ed25519 signature, base64");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sig.textValue());
        } catch (IllegalArgumentException e) {
            throw new Malformed("/signature", "is not base64");
        }
        if (bytes.length != NoteFormat.SIGNATURE_BYTES) {
            throw new Malformed("/signature", "must be 64 bytes (an Ed25519 signature), not " + bytes.length);
        }
        return new BodySignature(id.textValue(), bytes);
    }

    /** The signature an entry's payload keeps, if any; a malformed one is IllegalArgumentException. */
    public static Optional<BodySignature> of(JsonNode payload) {
        JsonNode member = payload == null ? null : payload.get(MEMBER);
        return member == null ? Optional.empty() : Optional.of(read(member));
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(value);
    }

    public ObjectNode json() {
        return EntryCodec.mapper().createObjectNode().put("keyId", keyId).put("signature", base64());
    }

    /** A malformed signature, at {@code pointer} relative to the signature's own object. */
    public static final class Malformed extends IllegalArgumentException {
        private final String pointer;

        Malformed(String pointer, String detail) {
            super(detail);
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer;
        }
    }
}
