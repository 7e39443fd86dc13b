package org.truce.figures;

import java.util.Map;

/**
 * A consistency warning on a figure; it never changes the figure, it only says what looks wrong.
 * {@code detail} is the English sentence of the API; {@code args} (dates and decimals) let each
 * language render its own sentence from {@code flag.<code>}. Immutable.
 */
public record Flag(String code, String detail, Map<String, Object> args) {
    public static final String TOTAL_DECREASED = "total_decreased";
    public static final String TOTAL_MISMATCH = "total_mismatch";
    public static final String BREAKDOWN_EXCEEDS_VALUE = "breakdown_exceeds_value";
    public static final String NO_BASE_TOTAL = "no_base_total";

    public Flag {
        args = Map.copyOf(args);
    }
}
