package org.truce.extract;

/**
 * A text folded for matching without changing its length, so an offset in the folded text is an
 * offset in the original: each char in lower case, the no-break and thin spaces as spaces, the
 * typographic apostrophe as {@code '}. Stateless.
 */
final class Folded {
    private Folded() {}

    static String of(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\u2009') c = ' ';
            else if (c == '\u2019') c = '\'';
            else if (c == 'İ') c = 'i';
            else c = Character.toLowerCase(c);
            out[i] = c;
        }
        return new String(out);
    }

    /**
     * A phrase of the rules in the form it is looked for in folded text: folded, trimmed, runs of
     * spaces as one. No compatibility normalisation, which would spell the Armenian ligature և as two
     * letters the text does not have.
     */
    static String phrase(String s) {
        return of(s).strip().replaceAll("\\s+", " ");
    }
}
