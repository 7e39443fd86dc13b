package org.truce.bulletin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn as SVG on the server, for documents that run no script: a date axis, a value
 * axis from zero, and one polyline per source, each in its own colour and dash. The legend (the
 * sources' names) is the caller's, in the document's text, so that it is selectable and set in the
 * document's fonts. Never adds or averages lines. Stateless.
 */
public final class SvgLineChart {
    /** Colour-blind safe (Okabe and Ito, 2008), in legend order; dashes tell lines apart in grey print. */
    public static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");
    private static final List<String> DASHES = List.of("", "6 3", "2 2", "8 3 2 3");
    static final double W = 480;
    static final double H = 200;
    static final double LEFT = 52;
    static final double BOTTOM = 24;
    static final double TOP = 8;
    static final double RIGHT = 12;

    /** One source's points, in date order. */
    public record Line(String source, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    public record Point(LocalDate date, double value) {}

    private SvgLineChart() {}

    public static String render(List<Line> lines, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("to must not be before from");
        double max = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Point::value).max().orElse(1);
        double top = niceCeiling(max);
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(fmt(W)).append("pt\" height=\"").append(fmt(H))
                .append("pt\" viewBox=\"0 0 ").append(fmt(W)).append(' ').append(fmt(H)).append("\" class=\"chart\">");
        axes(out, top, from, to);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            out.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(colour(i)).append('"');
            String dash = DASHES.get(i % DASHES.size());
            if (!dash.isEmpty()) out.append(" stroke-dasharray=\"").append(dash).append('"');
            out.append(" points=\"");
            for (Point p : line.points()) {
                out.append(fmt(x(p.date(), from, days))).append(',').append(fmt(y(p.value(), top))).append(' ');
            }
            out.append("\"/>");
            for (Point p : line.points()) {
                out.append("<circle r=\"1.8\" fill=\"").append(colour(i)).append("\" cx=\"").append(fmt(x(p.date(), from, days)))
                        .append("\" cy=\"").append(fmt(y(p.value(), top))).append("\"/>");
            }
        }
        return out.append("</svg>").toString();
    }

    public static String colour(int i) {
        return COLOURS.get(i % COLOURS.size());
    }

    private static void axes(StringBuilder out, double top, LocalDate from, LocalDate to) {
        double x0 = LEFT;
        double y0 = H - BOTTOM;
        out.append("<g stroke=\"#555555\" stroke-width=\"0.8\"><line x1=\"").append(fmt(x0)).append("\" y1=\"").append(fmt(TOP))
                .append("\" x2=\"").append(fmt(x0)).append("\" y2=\"").append(fmt(y0)).append("\"/><line x1=\"").append(fmt(x0))
                .append("\" y1=\"").append(fmt(y0)).append("\" x2=\"").append(fmt(W - RIGHT)).append("\" y2=\"").append(fmt(y0)).append("\"/></g>");
        out.append("<g font-family=\"sans-serif\" font-size=\"9\" fill=\"#333333\">");
        for (int k = 0; k <= 4; k++) {
            double v = top * k / 4;
            double y = y(v, top);
            out.append("<line stroke=\"#dddddd\" stroke-width=\"0.5\" x1=\"").append(fmt(x0)).append("\" x2=\"").append(fmt(W - RIGHT))
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            out.append("<text text-anchor=\"end\" x=\"").append(fmt(x0 - 4)).append("\" y=\"").append(fmt(y + 3)).append("\">")
                    .append(number(v)).append("</text>");
        }
        out.append("<text text-anchor=\"start\" x=\"").append(fmt(x0)).append("\" y=\"").append(fmt(H - 8)).append("\">")
                .append(from).append("</text><text text-anchor=\"end\" x=\"").append(fmt(W - RIGHT)).append("\" y=\"")
                .append(fmt(H - 8)).append("\">").append(to).append("</text></g>");
    }

    private static double x(LocalDate d, LocalDate from, long days) {
        return LEFT + (W - LEFT - RIGHT) * ChronoUnit.DAYS.between(from, d) / days;
    }

    private static double y(double v, double top) {
        return H - BOTTOM - (H - BOTTOM - TOP) * v / top;
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code v}, so the ticks are round. */
    static double niceCeiling(double v) {
        if (v <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
