package org.truce.figures;

/**
 * Whether a report needs a second pair of eyes before it counts ("four eyes"): {@code required} for a
 * figure transcribed in another body's name (and, where configured, for a reporter's own). Such a
 * report is in the record but in no figure, series or bulletin until a {@link ReviewDecision}
 * confirms it; from the confirmation's record time on it counts as if filed then. A report that says
 * neither needs none: entries recorded before the field existed keep their meaning and their bytes.
 */
public enum Review {
    NONE("none"), REQUIRED("required");

    private final String wire;

    Review(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Review fromWire(String s) {
        for (Review r : values()) if (r.wire.equals(s)) return r;
        throw new IllegalArgumentException("review must be none or required");
    }
}
