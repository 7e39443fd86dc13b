package org.truce.bulletin;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A chart of reported figures drawn as SVG on the server, for documents that run no script: a date
 * axis whose ticks carry the year ({@link DateTicks}), a value axis from zero with the locale's
 * grouping, and one mark per report, in each source's colour and shape. Nothing is drawn between
 * two reports: a mark stands only on a date the source reported, so no value is carried forward or
 * interpolated. The legend (the sources' names) is the caller's, in the document's text, so that it
 * is selectable and set in the document's fonts. Never adds or averages sources. Stateless.
 */
public final class SvgLineChart {
    /** Colour-blind safe (Okabe and Ito, 2008), in legend order; shapes tell sources apart in grey print. */
    public static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");
    /** Mark shapes in legend order: circle, square, triangle, diamond, then again. */
    static final int SHAPES = 4;
    static final double W = 480;
    static final double H = 200;
    static final double LEFT = 60;
    static final double BOTTOM = 24;
    static final double TOP = 8;
    static final double RIGHT = 16;
    /** Inside the axes, so that a mark on the first or last date does not sit on an axis. */
    static final double PAD = 10;

    /** One source's reported figures, in date order, one point per report date. */
    public record Line(String source, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    public record Point(LocalDate date, double value) {}

    private SvgLineChart() {}

    /**
     * @param from the first date of the axis (the earliest report); may equal {@code to}
     * @param locale the reader's: month names and number grouping
     * @param title the chart's text alternative (SVG {@code <title>}, for screen readers and PDF/UA)
     */
    public static String render(List<Line> lines, LocalDate from, LocalDate to, ULocale locale, String title) {
        if (to.isBefore(from)) throw new IllegalArgumentException("to must not be before from");
        double max = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Point::value).max().orElse(1);
        double top = niceCeiling(max);
        Axis axis = new Axis(from, to);
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(fmt(W)).append("pt\" height=\"").append(fmt(H))
                .append("pt\" viewBox=\"0 0 ").append(fmt(W)).append(' ').append(fmt(H)).append("\" class=\"chart\" role=\"img\"");
        // alt: what openhtmltopdf gives the Figure's /Alt in a tagged PDF; <title>: what SVG readers announce
        if (title != null) out.append(" alt=\"").append(BulletinHtml.esc(title)).append("\"><title>").append(BulletinHtml.esc(title)).append("</title>");
        else out.append('>');
        valueAxis(out, top, NumberFormat.getNumberInstance(locale));
        dateAxis(out, axis, DateTicks.of(from, to, locale));
        for (int i = 0; i < lines.size(); i++) {
            out.append("<g class=\"source\" fill=\"").append(colour(i)).append("\">");
            for (Point p : lines.get(i).points()) {
                if (p.date().isBefore(from) || p.date().isAfter(to)) continue;
                mark(out, i, axis.x(p.date()), y(p.value(), top), 2.6);
            }
            out.append("</g>");
        }
        return out.append("</svg>").toString();
    }

    public static String colour(int i) {
        return COLOURS.get(i % COLOURS.size());
    }

    /** The legend's sample of source {@code i}: its mark in its colour, as a small SVG; {@code alt} names the shape. */
    public static String legendMark(int i, String alt) {
        StringBuilder out = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9pt\" height=\"9pt\" viewBox=\"0 0 9 9\" alt=\"")
                .append(BulletinHtml.esc(alt)).append("\"><g fill=\"").append(colour(i)).append("\">");
        mark(out, i, 4.5, 4.5, 3.2);
        return out.append("</g></svg>").toString();
    }

    /** A circle, square, triangle or diamond centred on (x, y): the shape says the source where colour cannot. */
    private static void mark(StringBuilder out, int i, double x, double y, double r) {
        switch (i % SHAPES) {
            case 0 -> out.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"").append(fmt(r)).append("\"/>");
            case 1 -> out.append("<rect x=\"").append(fmt(x - r * 0.85)).append("\" y=\"").append(fmt(y - r * 0.85)).append("\" width=\"")
                    .append(fmt(r * 1.7)).append("\" height=\"").append(fmt(r * 1.7)).append("\"/>");
            case 2 -> out.append("<path d=\"M").append(fmt(x)).append(' ').append(fmt(y - r)).append('L').append(fmt(x + r)).append(' ')
                    .append(fmt(y + r * 0.8)).append('L').append(fmt(x - r)).append(' ').append(fmt(y + r * 0.8)).append("Z\"/>");
            default -> out.append("<path d=\"M").append(fmt(x)).append(' ').append(fmt(y - r)).append('L').append(fmt(x + r)).append(' ')
                    .append(fmt(y)).append('L').append(fmt(x)).append(' ').append(fmt(y + r)).append('L').append(fmt(x - r)).append(' ')
                    .append(fmt(y)).append("Z\"/>");
        }
    }

    private static void valueAxis(StringBuilder out, double top, NumberFormat numbers) {
        double y0 = H - BOTTOM;
        out.append("<g stroke=\"#555555\" stroke-width=\"0.8\"><line x1=\"").append(fmt(LEFT)).append("\" y1=\"").append(fmt(TOP))
                .append("\" x2=\"").append(fmt(LEFT)).append("\" y2=\"").append(fmt(y0)).append("\"/><line x1=\"").append(fmt(LEFT))
                .append("\" y1=\"").append(fmt(y0)).append("\" x2=\"").append(fmt(W - RIGHT)).append("\" y2=\"").append(fmt(y0)).append("\"/></g>");
        out.append("<g class=\"values\" font-family=\"sans-serif\" font-size=\"9\" fill=\"#333333\">");
        for (int k = 0; k <= 4; k++) {
            double v = top * k / 4;
            double y = y(v, top);
            out.append("<line stroke=\"#dddddd\" stroke-width=\"0.5\" x1=\"").append(fmt(LEFT)).append("\" x2=\"").append(fmt(W - RIGHT))
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            out.append("<text text-anchor=\"end\" x=\"").append(fmt(LEFT - 4)).append("\" y=\"").append(fmt(y + 3)).append("\">")
                    .append(BulletinHtml.esc(numbers.format(v))).append("</text>");
        }
        out.append("</g>");
    }

    private static void dateAxis(StringBuilder out, Axis axis, List<DateTicks.Tick> ticks) {
        double y0 = H - BOTTOM;
        out.append("<g class=\"dates\" font-family=\"sans-serif\" font-size=\"9\" fill=\"#333333\">");
        for (DateTicks.Tick t : ticks) {
            double x = axis.x(t.date());
            out.append("<line stroke=\"#555555\" stroke-width=\"0.8\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                    .append("\" y1=\"").append(fmt(y0)).append("\" y2=\"").append(fmt(y0 + 3)).append("\"/>");
            out.append("<text text-anchor=\"middle\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(H - 8)).append("\" data-date=\"")
                    .append(t.date()).append("\">").append(BulletinHtml.esc(t.label())).append("</text>");
        }
        out.append("</g>");
    }

    /** The date axis: {@code from} to {@code to} across the plot; a single date in its middle. */
    private record Axis(LocalDate from, LocalDate to) {
        double x(LocalDate d) {
            double left = LEFT + PAD;
            double width = W - RIGHT - PAD - left;
            long days = ChronoUnit.DAYS.between(from, to);
            if (days == 0) return left + width / 2;
            return left + width * ChronoUnit.DAYS.between(from, d) / days;
        }
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

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
