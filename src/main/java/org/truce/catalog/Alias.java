package org.truce.catalog;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A label an intake may meet for a catalog item that is none of its names: "Karabakh", "NK" or
 * "Нагорный Карабах" for the place {@code nk}, an abbreviation for a source. An alias is an intake
 * convenience, never a name the record shows, so it takes no side in a contested naming. It is
 * declared once per kind and {@link #normal normal} label, and then always names the same item.
 * Immutable.
 */
public record Alias(Kind kind, String label, String id) {
    /** The kinds of catalog item a label may name. */
    public enum Kind {
        SOURCE, METRIC, PLACE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return null when {@code wire} names no kind */
        public static Kind of(String wire) {
            for (Kind k : values()) if (k.wire().equals(wire)) return k;
            return null;
        }
    }

    /** The longest label an alias may have. */
    public static final int MAX_LABEL = 200;

    /** What makes two aliases of a kind the same: the kind and the normal form of the label. */
    public String key() {
        return kind.wire() + ":" + normal(label);
    }

    /**
     * The form labels are compared in: NFKC, lower case, no-break spaces as spaces, runs of spaces as
     * one, trimmed, outer punctuation and quotation marks dropped ("«Нагорный  Карабах»" is
     * "нагорный карабах").
     */
    public static String normal(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ');
        n = n.replaceAll("\\s+", " ").trim();
        return n.replaceAll("^[\\s:*.,;\"'«»“”„()\\[\\]]+|[\\s:*,;\"'«»“”„()\\[\\]]+$", "");
    }
}
