package org.truce.bulletin;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The map drawn as SVG on the server: the features' geometries in an equirectangular projection
 * (x = lon * cos(mid-latitude), y = -lat) scaled to the features' extent plus a margin, over the
 * country outlines. Each feature carries the number of its row in the caller's map key; a feature
 * whose geometry is illustrative is drawn dashed. Stateless.
 */
public final class SvgMap {
    static final double W = 480;
    static final double H = 320;

    /** One geometry to draw. {@code style} is a feature kind's wire name (zone, line, point, hazard, cleared). */
    public record Shape(Geometry geometry, String style, int label, boolean illustrative) {}

    private SvgMap() {}

    public static String render(List<Shape> shapes, List<Geometry> background) {
        Envelope env = new Envelope();
        for (Shape s : shapes) env.expandToInclude(s.geometry().getEnvelopeInternal());
        if (env.isNull()) for (Geometry g : background) env.expandToInclude(g.getEnvelopeInternal());
        if (env.isNull()) env = new Envelope(44, 48, 38, 42);
        double margin = Math.max(0.1, 0.1 * Math.max(env.getWidth(), env.getHeight()));
        env.expandBy(margin);
        Projection p = new Projection(env);
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(fmt(W)).append("pt\" height=\"").append(fmt(p.height))
                .append("pt\" viewBox=\"0 0 ").append(fmt(W)).append(' ').append(fmt(p.height)).append("\" class=\"map\">")
                .append("<rect width=\"").append(fmt(W)).append("\" height=\"").append(fmt(p.height)).append("\" fill=\"#eaf2f8\"/>");
        for (Geometry g : background) {
            if (!g.getEnvelopeInternal().intersects(env)) continue;
            draw(out, g, p, "fill=\"#f7f5f0\" stroke=\"#9a9a9a\" stroke-width=\"0.8\"");
        }
        for (String style : List.of("zone", "cleared", "hazard", "line", "point")) {
            for (Shape s : shapes) if (s.style().equals(style)) draw(out, s.geometry(), p, attributes(s));
        }
        labels(out, shapes, p);
        return out.append("<rect width=\"").append(fmt(W)).append("\" height=\"").append(fmt(p.height))
                .append("\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\"/></svg>").toString();
    }

    /** The same map with a text alternative (SVG {@code <title>}) for screen readers and tagged PDF. */
    public static String render(List<Shape> shapes, List<Geometry> background, String title) {
        String svg = render(shapes, background);
        if (title == null) return svg;
        int open = svg.indexOf('>') + 1;
        String text = BulletinHtml.esc(title);
        return svg.substring(0, open - 1) + " role=\"img\" alt=\"" + text + "\"><title>" + text + "</title>" + svg.substring(open);
    }

