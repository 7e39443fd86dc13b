package org.truce.figures;

import org.truce.record.Document;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The present index (lock-free, one binary search) answers exactly as the fold of the versions in
 * force ({@link Series#at}) and as a naive reading of the as-of rule: value, qualifier, flags,
 * breakdown and basis. Random histories of totals, increments, corrections and retractions in random
 * date order on four series, with questions asked between the changes (so that stale indexes are
 * rebuilt from a kept prefix and then appended to) and at past ledger sizes.
 */
class AsOfIndexPropertyTest {
    private static final String METRIC = "returnees";
    private static final List<String> SOURCES = List.of("a", "b");
    private static final List<String> PLACES = List.of("east", "west");
    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final int DAYS = 30;

    /** One change: op 0 retracts, 1 corrects, 2–5 files an increment, 6–9 a total; then, when {@code ask} ≥ 0, one question. */
    record Act(int op, int series, int day, int value, int pick, int variant, int ask) {}

    @Provide
    Arbitrary<List<Act>> histories() {
        Arbitrary<Act> act = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, DAYS - 1), Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(-DAYS, DAYS + 1)).as(Act::new);
        return act.list().ofMinSize(1).ofMaxSize(60);
    }

    /** A history mostly in date order, as field reports come: appends to the index in place. */
    @Provide
    Arbitrary<List<Act>> mostlyInOrder() {
        return histories().map(acts -> {
            List<Act> out = new ArrayList<>();
            for (int k = 0; k < acts.size(); k++) {
                Act a = acts.get(k);
                int day = a.variant() < 20 ? Math.min(DAYS - 1, k / 2) : a.day();
                out.add(new Act(a.op() == 0 && a.variant() > 2 ? 6 : a.op(), a.series(), day, a.value(), a.pick(), a.variant(), a.ask()));
            }
            return out;
        });
    }

    @Property(tries = 300)
    void the_known_now_figure_equals_the_fold_of_the_versions_in_force(@ForAll("histories") List<Act> acts) {
        check(acts);
    }

    @Property(tries = 200)
    void the_known_now_figure_equals_the_fold_of_the_versions_in_force_when_reports_come_in_date_order(
            @ForAll("mostlyInOrder") List<Act> acts) {
        check(acts);
    }

    private static void check(List<Act> acts) {
        BookBuilder b = new BookBuilder();
        List<String> filed = new ArrayList<>();
        List<String> live = new ArrayList<>();
        for (Act a : acts) {
            apply(b, a, filed, live);
            if (a.ask() >= 0) {
                assertSame(b, SOURCES.get(a.series() % 2), PLACES.get(a.series() / 2), START.plusDays(a.ask() - 1), Long.MAX_VALUE);
            }
        }
        long size = b.book.size();
        for (String source : SOURCES) {
            for (String place : PLACES) {
                for (int d = -1; d <= DAYS; d++) {
                    LocalDate date = START.plusDays(d);
                    assertSame(b, source, place, date, Long.MAX_VALUE);
                    assertNaive(b, filed, source, place, date);
                    for (long n = size; n >= 0; n -= 1 + size / 4) assertSame(b, source, place, date, n);
                }
            }
        }
    }

    private static void apply(BookBuilder b, Act a, List<String> filed, List<String> live) {
        String source = SOURCES.get(a.series() % 2), place = PLACES.get(a.series() / 2);
        if (a.op() == 0 && !live.isEmpty()) {
            String victim = live.remove(a.pick() % live.size());
            b.retract(b.book.report(victim).orElseThrow().report().source(), victim);
        } else if (a.op() == 1 && !live.isEmpty()) {
            String old = live.remove(a.pick() % live.size());
            Report r = b.book.report(old).orElseThrow().report();
            // a correction may move the report to another place of the same source
            String id = file(b, r.source(), a.variant() % 2 == 0 ? r.place() : place,
                    a.value() % 2 == 0 ? ReportKind.TOTAL : ReportKind.INCREMENT, a, old);
            filed.add(id);
            live.add(id);
        } else {
            String id = file(b, source, place, a.op() >= 6 ? ReportKind.TOTAL : ReportKind.INCREMENT, a, null);
            filed.add(id);
            live.add(id);
        }
    }

    private static String file(BookBuilder b, String source, String place, ReportKind kind, Act a, String corrects) {
        Qualifier q = a.variant() % 6 == 5 ? Qualifier.ABOUT : a.variant() % 6 == 4 ? Qualifier.MORE_THAN : Qualifier.EXACT;
        Map<String, BigDecimal> breakdown = a.variant() % 3 == 0 ? Map.of("children", BigDecimal.valueOf(a.pick() % 300)) : Map.of();
        DatePrecision precision = a.variant() == 7 ? DatePrecision.APPROXIMATE : DatePrecision.DAY;
        String id = String.format("00000000-0000-4000-9000-%012d", b.entries.size());
        b.add(new Fact.ReportFiled(new Report(id, METRIC, kind, BigDecimal.valueOf(a.value()), q, breakdown, START.plusDays(a.day()),
                precision, null, place, source, "words of " + source, new Document("t", "p", null, null), corrects)));
        return id;
    }

    /** The book's answer (from the index when it is valid at that size) equals the fold of the versions in force. */
    private static void assertSame(BookBuilder b, String source, String place, LocalDate date, long size) {
        Optional<Figure> fast = b.book.figure(METRIC, source, place, date, size);
        Optional<Figure> slow = b.book.figureFromVersions(METRIC, source, place, date, size);
        assertThat(fast).as("%s %s %s at %d", source, place, date, size).isEqualTo(slow);
        fast.ifPresent(f -> assertThat(f.basis()).isEqualTo(List.copyOf(slow.orElseThrow().basis())));
    }

    /** The glossary's rule read off the reports now in force: the latest total dated ≤ D plus the increments after it. */
    private static void assertNaive(BookBuilder b, List<String> ids, String source, String place, LocalDate date) {
        List<Filed> inForce = new ArrayList<>();
        for (String id : ids) {
            Filed f = b.book.report(id).orElseThrow();
            Report r = f.report();
            if (f.current() && r.source().equals(source) && r.place().equals(place) && !r.asOf().isAfter(date)) inForce.add(f);
        }
        inForce.sort(Comparator.comparing((Filed f) -> f.report().asOf()).thenComparingLong(Filed::seq));
        Filed total = null;
        for (Filed f : inForce) if (f.report().kind() == ReportKind.TOTAL) total = f;
        List<Filed> basis = new ArrayList<>();
        if (total != null) basis.add(total);
        for (Filed f : inForce) {
            if (f.report().kind() == ReportKind.INCREMENT && (total == null || f.report().asOf().isAfter(total.report().asOf()))) basis.add(f);
        }
        BigDecimal value = basis.stream().map(f -> f.report().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<Figure> figure = b.book.figure(METRIC, source, place, date, Long.MAX_VALUE);
        if (inForce.isEmpty()) {
            assertThat(figure).isEmpty();
            return;
        }
        Figure f = figure.orElseThrow();
        assertThat(f.value()).as("%s %s %s", source, place, date).isEqualByComparingTo(value);
        assertThat(f.basis()).containsExactlyElementsOf(basis);
        assertThat(f.reportedAsOf()).isEqualTo(inForce.get(inForce.size() - 1).report().asOf());
    }
}
