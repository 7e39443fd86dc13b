package org.truce.figures;

/** A consistency warning on a figure; it never changes the figure, it only says what looks wrong. */
public record Flag(String code, String detail) {
    public static final String TOTAL_DECREASED = "total_decreased";
    public static final String TOTAL_MISMATCH = "total_mismatch";
    public static final String BREAKDOWN_EXCEEDS_VALUE = "breakdown_exceeds_value";
    public static final String NO_BASE_TOTAL = "no_base_total";
}
