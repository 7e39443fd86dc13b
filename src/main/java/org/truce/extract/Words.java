package org.truce.extract;

/** Word boundaries in a sentence's normal form. Stateless. */
final class Words {
    private Words() {}

    /** Whether {@code [start, end)} of {@code s} is whole words: no letter or digit touches it on either side. */
    static boolean boundary(String s, int start, int end) {
        boolean before = start == 0 || !Character.isLetterOrDigit(s.codePointBefore(start));
        boolean after = end >= s.length() || !Character.isLetterOrDigit(s.codePointAt(end));
        return before && after;
    }

    /** Where the whole-word phrase occurs in {@code s} at or after {@code from}, or -1. */
    static int find(String s, String phrase, int from) {
        int at = s.indexOf(phrase, Math.max(0, from));
        while (at >= 0 && !boundary(s, at, at + phrase.length())) at = s.indexOf(phrase, at + 1);
        return at;
    }
}
