package org.truce.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the sources' figures lie apart, like with like only. A difference is taken only between
 * exact figures of the same date (each date's own comparison); every other figure stands apart with
 * the reason: a "more than" figure is a lower bound, an "about" figure is approximate, a figure of an
 * approximate date or one alone on its date has no counterpart. No single number mixes them.
 * Immutable.
 *
 * @param comparisons one per date on which two or more bodies gave exact figures, oldest date first
 * @param apart       the figures in no comparison, in the order given
 */
public record Spread(List<Comparison> comparisons, List<Apart> apart) {
    /** A lower bound ("more than"). */
    public static final String LOWER_BOUND = "lower_bound";
    /** An approximate value ("about"). */
    public static final String APPROXIMATE_VALUE = "approximate_value";
    /** A figure whose date the source gave only approximately. */
    public static final String APPROXIMATE_DATE = "approximate_date";
    /** The only exact figure of its date: no other body's figure speaks for the same day. */
    public static final String ONLY_ONE_OF_ITS_DATE = "only_one_of_its_date";

    /** Exact figures of two or more bodies dated {@code date}: the lowest, the highest and their difference. */
    public record Comparison(LocalDate date, List<Figure> figures, BigDecimal lowest, BigDecimal highest, BigDecimal difference) {}

    /** A figure compared with none, and why ({@link #LOWER_BOUND} and the other constants). */
    public record Apart(Figure figure, String why) {}

    /** The spread of the given figures (one per source; partial rollups are not given). */
    public static Spread of(List<Figure> figures) {
        Map<LocalDate, List<Figure>> exact = new TreeMap<>();
        List<Apart> apart = new ArrayList<>();
        for (Figure f : figures) {
            String why = f.qualifier() == Qualifier.MORE_THAN ? LOWER_BOUND
                    : f.qualifier() == Qualifier.ABOUT ? APPROXIMATE_VALUE
                    : f.approximate() ? APPROXIMATE_DATE : null;
            if (why != null) apart.add(new Apart(f, why));
            else exact.computeIfAbsent(f.reportedAsOf(), d -> new ArrayList<>()).add(f);
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (var e : exact.entrySet()) {
            List<Figure> same = e.getValue();
            if (same.size() < 2) {
                apart.add(new Apart(same.get(0), ONLY_ONE_OF_ITS_DATE));
                continue;
            }
            BigDecimal lo = same.stream().map(Figure::value).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal hi = same.stream().map(Figure::value).max(BigDecimal::compareTo).orElseThrow();
            comparisons.add(new Comparison(e.getKey(), List.copyOf(same), lo, hi, hi.subtract(lo)));
        }
        List<Apart> ordered = new ArrayList<>();
        for (Figure f : figures) for (Apart a : apart) if (a.figure() == f) ordered.add(a);
        return new Spread(List.copyOf(comparisons), List.copyOf(ordered));
    }
}
