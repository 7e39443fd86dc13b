package org.truce.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The as-of rule for one source's series, one report date at a time: a day with a total takes that
 * total (which includes that day's increments); a day with only increments adds them to the previous
 * day's figure. Also raises the consistency flags. Stateless.
 */
final class SeriesFold {
    private SeriesFold() {}

    /**
     * The reports of one date that are in force: the total that counts (latest recorded), or null, and
     * the date's increments (which a total of the same date includes).
     */
    record Day(Filed total, List<Filed> increments) {}

    static Step step(Step prev, LocalDate date, Day day) {
        return day.total() != null ? fromTotal(prev, date, day.total(), day.increments()) : fromIncrements(prev, date, day.increments());
    }

    private static Step fromTotal(Step prev, LocalDate date, Filed filed, List<Filed> sameDay) {
        Report t = filed.report();
        List<Flag> flags = new ArrayList<>();
        if (prev != null && prev.baseDate() != null && t.qualifier() == Qualifier.EXACT) {
            if (prev.baseQualifier() != Qualifier.ABOUT && t.value().compareTo(prev.baseValue()) < 0) {
                flags.add(new Flag(Flag.TOTAL_DECREASED, "the total of " + t.asOf() + " (" + t.value().toPlainString()
                        + ") is below the previous total of " + prev.baseDate() + " (" + prev.baseValue().toPlainString() + ")",
                        Map.of("date", t.asOf(), "value", t.value(), "previousDate", prev.baseDate(), "previous", prev.baseValue())));
            }
            if (prev.increments() > 0 && prev.qualifier() == Qualifier.EXACT && t.value().compareTo(prev.value()) != 0) {
                flags.add(new Flag(Flag.TOTAL_MISMATCH, "the total of " + t.asOf() + " (" + t.value().toPlainString()
                        + ") differs from the previous total plus the increments since (" + prev.value().toPlainString() + ")",
                        Map.of("date", t.asOf(), "value", t.value(), "expected", prev.value())));
            }
        }
        return new Step(date, t.value(), t.qualifier(), t.breakdown(), date, t.value(), t.qualifier(), 0,
                t.asOfPrecision() == DatePrecision.APPROXIMATE, List.copyOf(flags), List.copyOf(sameDay));
    }

    private static Step fromIncrements(Step prev, LocalDate date, List<Filed> increments) {
        BigDecimal value = prev == null ? BigDecimal.ZERO : prev.value();
        Qualifier qualifier = prev == null ? Qualifier.EXACT : prev.qualifier();
        Map<String, BigDecimal> breakdown = prev == null ? null : prev.breakdown();
        boolean approximate = prev != null && prev.approximate();
        for (Filed f : increments) {
            Report r = f.report();
            value = value.add(r.value());
            qualifier = qualifier.weakest(r.qualifier());
            approximate |= r.asOfPrecision() == DatePrecision.APPROXIMATE;
            breakdown = addBreakdown(breakdown, r.breakdown());
        }
        List<Flag> flags = new ArrayList<>();
        if (prev == null || prev.baseDate() == null) {
            flags.add(new Flag(Flag.NO_BASE_TOTAL, "no total on or before " + date + "; the figure adds increments only",
                    Map.of("date", date)));
        } else {
            prev.flags().stream().filter(f -> !f.code().equals(Flag.BREAKDOWN_EXCEEDS_VALUE)).forEach(flags::add);
        }
        Map<String, BigDecimal> derived = breakdown == null ? Map.of() : breakdown;
        for (var e : derived.entrySet()) {
            if (e.getValue().compareTo(value) > 0) {
                flags.add(new Flag(Flag.BREAKDOWN_EXCEEDS_VALUE, "the derived " + e.getKey() + " ("
                        + e.getValue().toPlainString() + ") exceeds the derived value (" + value.toPlainString() + ")",
                        Map.of("part", e.getKey(), "partValue", e.getValue(), "value", value)));
            }
        }
        return new Step(date, value, qualifier, derived,
                prev == null ? null : prev.baseDate(), prev == null ? null : prev.baseValue(),
                prev == null ? null : prev.baseQualifier(), (prev == null ? 0 : prev.increments()) + increments.size(),
                approximate, List.copyOf(flags), prev == null || prev.baseDate() == null ? List.of() : prev.sameDay());
    }

    /** Keys present on both sides are added; a key missing on either side is unknown and dropped. Never mutates. */
    private static Map<String, BigDecimal> addBreakdown(Map<String, BigDecimal> acc, Map<String, BigDecimal> add) {
        if (acc == null) return add;
        if (acc.isEmpty() || add.isEmpty()) return Map.of();
        if (acc.size() == 1) {
            var e = acc.entrySet().iterator().next();
            BigDecimal other = add.get(e.getKey());
            return other == null ? Map.of() : Map.of(e.getKey(), e.getValue().add(other));
        }
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        for (var e : acc.entrySet()) {
            BigDecimal other = add.get(e.getKey());
            if (other != null) out.put(e.getKey(), e.getValue().add(other));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
