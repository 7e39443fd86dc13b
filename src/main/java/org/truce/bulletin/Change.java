package org.truce.bulletin;

/**
 * One difference of a republished bulletin from the earlier publication of its date, for one
 * source's figure of one metric and place: a correction (old → new value, the correcting entry), a
 * retraction (the withdrawn value; the value now shown, if any, and the retracting entry) or a new
 * figure (with the value it replaces, if any, and the entry that filed it). {@code text} says it in
 * the bulletin's language. Immutable.
 *
 * @param before the value the earlier publication showed, or null
 * @param after  the value shown now, or null
 * @param seq    the ledger entry that made the change
 */
public record Change(Kind kind, String metric, String place, String source, String before, String after, long seq,
                     String text) {
    public enum Kind {
        CORRECTED("corrected"), RETRACTED("retracted"), NEW("new");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
