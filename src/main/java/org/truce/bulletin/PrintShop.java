package org.truce.bulletin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renders each publication's PDF once per language and check link, keeps it in {@link PrintedCopies},
 * and serves the kept bytes after that: a published PDF costs a file read, and a restart does not
 * change it. The key names the publication's seq and language and a hash of what the PDF depends on
 * besides the ledger (the check link, whose host a node may take from the request); nodes sharing one
 * ledger each keep their own copy, and equal inputs render equal bytes. Thread-safe; one rendering
 * per key at a time on this node.
 */
public final class PrintShop {
    private final PrintedCopies copies;
    private final ConcurrentHashMap<String, Object> rendering = new ConcurrentHashMap<>();

    public PrintShop(PrintedCopies copies) {
        this.copies = copies;
    }

    /** The key of the PDF of {@code p} in {@code lang} with {@code checkLink}: {@code publication-<seq>-<lang>-<hash>.pdf}. */
    public static String key(Publication p, String lang, String checkLink) {
        if (!lang.matches("[a-z]{2,3}")) throw new IllegalArgumentException("lang must be a language code, not " + lang);
        String basis = p.clientId() + "\n" + p.size() + "\n" + p.root() + "\n" + checkLink;
        return "publication-" + p.seq() + "-" + lang + "-" + HexFormat.of().formatHex(sha256(basis), 0, 8) + ".pdf";
    }

    /** The kept PDF of {@code p}, rendering it with {@code render} (and keeping it) the first time. */
    public byte[] pdf(Publication p, String lang, String checkLink, Supplier<byte[]> render) {
        String key = key(p, lang, checkLink);
        Optional<byte[]> kept = copies.read(key);
        if (kept.isPresent()) return kept.get();
        Object lock = rendering.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                kept = copies.read(key);
                if (kept.isPresent()) return kept.get();
                byte[] pdf = render.get();
                copies.keep(key, pdf);
                return pdf;
            }
        } finally {
            rendering.remove(key, lock);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
