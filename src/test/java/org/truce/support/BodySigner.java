package org.truce.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.truce.ledger.BodyKey;

/** A body's Ed25519 key pair as a test holds it (the JDK's, as an API client would use): signs the bytes the node asks for. */
public final class BodySigner {
    private final KeyPair pair;
    public final BodyKey key;

    public BodySigner(String body) {
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] x509 = pair.getPublic().getEncoded();
        key = BodyKey.of(body, Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    }

    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The member {@code signature} of an item whose bytes to sign are {@code message}. */
    public ObjectNode signature(byte[] message) {
        return TestNode.JSON.createObjectNode().put("keyId", key.keyId()).put("signature", Base64.getEncoder().encodeToString(sign(message)));
    }

    /** Registers this key for its body, as the node's admin. */
    public TestNode.Response register(TestNode node) {
        return node.post("/api/v1/admin/body-keys", TestNode.JSON.createObjectNode().put("body", key.body()).put("key", key.verifierKey())
                .toString(), node.token);
    }

    /** Posts {@code item} to {@code path} unsigned, reads the bytes the node asks to be signed (403), posts it again signed. */
    public TestNode.Response post(TestNode node, String path, ObjectNode item, String token) {
        TestNode.Response asked = node.post(path, item.toString(), token);
        if (asked.status() != 403) throw new AssertionError("expected 403 asking for the signature, got " + asked.status() + ": " + asked.body());
        byte[] message = Base64.getDecoder().decode(asked.json().at("/toSign/0/message").asText());
        ObjectNode signed = item.deepCopy();
        signed.set("signature", signature(message));
        return node.post(path, signed.toString(), token);
    }

    /** The private key as a PKCS#8 PEM file's text (RFC 8410), as a body keeps it for the desk. */
    public String pkcs8Pem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** The raw 32-byte public key, base64 (as Web Crypto exports it). */
    public String rawBase64() {
        return Base64.getEncoder().encodeToString(key.raw());
    }
}
