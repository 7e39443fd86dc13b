package org.truce.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.truce.figures.Figure;
import org.truce.figures.FigureBook;
import org.truce.catalog.PlaceName;
import org.truce.catalog.PlaceNames;
import org.truce.places.Drawn;
import org.truce.catalog.FeatureKind;
import org.truce.places.MapBook;

/**
 * What the printed bulletin shows besides its text, computed from the same ledger size: a chart per
 * section whose sources have a series (one line per source, never summed), and the map as of the
 * bulletin's date with its key. Immutable.
 */
public record Exhibits(List<Chart> charts, String mapSvg, List<KeyRow> key) {
    public Exhibits {
        charts = List.copyOf(charts);
        key = List.copyOf(key);
    }

    /** One section's chart: its SVG and the legend, source names in the chart's colour order. */
    public record Chart(String metricName, String placeName, String svg, List<Legend> legend) {}

    public record Legend(String name, String colour) {}

    /**
     * One map feature: its label on the map, its name in the bulletin's language, its names in the
     * other languages (every party's, never one side's alone), its kind and class, and whether its
     * geometry is illustrative.
     */
    public record KeyRow(int label, String name, String otherNames, String kind, String cls, String party, boolean illustrative) {}

    public static Exhibits of(Bulletin b, FigureBook figures, MapBook map) {
        return new Exhibits(charts(b, figures, Messages.ui(b.lang())), null, List.of()).withMap(b, map, figures);
    }

    private Exhibits withMap(Bulletin b, MapBook map, FigureBook figures) {
        List<SvgMap.Shape> shapes = new ArrayList<>();
        List<KeyRow> rows = new ArrayList<>();
        for (FeatureKind kind : FeatureKind.values()) {
            for (Drawn d : map.layer(kind, null, b.asOf(), b.size())) {
                int label = rows.size() + 1;
                shapes.add(new SvgMap.Shape(d.version().geometry(), kind.wire(), label, d.feature().illustrative()));
                rows.add(new KeyRow(label, name(d.feature().names(), b.lang(), d.feature().id()), others(d.feature().names(), b.lang()),
                        kind.wire(), d.feature().cls(), party(d.version().party(), b, figures), d.feature().illustrative()));
            }
        }
        Messages m = Messages.ui(b.lang());
        String title = m.format("pdf.map.alt", java.util.Map.of("date", m.date(b.asOf()), "count", rows.size()));
        return new Exhibits(charts, SvgMap.render(shapes, RegionOutlines.countries(), title), rows);
    }

    /** The party whose version a geometry is, by its name in the bulletin's language. */
    private static String party(String source, Bulletin b, FigureBook figures) {
        if (source == null) return null;
        return figures.source(source, b.size()).map(s -> s.name(b.lang())).orElse(source);
    }

    /**
     * One chart per section whose sources reported: each source's figure on each date it reported up
     * to the bulletin's date (as known at its size), from its first report; no value is carried to a
     * date it did not report.
     */
    private static List<Chart> charts(Bulletin b, FigureBook figures, Messages m) {
        List<Chart> out = new ArrayList<>();
        for (Bulletin.Section s : b.sections()) {
            if (s.place() == null || s.lines().isEmpty()) continue;
            var dates = figures.reportDates(s.metric(), s.place(), b.size());
            List<SvgLineChart.Line> lines = new ArrayList<>();
            List<Legend> legend = new ArrayList<>();
            for (Bulletin.Line line : s.lines()) {
                List<SvgLineChart.Point> points = new ArrayList<>();
                for (LocalDate d : dates.getOrDefault(line.source(), new TreeSet<>())) {
                    if (d.isAfter(b.asOf())) break;
                    figures.figure(s.metric(), line.source(), s.place(), d, b.size()).map(Figure::value)
                            .ifPresent(v -> points.add(new SvgLineChart.Point(d, v.doubleValue())));
                }
                if (points.isEmpty()) continue;
                legend.add(new Legend(line.sourceName(), SvgLineChart.colour(lines.size())));
                lines.add(new SvgLineChart.Line(line.source(), points));
            }
            if (lines.isEmpty()) continue;
            LocalDate first = lines.stream().map(l -> l.points().get(0).date()).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = lines.stream().map(l -> l.points().get(l.points().size() - 1).date()).max(LocalDate::compareTo).orElseThrow();
            String title = m.format("pdf.chart.alt", java.util.Map.of("metric", s.metricName(), "place", s.placeName(),
                    "from", m.date(first), "to", m.date(last), "sources", legend.size()));
            out.add(new Chart(s.metricName(), s.placeName(), SvgLineChart.render(lines, first, last, m.locale(), title), legend));
        }
        return out;
    }

    /** The display name in {@code lang} by the one rule of {@link PlaceNames}: every side's name where they differ. */
    static String name(List<PlaceName> names, String lang, String id) {
        return PlaceNames.display(names, lang, id);
    }

    private static String others(List<PlaceName> names, String lang) {
        return names.stream().filter(n -> !n.lang().equals(lang)).map(n -> n.name() + " (" + n.lang() + ")")
                .distinct().collect(Collectors.joining("; "));
    }
}
