package org.truce.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Random account ids, token ids and token secrets, drawn from an injected SecureRandom (so tests can
 * seed it and domain code never reaches for a global source). Thread-safe: SecureRandom is.
 */
final class IdSource {
    /** RFC 4648 base32 alphabet, lower-cased: no 0/1/8/9, so ids survive being read aloud or retyped. */
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private final SecureRandom random;

    IdSource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** "u-" and 12 base32 characters: 60 random bits, carrying nothing about the person. */
    String accountId() {
        return "u-" + base32(12);
    }

    String tokenId() {
        return base32(TokenText.ID_LENGTH);
    }

    /** 256 random bits, base64url without padding. */
    String tokenSecret() {
        byte[] bytes = new byte[TokenText.SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String base32(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = BASE32.charAt(random.nextInt(32));
        return new String(out);
    }
}
