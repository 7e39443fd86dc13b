package org.truce.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * How precisely an incident's time is known. The ACLED codes are its {@code time_precision}
 * (1 the day, 2 the week, 3 the month); an exact time is also a known day. Stateless.
 */
public enum TimePrecision {
    EXACT("exact", 1), DAY("day", 1), WEEK("week", 2), MONTH("month", 3);

    private final String wire;
    private final int acled;

    TimePrecision(String wire, int acled) {
        this.wire = wire;
        this.acled = acled;
    }

    public String wire() {
        return wire;
    }

    public int acled() {
        return acled;
    }

    public static Optional<TimePrecision> parse(String s) {
        for (TimePrecision p : values()) if (p.wire.equals(s)) return Optional.of(p);
        return Optional.empty();
    }

    /** Whether the day itself is known (exact or day): only such incidents count on a day. */
    public boolean knowsDay() {
        return this == EXACT || this == DAY;
    }

    /**
     * The interval [start, end) the incident lies in, in UTC: the instant for an exact time; the day,
     * the ISO week (Monday to Sunday) or the calendar month containing {@code date} otherwise.
     */
    public Instant[] interval(LocalDate date, OffsetTime time) {
        return switch (this) {
            case EXACT -> {
                Instant at = date.atTime(time).toInstant();
                yield new Instant[] {at, at};
            }
            case DAY -> span(date, date.plusDays(1));
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                yield span(monday, monday.plusWeeks(1));
            }
            case MONTH -> span(date.withDayOfMonth(1), date.withDayOfMonth(1).plusMonths(1));
        };
    }

    private static Instant[] span(LocalDate from, LocalDate to) {
        return new Instant[] {from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant()};
    }

    /** Hours between two intervals (0 when they meet or overlap). */
    public static double gapHours(Instant[] a, Instant[] b) {
        Instant[] first = a[0].isAfter(b[0]) ? b : a;
        Instant[] second = first == a ? b : a;
        if (!second[0].isAfter(first[1])) return 0;
        return Duration.between(first[1], second[0]).toSeconds() / 3600.0;
    }

}
