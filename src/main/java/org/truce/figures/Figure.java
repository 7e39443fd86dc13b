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
 * @param basis        the reports it was computed from
 * @param rollup       non-null when summed from child places
 */
public record Figure(String metric, String source, String place, LocalDate asOf, long atSize,
                     LocalDate reportedAsOf, boolean approximate, BigDecimal value, Qualifier qualifier,
                     Map<String, BigDecimal> breakdown, List<Filed> basis, List<Flag> flags, Rollup rollup) {

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
