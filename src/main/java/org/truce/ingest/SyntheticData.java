package org.truce.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
 * Synthetic reports for volume tests and benchmarks, reproducible from a seed. Every synthetic
 * source, place and attribution says it is synthetic, so any output that shows them says so too.
 * Series are made of a running total every few days with daily increments between, as field
 * reports are. Not thread-safe.
 */
public final class SyntheticData {
    public static final int SOURCES = 20;
    public static final int PLACES = 50;
    public static final String METRIC = "synthetic_returnees";
    private static final LocalDate START = LocalDate.of(2000, 1, 1);
    private final Random random;
    private final long seed;
    private long made;

    public SyntheticData(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The catalog the reports refer to: one metric, {@value #SOURCES} sources, {@value #PLACES} places. */
    public List<Fact> catalog() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact.MetricDeclared(new Metric(METRIC, "people", List.of("children"),
                Map.of("en", "people returned (synthetic test data)", "ru", "вернувшиеся (синтетические тестовые данные)"))));
        for (int s = 0; s < SOURCES; s++) {
            facts.add(new Fact.SourceDeclared(new Source(sourceId(s), EnumSet.of(Role.INTERNATIONAL_ORGANISATION), null,
                    Map.of("en", "synthetic source " + s + " (test data)", "ru", "синтетический источник " + s + " (тестовые данные)"),
                    List.of(METRIC))));
        }
        for (int p = 0; p < PLACES; p++) {
            facts.add(new Fact.PlaceDeclared(new Place(placeId(p), "district", null, null,
                    List.of(new PlaceName("en", "Synthetic place " + p, List.of(PlaceName.COMMON))),
                    new Place.Point(39 + p * 0.01, 46 + p * 0.01), List.of())));
        }
        return facts;
    }

    /** The next {@code n} reports. Report k of a series is a total when k % 7 == 0, else an increment. */
    public List<Fact> reports(int n) {
        List<Fact> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Fact.ReportFiled(next()));
        return out;
    }

    private Report next() {
        long k = made++;
        int seriesCount = SOURCES * PLACES;
        int series = (int) (k % seriesCount);
        long step = k / seriesCount;
        boolean total = step % 7 == 0;
        long value = total ? 1000 + step * 100 + random.nextInt(50) : random.nextInt(200);
        LocalDate asOf = START.plusDays(step);
        String id = new UUID(seed ^ 0x5EEDL, k).toString();
        return new Report(id, METRIC, total ? ReportKind.TOTAL : ReportKind.INCREMENT, BigDecimal.valueOf(value),
                Qualifier.EXACT, Map.of("children", BigDecimal.valueOf(value / 4)), asOf, DatePrecision.DAY, null,
                placeId(series / SOURCES), sourceId(series % SOURCES),
                "[SYNTHETIC TEST DATA] " + value + " people", new Document("Synthetic test data", "Truce synthetic generator", null, null),
                null);
    }

    public static String sourceId(int s) {
        return "synthetic-source-" + s;
    }

    public static String placeId(int p) {
        return "synthetic-place-" + p;
    }
}
