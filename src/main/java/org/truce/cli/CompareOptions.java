package org.truce.cli;

import java.util.List;

/**
 * The scale of one {@code bench --compare} run: the full run, or {@code --quick}, a smoke run that
 * only shows that every case completes (its figures mean little).
 *
 * @param iterations timed repetitions of each case (median, min and max are reported)
 * @param warmUps untimed repetitions before them
 * @param appendsOne reports appended per repetition by one client
 * @param appendsMany reports appended per repetition by 16 clients together
 * @param seriesSizes rows per series for the as-of query
 * @param truceQueries as-of queries per repetition in process
 * @param sqlQueries as-of queries per repetition by JDBC
 * @param points random positions to classify (each zone's vertices are added to them)
 */
record CompareOptions(int iterations, int warmUps, int appendsOne, int appendsMany, List<Integer> seriesSizes, int truceQueries,
        int sqlQueries, int points) {
    static CompareOptions full() {
        return new CompareOptions(5, 1, 300, 1600, List.of(1_000, 100_000, 1_000_000), 20_000, 2_000, 1_000_000);
    }

    static CompareOptions quick() {
        return new CompareOptions(1, 0, 10, 32, List.of(1_000, 10_000), 500, 100, 10_000);
    }
}
