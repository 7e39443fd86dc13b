package org.truce.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.truce.figures.Figure;
import org.truce.figures.FigureBook;
import org.truce.figures.PlaceName;
import org.truce.figures.PlaceNames;
import org.truce.places.Drawn;
import org.truce.places.FeatureKind;
import org.truce.places.MapBook;

/**
 * What the printed bulletin shows besides its text, computed from the same ledger size: a chart per
 * section whose sources have a series (one line per source, never summed), and the map as of the
 * bulletin's date with its key. Immutable.
 */
public record Exhibits(List<Chart> charts, String mapSvg, List<KeyRow> key) {
    /** How many days before the bulletin's date the charts may begin; each begins at its first figure. */
    public static final int CHART_DAYS = 90;

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
        return new Exhibits(charts(b, figures), null, List.of()).withMap(b, map, figures);
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
        return new Exhibits(charts, SvgMap.render(shapes, RegionOutlines.countries()), rows);
    }

    /** The party whose version a geometry is, by its name in the bulletin's language. */
    private static String party(String source, Bulletin b, FigureBook figures) {
        if (source == null) return null;
        return figures.source(source, b.size()).map(s -> s.name(b.lang())).orElse(source);
    }

    private static List<Chart> charts(Bulletin b, FigureBook figures) {
        LocalDate from = b.asOf().minusDays(CHART_DAYS);
        List<Chart> out = new ArrayList<>();
        for (Bulletin.Section s : b.sections()) {
            if (s.place() == null || s.lines().isEmpty()) continue;
            List<SvgLineChart.Line> lines = new ArrayList<>();
            List<Legend> legend = new ArrayList<>();
            boolean series = false;
            for (Bulletin.Line line : s.lines()) {
                List<SvgLineChart.Point> points = new ArrayList<>();
                LocalDate d = from;
                for (Optional<Figure> f : figures.series(s.metric(), line.source(), s.place(), from, b.asOf(), b.size())) {
                    BigDecimal v = f.map(Figure::value).orElse(null);
                    if (v != null) points.add(new SvgLineChart.Point(d, v.doubleValue()));
                    d = d.plusDays(1);
                }
                if (points.isEmpty()) continue;
                series |= points.size() > 1;
                legend.add(new Legend(line.sourceName(), SvgLineChart.colour(lines.size())));
                lines.add(new SvgLineChart.Line(line.source(), points));
            }
            if (!series) continue;
            LocalDate first = lines.stream().map(l -> l.points().get(0).date()).min(LocalDate::compareTo).orElse(from);
            out.add(new Chart(s.metricName(), s.placeName(), SvgLineChart.render(lines, first, b.asOf()), legend));
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
