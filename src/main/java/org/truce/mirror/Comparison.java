package org.truce.mirror;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Byte-for-byte comparison of what the log serves with what the copy renders, and, when they differ,
 * where: the first differing byte, its line, and a few characters of each around it. Stateless.
 */
public final class Comparison {
    private static final int CONTEXT = 40;

    private Comparison() {}

    /** Empty when the two are the same bytes; else where they first differ. */
    public static Optional<String> difference(byte[] log, byte[] copy) {
        int at = Arrays.mismatch(log, copy);
        if (at < 0) return Optional.empty();
        int line = 1;
        for (int i = 0; i < at; i++) if (log[i] == '\n') line++;
        return Optional.of("first difference at byte " + at + " (line " + line + ") of " + log.length + " from the log, "
                + copy.length + " from the copy: the log has \"" + around(log, at) + "\", the copy \"" + around(copy, at) + "\"");
    }

    private static String around(byte[] bytes, int at) {
        if (at >= bytes.length) return "(end)";
        int from = Math.max(0, at - CONTEXT / 2);
        int to = Math.min(bytes.length, at + CONTEXT);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n").replace("\"", "\\\"");
    }
}
