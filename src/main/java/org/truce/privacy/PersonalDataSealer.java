package org.truce.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals restricted personal data under a case's data key: AES-256-GCM (NIST SP 800-38D) with a
 * random 96-bit nonce and a 128-bit tag, the case id as additional authenticated data so a
 * ciphertext cannot be passed off as another case's; and an HMAC-SHA256 of the plaintext so a retry
 * of the same submission is recognised although its ciphertext differs. Thread-safe if the injected
 * SecureRandom is (the JDK's are); holds no key.
 *
 * <p>Random nonces are safe here because each case has its own key and sees far fewer than the
 * 2^32 encryptions NIST SP 800-38D §8.3 allows per key with random 96-bit nonces.
 */
public final class PersonalDataSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** HKDF "info" of the MAC key, versioned so the derivation can change without ambiguity. */
    private static final byte[] MAC_KEY_INFO = "truce mac key v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;

    public PersonalDataSealer(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public Sealed seal(DataKey key, String caseId, byte[] plaintext) {
        return seal(key, caseId, plaintext, new byte[0]);
    }

    /**
     * Seals {@code plaintext} with a MAC that also binds {@code author} (never stored, never shown):
     * {@link #sameContent(DataKey, byte[], byte[], String)} then recognises the content only when
     * the same author offers it again, so nobody else can confirm a guess by retrying.
     */
    public Sealed seal(DataKey key, String caseId, byte[] plaintext, byte[] author) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, caseId, nonce);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return new Sealed(B64.encodeToString(nonce), B64.encodeToString(ciphertext), HEX.formatHex(mac(key, plaintext, author)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java platform", e);
        }
    }

    /**
     * The plaintext, if {@code sealed} was sealed under {@code key} for {@code caseId} and not altered.
     *
     * @throws SealBroken otherwise
     */
    public byte[] open(DataKey key, String caseId, Sealed sealed) {
        byte[] nonce = decode(sealed.nonce(), "nonce");
        if (nonce.length != NONCE_BYTES) throw new SealBroken("the nonce must be " + NONCE_BYTES + " bytes", null);
        byte[] ciphertext = decode(sealed.ciphertext(), "ciphertext");
        try {
            return cipher(Cipher.DECRYPT_MODE, key, caseId, nonce).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new SealBroken("the sealed data of case " + caseId
                    + " does not authenticate: altered, moved from another case, or another key", e);
        } catch (GeneralSecurityException e) {
            throw new SealBroken("the sealed data of case " + caseId + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Whether {@code plaintext} is what was sealed with this {@code mac}, compared in constant time. */
    public boolean sameContent(DataKey key, byte[] plaintext, String mac) {
        return sameContent(key, plaintext, new byte[0], mac);
    }

    /** Whether {@code author} sealed {@code plaintext} with this {@code mac}, compared in constant time. */
    public boolean sameContent(DataKey key, byte[] plaintext, byte[] author, String mac) {
        byte[] expected;
        try {
            expected = HEX.parseHex(mac);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(key, plaintext, author), expected);
    }

    private static Cipher cipher(int mode, DataKey key, String caseId, byte[] nonce) throws GeneralSecurityException {
        Objects.requireNonNull(caseId, "caseId");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /**
     * HMAC-SHA256 of the plaintext under a MAC key derived from the data key, never the data key
     * itself: one key, one purpose. The derivation is HKDF-Expand (RFC 5869 §2.3) for one block,
     * HMAC(dataKey, info ‖ 0x01); Extract is skipped because the data key is already uniformly
     * random (RFC 5869 §3.3).
     */
    /** The MAC of the plaintext alone when no author is bound (as sealed before authors were), else of both, length-prefixed. */
    private static byte[] mac(DataKey key, byte[] plaintext, byte[] author) {
        if (author.length == 0) return mac(key, plaintext);
        byte[] input = java.nio.ByteBuffer.allocate(4 + author.length + plaintext.length).putInt(author.length).put(author).put(plaintext).array();
        return mac(key, input);
    }

    private static byte[] mac(DataKey key, byte[] plaintext) {
        byte[] macKey = hmac(key.bytes(), MAC_KEY_INFO, new byte[] {0x01});
        return hmac(macKey, plaintext);
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) mac.update(part);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static byte[] decode(String base64url, String what) {
        try {
            return UNB64.decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new SealBroken("the " + what + " is not base64url", e);
        }
    }
}
