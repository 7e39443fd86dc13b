package org.truce.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as a sheet writes them: ISO 8601 ({@code 2021-01-11}), day first with dots ("11.01.2021",
 * as every language of the record writes it), with slashes ("11/01/2021": day first, unless the
 * locale is US English, which puts the month first), and Excel's date cells (read by
 * {@link SheetReader}). A slashed date whose order the locale does not settle (English without a
 * region) is refused unless only one reading is a date. Two-digit years are refused. Immutable;
 * thread-safe.
 */
public final class LocaleDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2,4})\\.?(?:\\s*(?:г\\.?|թ\\.?))?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2,4})");
    private final String locale;

    /** @param locale a language tag ("ru", "en-US", "en-GB"), or null when unknown */
    public LocaleDates(String locale) {
        this.locale = locale;
    }

    /** The date in a cell: Excel's own date, else its text. */
    public LocalDate parse(Sheet.Cell cell) {
        if (cell.date() != null) return cell.date();
        if (cell.number() != null) {
            throw new BadCell("is a number (" + cell.text() + "), not a date; format the cell as a date or write 2021-01-11");
        }
        return parse(cell.text());
    }

    /** @throws BadCell when the text is no date, or its order is ambiguous in this locale */
    public LocalDate parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) throw new BadCell("is empty; a date is required");
        Matcher m = ISO.matcher(s);
        if (m.matches()) return date(s, m.group(1), m.group(2), m.group(3));
        m = DOTTED.matcher(s);
        if (m.matches()) return date(s, year(s, m.group(3)), m.group(2), m.group(1));
        m = SLASHED.matcher(s);
        if (m.matches()) return slashed(s, m);
        throw new BadCell("is not a date: \"" + s + "\"; write 2021-01-11 or 11.01.2021");
    }

    private LocalDate slashed(String s, Matcher m) {
        String year = year(s, m.group(3));
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        boolean us = "en-US".equalsIgnoreCase(locale);
        boolean dayFirst = locale != null && !us && !"en".equalsIgnoreCase(locale);
        if (us) return date(s, year, m.group(1), m.group(2));
        if (dayFirst) return date(s, year, m.group(2), m.group(1));
        if (a > 12 && b <= 12) return date(s, year, m.group(2), m.group(1));
        if (b > 12 && a <= 12) return date(s, year, m.group(1), m.group(2));
        if (a == b) return date(s, year, m.group(1), m.group(2));
        throw new BadCell("is ambiguous: \"" + s + "\" may be day/month or month/day"
                + (locale == null ? "; declare the sheet's locale (locale=en-GB, locale=en-US, locale=ru ...)"
                : " in locale " + locale + "; declare en-GB or en-US, or write 2021-01-11"));
    }

    private static String year(String s, String y) {
        if (y.length() != 4) throw new BadCell("has a year of " + y.length() + " digits: \"" + s + "\"; write the year in full");
        return y;
    }

    private static LocalDate date(String s, String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new BadCell("is not a date of the calendar: \"" + s + "\"");
        }
    }
}
