package org.truce.web.desk;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads what an officer typed into a number or date field in the page's language, and gives the
 * API's wire form: a plain decimal ({@code 48241}, {@code 479.2}) or an ISO date ({@code 2021-01-11}).
 * Numbers are read with ICU's strict number format of the language ({@code 48 241} and {@code 479,2}
 * in ru, hy, az and de; {@code 48,241} in en) or as a plain decimal with a point; dates with ICU's
 * short date format of the language ({@code 11.01.2021}; {@code 1/13/2021} in en) or as ISO
 * {@code yyyy-mm-dd}, always. A text that reads as two different values ({@code 48.241} in de: 48241
 * or 48.241; {@code 1/11/2021} in en: 11 January or 1 November) is refused as ambiguous, never guessed.
 * Stateless and thread-safe (ICU formats are made per call: they are not thread-safe).
 */
public final class LocalInput {
    /** What was read: the wire text, or the reason it was refused (a key under {@code desk.input.}). */
    public sealed interface Read permits Ok, Refused {}

    public record Ok(String wire) implements Read {}

    /** {@code reason} is one of {@code number}, {@code number.ambiguous}, {@code date}, {@code date.ambiguous}, {@code date.year}. */
    public record Refused(String reason) implements Read {}

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})\\D(\\d{1,2})\\D(\\d{2,4})");

    private LocalInput() {}

    /** A decimal number typed in {@code lang}. */
    public static Read number(String text, String lang) {
        String t = text.strip();
        BigDecimal plain = PLAIN.matcher(t).matches() ? new BigDecimal(t) : null;
        BigDecimal local = local(t, lang);
        if (plain != null && local != null && plain.compareTo(local) != 0) return new Refused("number.ambiguous");
        BigDecimal v = plain != null ? plain : local;
        return v == null ? new Refused("number") : new Ok(normal(v).toPlainString());
    }

    /** A calendar date typed in {@code lang}. */
    public static Read date(String text, String lang) {
        String t = text.strip();
        if (ISO.matcher(t).matches()) {
            try {
                return new Ok(LocalDate.parse(t).toString());
            } catch (DateTimeParseException e) {
                return new Refused("date");
            }
        }
        SimpleDateFormat f = (SimpleDateFormat) DateFormat.getDateInstance(DateFormat.SHORT, locale(lang));
        f.setLenient(false);
        f.setTimeZone(TimeZone.GMT_ZONE);
        ParsePosition at = new ParsePosition(0);
        java.util.Date d = f.parse(t, at);
        if (d == null || at.getIndex() != t.length()) return new Refused("date");
        LocalDate date = d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        var numeric = NUMERIC_DATE.matcher(t);
        if (numeric.matches()) {
            if (numeric.group(3).length() != 4) return new Refused("date.year");
            int a = Integer.parseInt(numeric.group(1));
            int b = Integer.parseInt(numeric.group(2));
            // month first (en: 1/11/2021) is read one way in the US and the other in most of the world
            if (monthFirst(f.toPattern()) && a != b && a <= 12 && b <= 12) return new Refused("date.ambiguous");
        }
        return new Ok(date.toString());
    }

    /** An example of the short date format of {@code lang}, for the field's hint. */
    public static String dateExample(LocalDate date, String lang) {
        SimpleDateFormat f = (SimpleDateFormat) DateFormat.getDateInstance(DateFormat.SHORT, locale(lang));
        f.setTimeZone(TimeZone.GMT_ZONE);
        // four-digit years in the example: two-digit ones are refused
        f.applyPattern(f.toPattern().replaceAll("y+", "y"));
        return f.format(java.util.Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static boolean monthFirst(String pattern) {
        int m = pattern.indexOf('M');
        int d = pattern.indexOf('d');
        return m >= 0 && d >= 0 && m < d;
    }

    private static BigDecimal local(String t, String lang) {
        DecimalFormat f = (DecimalFormat) NumberFormat.getInstance(locale(lang));
        f.setParseStrict(true);
        f.setParseBigDecimal(true);
        ParsePosition at = new ParsePosition(0);
        Number n = f.parse(t, at);
        if (n == null || at.getIndex() != t.length()) return null;
        return n instanceof BigDecimal b ? b : n instanceof com.ibm.icu.math.BigDecimal ib ? ib.toBigDecimal() : new BigDecimal(n.toString());
    }

    private static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static ULocale locale(String lang) {
        return new ULocale(lang);
    }
}
