package org.truce.ingest;

import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as a sheet's locale writes them: "48 241" (a space, no-break or narrow no-break, groups
 * digits everywhere), "48,241" and "48.241", decimal commas ("479,2"). A separator that can only be
 * a decimal point (one of them, not followed by exactly three digits) is read as one; a separator
 * between groups of three is the locale's to decide (its ICU grouping or decimal symbol), and when
 * the locale is unknown or uses neither, the cell is refused as ambiguous rather than guessed.
 * Immutable; thread-safe.
 */
public final class LocaleNumbers {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2007\\u2009']");
    private static final Pattern PLAIN = Pattern.compile("[0-9]+");
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(?:[.,][0-9]{3})+");
    private final String locale;
    private final char decimal;
    private final char grouping;

    /** @param locale a language tag ("ru", "en-US"), or null when the sheet's locale is unknown */
    public LocaleNumbers(String locale) {
        this.locale = locale;
        if (locale == null) {
            decimal = 0;
            grouping = 0;
        } else {
            DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(ULocale.forLanguageTag(locale));
            decimal = s.getDecimalSeparator();
            char g = s.getGroupingSeparator();
            grouping = Character.isSpaceChar(g) ? ' ' : g;
        }
    }

    /**
     * @throws BadCell when the text is no number, or its separators are ambiguous in this locale
     */
    public BigDecimal parse(String text) {
        String s = SPACES.matcher(text.trim()).replaceAll("");
        if (s.isEmpty()) throw new BadCell("is empty; a number is required");
        if (s.startsWith("-") || s.startsWith("\u2212")) throw new BadCell("must not be negative: " + text.trim());
        if (s.startsWith("+")) s = s.substring(1);
        if (s.isEmpty() || !s.matches("[0-9.,]+") || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(s.length() - 1))) {
            throw new BadCell("is not a number: \"" + text.trim() + "\"");
        }
        if (PLAIN.matcher(s).matches()) return new BigDecimal(s);
        int dots = count(s, '.');
        int commas = count(s, ',');
        if (dots > 0 && commas > 0) return mixed(s, text);
        char sep = dots > 0 ? '.' : ',';
        if (dots + commas > 1) {
            if (!GROUPED.matcher(s).matches()) {
                throw new BadCell("is not a number: \"" + text.trim() + "\" (digits must be grouped by three)");
            }
            return new BigDecimal(s.replace(String.valueOf(sep), ""));
        }
        int at = s.indexOf(sep);
        boolean threeAfter = s.length() - at - 1 == 3;
        if (!threeAfter || at > 3 || s.startsWith("0" + sep)) return new BigDecimal(s.replace(sep, '.'));
        // "48,241" or "48.241": thousands, or a decimal with three places; the locale decides
        if (sep == decimal) return new BigDecimal(s.replace(sep, '.'));
        if (sep == grouping) return new BigDecimal(s.replace(String.valueOf(sep), ""));
        throw new BadCell("is ambiguous: \"" + text.trim() + "\" may be " + s.replace(String.valueOf(sep), "") + " or "
                + s.replace(sep, '.') + (locale == null ? "; declare the sheet's locale (locale=ru, locale=en ...)"
                : " in locale " + locale + "; write it without the separator, or with a space between thousands"));
    }

    /** Both separators: the last one is the decimal, the other groups thousands. */
    private static BigDecimal mixed(String s, String text) {
        char dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
        char group = dec == '.' ? ',' : '.';
        String whole = s.substring(0, s.lastIndexOf(dec));
        if (whole.indexOf(dec) >= 0 || !(PLAIN.matcher(whole).matches() || GROUPED.matcher(whole.replace(group, ',')).matches())) {
            throw new BadCell("is not a number: \"" + text.trim() + "\"");
        }
        return new BigDecimal(whole.replace(String.valueOf(group), "") + "." + s.substring(s.lastIndexOf(dec) + 1));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