    /** Each shape's label where {@link LabelPlacement} finds room, with a leader line when set apart from its anchor. */
    private static void labels(StringBuilder out, List<Shape> shapes, Projection p) {
        List<LabelPlacement.Label> labels = new java.util.ArrayList<>();
        List<LabelPlacement.Box> markers = new java.util.ArrayList<>();
        for (Shape s : shapes) {
            Coordinate c = s.geometry() instanceof Point pt ? pt.getCoordinate() : s.geometry().getInteriorPoint().getCoordinate();
            if (c == null) continue;
            labels.add(new LabelPlacement.Label(p.x(c.x), p.y(c.y), Integer.toString(s.label())));
            for (int i = 0; i < s.geometry().getNumGeometries(); i++) {
                if (s.geometry().getGeometryN(i) instanceof Point pt) {
                    markers.add(new LabelPlacement.Box(p.x(pt.getX()) - 3.4, p.y(pt.getY()) - 3.4, 6.8, 6.8));
                }
            }
        }
        List<LabelPlacement.Placed> placed = LabelPlacement.place(labels, markers, W, p.height);
        out.append("<g class=\"leaders\" stroke=\"#111111\" stroke-width=\"0.5\">");
        for (LabelPlacement.Placed l : placed) {
            if (!l.placed() || !l.leader()) continue;
            double[] end = l.leaderEnd();
            out.append("<line x1=\"").append(fmt(l.label().x())).append("\" y1=\"").append(fmt(l.label().y())).append("\" x2=\"")
                    .append(fmt(end[0])).append("\" y2=\"").append(fmt(end[1])).append("\"/>");
        }
        out.append("</g><g class=\"labels\" font-family=\"sans-serif\" font-size=\"9\" font-weight=\"bold\" fill=\"#111111\">");
        for (LabelPlacement.Placed l : placed) {
            if (!l.placed()) continue;
            LabelPlacement.Box b = l.box();
            out.append("<rect fill=\"#ffffff\" fill-opacity=\"0.75\" x=\"").append(fmt(b.x())).append("\" y=\"").append(fmt(b.y()))
                    .append("\" width=\"").append(fmt(b.w())).append("\" height=\"").append(fmt(b.h())).append("\"/>");
            out.append("<text x=\"").append(fmt(b.x() + 1)).append("\" y=\"").append(fmt(b.y() + b.h() - 2)).append("\">")
                    .append(BulletinHtml.esc(l.label().text())).append("</text>");
        }
        out.append("</g>");
    }

    private static String attributes(Shape s) {
        String dash = s.illustrative() ? " stroke-dasharray=\"4 2\"" : "";
        return switch (s.style()) {
            case "line" -> "fill=\"none\" stroke=\"#7a3e9d\" stroke-width=\"1.6\"" + dash;
            case "point" -> "fill=\"#0072B2\" stroke=\"#ffffff\" stroke-width=\"0.6\"";
            case "hazard" -> "fill=\"#D55E00\" fill-opacity=\"0.35\" stroke=\"#D55E00\" stroke-width=\"0.8\"" + dash;
            case "cleared" -> "fill=\"#009E73\" fill-opacity=\"0.35\" stroke=\"#009E73\" stroke-width=\"0.8\"" + dash;
            default -> "fill=\"#56B4E9\" fill-opacity=\"0.18\" stroke=\"#0072B2\" stroke-width=\"0.9\"" + dash;
        };
    }

    private static void draw(StringBuilder out, Geometry g, Projection p, String attributes) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Point pt) {
                out.append("<circle r=\"3.2\" cx=\"").append(fmt(p.x(pt.getX()))).append("\" cy=\"").append(fmt(p.y(pt.getY())))
                        .append("\" ").append(attributes).append("/>");
            } else if (part instanceof LineString l) {
                out.append("<path d=\"").append(path(l.getCoordinates(), p, false)).append("\" ").append(attributes).append("/>");
            } else if (part instanceof Polygon poly) {
                StringBuilder d = new StringBuilder(path(poly.getExteriorRing().getCoordinates(), p, true));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) d.append(path(poly.getInteriorRingN(h).getCoordinates(), p, true));
                out.append("<path fill-rule=\"evenodd\" d=\"").append(d).append("\" ").append(attributes).append("/>");
            }
        }
    }

    private static String path(Coordinate[] cs, Projection p, boolean closed) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < cs.length; i++) d.append(i == 0 ? 'M' : 'L').append(fmt(p.x(cs[i].x))).append(' ').append(fmt(p.y(cs[i].y)));
        if (closed) d.append('Z');
        return d.toString();
    }

    /** Equirectangular, true to scale along the extent's middle parallel. */
    private static final class Projection {
        final Envelope env;
        final double k;
        final double cos;
        final double height;

        Projection(Envelope env) {
            this.env = env;
            this.cos = Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2));
            this.k = W / (env.getWidth() * cos);
            this.height = Math.min(640, env.getHeight() * k);
        }

        double x(double lon) {
            return (lon - env.getMinX()) * cos * k;
        }

        double y(double lat) {
            return (env.getMaxY() - lat) * k;
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
