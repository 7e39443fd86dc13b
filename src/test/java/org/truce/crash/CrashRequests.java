package org.truce.crash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.truce.figures.DatePrecision;
import org.truce.record.Document;
import org.truce.figures.Fact;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.figures.Qualifier;
import org.truce.figures.Report;
import org.truce.figures.ReportKind;
import org.truce.catalog.Role;
import org.truce.catalog.Source;

/**
 * The requests of the crash campaign, a pure function of (round, index), so the child that sends
 * them and the test that checks the store agree without talking: request (r, i) files
 * {@link #draftCount} reports whose client ids {@link #clientId} encode r, i and the draft's place in
 * the request. Thread-safe (stateless).
 */
final class CrashRequests {
    static final String AUTHOR = "crash-test";
    static final String SOURCE = "crash-source";
    static final String METRIC = "crash-returnees";
    static final String PLACE = "crash-region";

    private CrashRequests() {}

    /** The catalog the reports need; sent (idempotently) by every child before it files anything. */
    static List<Fact> catalog() {
        return List.of(
                new Fact.MetricDeclared(new Metric(METRIC, "people", List.of(), Map.of("en", "people returned"))),
                new Fact.SourceDeclared(new Source(SOURCE, EnumSet.of(Role.PARTY), null, Map.of("en", "crash source"), List.of(METRIC))),
                new Fact.PlaceDeclared(new Place(PLACE, "region", null, null,
                        List.of(new PlaceName("en", "Crash region", List.of(PlaceName.COMMON))), null, List.of())));
    }

    /** 2 to 4 drafts, so a half-written request would show. */
    static int draftCount(int round, int index) {
        return 2 + Math.floorMod(round * 31 + index * 7, 3);
    }

    /** A UUID-shaped id: round (4 digits), request index (6), draft (2). */
    static String clientId(int round, int index, int draft) {
        return String.format("00000000-0000-4000-8000-%04d%06d%02d", round, index, draft);
    }

    /** Parses {@link #clientId} back to {round, index, draft}, or null for an id not of the campaign. */
    static int[] parse(String clientId) {
        if (!clientId.startsWith("00000000-0000-4000-8000-") || clientId.length() != 36) return null;
        String tail = clientId.substring(24);
        return new int[] {Integer.parseInt(tail.substring(0, 4)), Integer.parseInt(tail.substring(4, 10)),
                Integer.parseInt(tail.substring(10))};
    }

    static List<Fact> request(int round, int index) {
        List<Fact> facts = new ArrayList<>();
        for (int d = 0; d < draftCount(round, index); d++) {
            facts.add(new Fact.ReportFiled(new Report(clientId(round, index, d), METRIC, ReportKind.INCREMENT,
                    BigDecimal.valueOf(1 + d + 100L * (round * 1_000_000L + index)), Qualifier.EXACT, Map.of(), LocalDate.of(2021, 1, 1).plusDays(index % 300),
                    DatePrecision.DAY, null, PLACE, SOURCE, "according to the crash source", new Document("crash", "test", null, null),
                    null)));
        }
        return facts;
    }

    static List<String> pointers(int n) {
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < n; i++) pointers.add("/" + i);
        return pointers;
    }
}
