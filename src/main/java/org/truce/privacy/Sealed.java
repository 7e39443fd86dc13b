package org.truce.privacy;

import java.util.Objects;

/**
 * Restricted personal data as it is stored in the ledger: the AES-GCM {@code nonce} and
 * {@code ciphertext} (with its 128-bit tag appended), both base64url without padding, and the
 * lower-case hex {@code mac} that recognises the same plaintext again under the same case key.
 * Immutable.
 */
public record Sealed(String nonce, String ciphertext, String mac) {

    public Sealed {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(mac, "mac");
    }
}
