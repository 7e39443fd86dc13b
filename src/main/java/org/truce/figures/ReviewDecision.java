package org.truce.figures;

/**
 * A second account's decision on a report that awaits review: {@code confirmed} (it counts from this
 * entry's record time on) or {@code rejected} (it never counts; the reason is kept). Immutable.
 */
public record ReviewDecision(String id, String report, Verdict verdict, String reason) {

    public enum Verdict {
        CONFIRMED("confirmed", Fact.REPORT_CONFIRMED), REJECTED("rejected", Fact.REPORT_REJECTED);

        private final String wire;
        private final String entryType;

        Verdict(String wire, String entryType) {
            this.wire = wire;
            this.entryType = entryType;
        }

        public String wire() {
            return wire;
        }

        String entryType() {
            return entryType;
        }

        public static Verdict fromWire(String s) {
            for (Verdict v : values()) if (v.wire.equals(s)) return v;
            throw new IllegalArgumentException("decision must be confirmed or rejected");
        }
    }
}
