package org.truce.figures;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.Map;

/**
 * Checks a declared unit's words in one language: an ICU MessageFormat pattern that formats the count
 * {@code n} with the plural forms that language has (Russian needs one, few, many; Azerbaijani one and
 * other), and nothing else. Stateless.
 */
final class UnitPatterns {
    private UnitPatterns() {}

    /** Why {@code pattern} is no unit pattern of {@code lang}, or null when it is one. */
    static String problem(String pattern, String lang) {
        if (pattern.isBlank() || pattern.length() > 500) return "must be a plural pattern of at most 500 characters";
        MessageFormat f;
        try {
            f = new MessageFormat(pattern, new ULocale(lang));
        } catch (IllegalArgumentException e) {
            return "is not an ICU message pattern: " + e.getMessage();
        }
        if (!f.getArgumentNames().equals(java.util.Set.of("n"))) {
            return "must use the one argument n, as in {n, plural, one {# patrol} other {# patrols}}";
        }
        for (String category : PluralRules.forLocale(new ULocale(lang)).getKeywords()) {
            if (!pattern.contains(category + " {") && !pattern.contains(category + "{")) {
                return "must give the plural form \"" + category + "\" of " + lang + " (" + PluralRules.forLocale(new ULocale(lang)).getKeywords() + ")";
            }
        }
        try {
            f.format(Map.of("n", 3));
        } catch (IllegalArgumentException e) {
            return "does not format a count: " + e.getMessage();
        }
        return null;
    }
}
