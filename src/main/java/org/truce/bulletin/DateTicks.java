package org.truce.bulletin;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The ticks of a date axis from {@code from} to {@code to}, labelled in the reader's language with
 * CLDR skeletons, so that the year is always readable: a single date is labelled in full; ticks days
 * apart carry the year on the first tick and wherever it changes; ticks months apart read month and
 * year; ticks years apart read the year. The step is the smallest of 1, 2, 7, 14 days, 1, 2, 3, 6
 * months, 1, 2, 5, 10, 25 years that gives at most {@value #MAX} ticks. Stateless.
 */
final class DateTicks {
    static final int MAX = 6;
    private static final int[] DAYS = {1, 2, 7, 14};
    private static final int[] MONTHS = {1, 2, 3, 6};
    private static final int[] YEARS = {1, 2, 5, 10, 25, 50, 100};

    record Tick(LocalDate date, String label) {}

    private DateTicks() {}

    static List<Tick> of(LocalDate from, LocalDate to, ULocale locale) {
        if (from.equals(to)) return List.of(new Tick(from, format("yMMMd", from, locale)));
        long days = ChronoUnit.DAYS.between(from, to);
        for (int step : DAYS) {
            if (days / step + 1 <= MAX) return byDays(from, to, step, locale);
        }
        long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1));
        for (int step : MONTHS) {
            if (months / step + 1 <= MAX) return byMonths(from, to, step, locale);
        }
        for (int step : YEARS) {
            if ((to.getYear() - from.getYear()) / step + 1 <= MAX) return byYears(from, to, step, locale);
        }
        return List.of(new Tick(from, format("y", from, locale)), new Tick(to, format("y", to, locale)));
    }

    private static List<Tick> byDays(LocalDate from, LocalDate to, int step, ULocale locale) {
        List<Tick> out = new ArrayList<>();
        int year = Integer.MIN_VALUE;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step)) {
            out.add(new Tick(d, format(d.getYear() == year ? "MMMd" : "yMMMd", d, locale)));
            year = d.getYear();
        }
        return out;
    }

    private static List<Tick> byMonths(LocalDate from, LocalDate to, int step, ULocale locale) {
        List<Tick> out = new ArrayList<>();
        LocalDate d = from.withDayOfMonth(1);
        while ((d.getMonthValue() - 1) % step != 0) d = d.plusMonths(1);
        for (; !d.isAfter(to); d = d.plusMonths(step)) {
            if (!d.isBefore(from)) out.add(new Tick(d, format("yMMM", d, locale)));
        }
        return out;
    }

    private static List<Tick> byYears(LocalDate from, LocalDate to, int step, ULocale locale) {
        List<Tick> out = new ArrayList<>();
        int first = (from.getYear() + step - 1) / step * step;
        if (LocalDate.of(first, 1, 1).isBefore(from)) first += step;
        for (int y = first; y <= to.getYear(); y += step) out.add(new Tick(LocalDate.of(y, 1, 1), format("y", LocalDate.of(y, 1, 1), locale)));
        if (out.isEmpty()) out.add(new Tick(from, format("yMMM", from, locale)));
        return out;
    }

    private static String format(String skeleton, LocalDate d, ULocale locale) {
        DateFormat f = DateFormat.getInstanceForSkeleton(skeleton, locale);
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f.format(Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }
}
