package org.truce.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure from one source, exactly as reported. Values are decimals (never binary floating point);
 * a value of 0 is a nil report. {@code corrects} names the report this one replaces, or null;
 * {@code duplicateOf} is set when the reporter records, knowingly, a repeat of a report already in the
 * record ({@link FactRules#duplicates}); such a report is never folded into a figure. Immutable.
 */
public record Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                     Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                     LocalDate since, String place, String source, String attribution, Document document,
                     String corrects, DuplicateOf duplicateOf) {

    /** A report that repeats none (the usual case). */
    public Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                  Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                  LocalDate since, String place, String source, String attribution, Document document,
                  String corrects) {
        this(id, metric, kind, value, qualifier, breakdown, asOf, asOfPrecision, since, place, source, attribution,
                document, corrects, null);
    }

    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();
    private static final Class<?> SINGLE = Map.of("", "").getClass();

    /** The breakdown is kept immutable and in key order; the common cases (none, one) take no tree. */
    public Report {
        if (breakdown.isEmpty()) {
            breakdown = Map.of();
        } else if (breakdown.size() == 1) {
            if (breakdown.getClass() != SINGLE) {
                var e = breakdown.entrySet().iterator().next();
                breakdown = Map.of(e.getKey(), e.getValue());
            }
        } else if (breakdown.getClass() != FROZEN) {
            breakdown = Collections.unmodifiableSortedMap(new TreeMap<>(breakdown));
        }
    }
}
