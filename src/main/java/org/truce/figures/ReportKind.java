package org.truce.figures;

/** A running total as of its date (including that day's increments), or the count new since the previous report. */
public enum ReportKind {
    TOTAL("total"), INCREMENT("increment");

    private final String wire;

    ReportKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ReportKind fromWire(String s) {
        for (ReportKind k : values()) if (k.wire.equals(s)) return k;
        throw new IllegalArgumentException("kind must be total or increment");
    }
}
