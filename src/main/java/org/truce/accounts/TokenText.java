package org.truce.accounts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of an API token, {@code truce_<id>_<secret>}: a greppable prefix (so that secret scanners
 * can find leaked tokens), the public id the store looks up, and the secret. Stateless.
 *
 * <p>The secret is base64url, whose alphabet includes '_', so the text is split at fixed positions
 * (the id has exactly {@value #ID_LENGTH} characters), never on '_'.
 */
final class TokenText {
    static final String PREFIX = "truce_";
    static final int ID_LENGTH = 10;
    static final int SECRET_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[a-z2-7]{" + ID_LENGTH + "}");
    /** 32 bytes in base64url without padding are 43 characters. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    record Parsed(String id, String secret) {
        @Override
        public String toString() {
            return "Parsed[id=" + id + "]";
        }
    }

    private TokenText() {}

    static String format(String id, String secret) {
        return PREFIX + id + "_" + secret;
    }

    static Optional<Parsed> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        int secretStart = PREFIX.length() + ID_LENGTH + 1;
        if (!t.startsWith(PREFIX) || t.length() <= secretStart || t.charAt(secretStart - 1) != '_') return Optional.empty();
        String id = t.substring(PREFIX.length(), secretStart - 1);
        String secret = t.substring(secretStart);
        if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) return Optional.empty();
        return Optional.of(new Parsed(id, secret));
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
