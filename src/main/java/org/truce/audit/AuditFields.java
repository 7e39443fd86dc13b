package org.truce.audit;

/**
 * Bounds the free fields of an audit record (target, address, detail), which callers may fill with
 * whatever a request carried: a path of 10,000 characters became a 10 KB record (issue 16). A longer
 * value keeps its first {@value #MAX} characters and says that, and how much, was cut. Stateless.
 */
public final class AuditFields {
    /** The characters of a value kept before the truncation mark. */
    public static final int MAX = 200;

    private AuditFields() {}

    /**
     * The value itself if it has at most {@value #MAX} characters, else its first ones followed by
     * {@code …(N chars)}, N being the original length; null stays null. Never splits a surrogate pair.
     */
    public static String clip(String value) {
        if (value == null || value.length() <= MAX) return value;
        int end = Character.isHighSurrogate(value.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return value.substring(0, end) + "…(" + value.length() + " chars)";
    }
}
