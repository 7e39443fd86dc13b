package org.truce.web;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.truce.ledger.Hashes;

/**
 * The fingerprint that readers compare out of band: SHA-256 of the verifier key line (its UTF-8
 * text, no line break), lower-case hex in space-separated groups of four digits. check.js computes
 * the same for a pasted key; the page states the definition. Stateless.
 */
final class KeyFingerprint {
    private static final int GROUP = 4;

    private KeyFingerprint() {}

    static String of(String verifierKey) {
        String hex = HexFormat.of().formatHex(Hashes.sha256(verifierKey.getBytes(StandardCharsets.UTF_8)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += GROUP) {
            if (i > 0) out.append(' ');
            out.append(hex, i, i + GROUP);
        }
        return out.toString();
    }
}
