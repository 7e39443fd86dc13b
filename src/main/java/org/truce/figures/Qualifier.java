package org.truce.figures;

/**
 * How a source qualified its figure. "More than 479.2 ha" is not "479.2 ha": a figure built from
 * several reports carries the weakest of their qualifiers (exact &lt; more_than &lt; about).
 */
public enum Qualifier {
    EXACT("exact"), MORE_THAN("more_than"), ABOUT("about");

    private final String wire;

    Qualifier(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public Qualifier weakest(Qualifier other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    public static Qualifier fromWire(String s) {
        for (Qualifier q : values()) if (q.wire.equals(s)) return q;
        throw new IllegalArgumentException("qualifier must be exact, more_than or about");
    }
}
