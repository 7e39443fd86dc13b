package org.truce.figures;

/** Whether an as-of date is the day the source gave, or an approximation ("early January"). */
public enum DatePrecision {
    DAY("day"), APPROXIMATE("approximate");

    private final String wire;

    DatePrecision(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static DatePrecision fromWire(String s) {
        for (DatePrecision p : values()) if (p.wire.equals(s)) return p;
        throw new IllegalArgumentException("asOfPrecision must be day or approximate");
    }
}
