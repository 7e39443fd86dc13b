package org.truce.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.truce.figures.DatePrecision;
import org.truce.figures.Figure;
import org.truce.figures.Filed;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.figures.Report;
import org.truce.catalog.Source;

/**
 * Writes what a figure says in its source's name, and no more: a line states only values the source
 * published. Where the value is derived (the source's last total plus its later increments, increments
 * alone, or a sum over child places) the line states the published parts with their dates and gives
 * the sum as computed by Truce; the increments of a total's own date are stated beside it, not added.
 * Stateless.
 */
final class Attribution {
    private Attribution() {}

    /** The sentences of one source's figure for a metric and place, in this language. */
    static String text(Figure f, Source source, Metric metric, Place place, Function<String, String> placeNames, Messages m) {
        String placeName = place.displayName(m.lang());
        List<String> sentences = new ArrayList<>();
        Filed base = f.base();
        if (f.rollup() != null) {
            List<String> places = f.rollup().from();
            sentences.add(m.format("derived.rollup", named(source, m, Map.of("places", m.list(places.stream()
                    .map(placeNames).toList()), "amount", amount(f.value(), f.qualifier().wire(), metric, m), "asOf",
                    asOf(f.reportedAsOf(), f.approximate(), m)))));
            return String.join(" ", sentences);
        }
        if (base != null) {
            Report r = base.report();
            String asOf = asOf(r.asOf(), approximate(r), m);
            String figure = figure(r.value(), r.qualifier().wire(), metric, placeName, asOf, m);
            if (r.since() != null) figure = figure + " " + m.format("since", Map.of("date", m.date(r.since())));
            sentences.add(m.format("line", named(source, m, Map.of("asOf", asOf,
                    "figure", figure, "place", placeName))));
            if (!f.sameDay().isEmpty()) sentences.add(sameDay(f.sameDay(), r.asOf(), metric, m));
            if (!f.increments().isEmpty()) {
                sentences.add(m.format("derived.increments", Map.of("list", increments(f.increments(), metric, m))));
            }
        } else {
            sentences.add(m.format("derived.increments_only", named(source, m, Map.of(
                    "list", increments(f.increments(), metric, m), "place", placeName))));
        }
        if (f.derived()) {
            sentences.add(m.format("derived.sum", Map.of("amount", amount(f.value(), f.qualifier().wire(), metric, m),
                    "asOf", asOf(f.reportedAsOf(), f.approximate(), m))));
        }
        return String.join(" ", sentences);
    }

    /** The arguments with the source's name in every grammatical form ({@link SourceNames}). */
    static Map<String, Object> named(Source source, Messages m, Map<String, Object> args) {
        Map<String, Object> out = new HashMap<>(args);
        SourceNames.put(out, "source", source, m);
        return out;
    }

    /** The metric's sentence ("a total of 48,241 people had returned to ..."), as the source gave it. */
    /** @param asOf the date phrase, for the languages that put it inside the figure's clause (German) */
    static String figure(BigDecimal n, String qualifier, Metric metric, String placeName, String asOf, Messages m) {
        Map<String, Object> args = new HashMap<>();
        args.put("n", n);
        args.put("qualifier", qualifier);
        args.put("q", m.format("q", Map.of("qualifier", qualifier)));
        args.put("amount", unit(n, qualifier, metric, m));
        args.put("place", placeName);
        args.put("asOf", asOf);
        args.put("metric", metric.name(m.lang()));
        String metricKey = m.has("metric." + metric.id()) ? "metric." + metric.id() : "metric.other";
        return m.format(metricKey, args);
    }

    /** A value with its unit and its qualifier ("more than 43,000 people"), without "a total of". */
    static String amount(BigDecimal n, String qualifier, Metric metric, Messages m) {
        return m.format("amount", Map.of("qualifier", qualifier, "amount", unit(n, qualifier, metric, m)));
    }

    private static String unit(BigDecimal n, String qualifier, Metric metric, Messages m) {
        String unitKey = "unit." + metric.unit();
        return m.has(unitKey) ? m.format(unitKey, Map.of("n", n, "qualifier", qualifier)) : n.toPlainString() + " " + metric.unit();
    }

    static String asOf(LocalDate date, boolean approximate, Messages m) {
        return m.format("as_of", Map.of("approximate", Boolean.toString(approximate), "date", m.date(date)));
    }

    private static boolean approximate(Report r) {
        return r.asOfPrecision() == DatePrecision.APPROXIMATE;
    }

    private static String increments(List<Filed> increments, Metric metric, Messages m) {
        List<String> items = new ArrayList<>();
        for (Filed f : increments) {
            Report r = f.report();
            items.add(m.format("derived.increment", Map.of("amount", amount(r.value(), r.qualifier().wire(), metric, m),
                    "date", m.date(r.asOf()))));
        }
        return m.list(items);
    }

    private static String sameDay(List<Filed> sameDay, LocalDate date, Metric metric, Messages m) {
        List<String> items = new ArrayList<>();
        for (Filed f : sameDay) items.add(amount(f.report().value(), f.report().qualifier().wire(), metric, m));
        return m.format("same_day", Map.of("n", sameDay.size(), "list", m.list(items), "date", m.date(date)));
    }

    /** The reports, as the source published them, in the bulletin's terms. */
    static List<Bulletin.Reported> reported(List<Filed> filed) {
        return filed.stream().map(f -> new Bulletin.Reported(f.report().id(), f.seq(), f.report().kind().wire(),
                f.report().value().toPlainString(), f.report().qualifier().wire(), f.report().asOf())).toList();
    }
}
