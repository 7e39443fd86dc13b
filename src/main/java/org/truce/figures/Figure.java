package org.truce.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One source's figure for a metric and place as of a date, as the ledger's first {@code atSize}
 * entries knew it. Immutable.
 *
 * @param reportedAsOf the date of the latest report it rests on (a figure "as of 11 January" may rest
 *                     on a report of 5 January)
 * @param value        null only for a partial rollup
 * @param basis        the reports it was computed from: the base total (when there is one), then the
 *                     increments after it
 * @param rollup       non-null when summed from child places
 * @param sameDay      the source's increments dated on the base total's own date: included in that
 *                     total (never added), stated beside it
 */
public record Figure(String metric, String source, String place, LocalDate asOf, long atSize,
                     LocalDate reportedAsOf, boolean approximate, BigDecimal value, Qualifier qualifier,
                     Map<String, BigDecimal> breakdown, List<Filed> basis, List<Flag> flags, Rollup rollup,
                     List<Filed> sameDay) {

    /**
     * Whether the value is one Truce computed rather than one the source published: a total plus later
     * increments, increments without a total, or a sum over child places. Such a value is never
     * printed in the source's mouth; its parts are.
     */
    public boolean derived() {
        if (rollup != null) return true;
        for (Filed f : basis) if (f.report().kind() == ReportKind.INCREMENT) return true;
        return false;
    }

    /** The published total the figure stands on, or null (increments only, or a rollup). */
    public Filed base() {
        if (rollup != null || basis.isEmpty()) return null;
        Filed first = basis.get(0);
        return first.report().kind() == ReportKind.TOTAL ? first : null;
    }

    /** The increments added to the base (all of the basis when there is no base); empty for a rollup. */
    public List<Filed> increments() {
        if (rollup != null) return List.of();
        return basis.stream().filter(f -> f.report().kind() == ReportKind.INCREMENT).toList();
    }

    /** Every report a bulletin or page cites beside the figure: its basis, then the same-day increments. */
    public List<Filed> cited() {
        List<Filed> out = new java.util.ArrayList<>(basis);
        out.addAll(sameDay);
        return out;
    }

    /** How a parent place's figure was summed from its children for one source. */
    public record Rollup(List<String> from, List<String> missing) {
        public boolean partial() {
            return !missing.isEmpty();
        }
    }

    public boolean partial() {
        return rollup != null && rollup.partial();
    }
}
