package org.truce.places;

import org.truce.catalog.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns a client's geometry — a GeoJSON geometry object (RFC 7946) or WKT — into a valid JTS geometry
 * in lon/lat, or into the list of what is wrong and where; bad input is answered, never thrown. Checks,
 * in order: structure (types, numbers, closed rings, enough positions), finite numbers, the
 * antimeridian, the configured region (suspecting swapped axes when swapping would fit), then topology
 * ({@link IsValidOp}). Only topology is repaired, and only when asked ({@link GeometryFixer}); an
 * unclosed ring, a non-number, too few positions or a position outside the region is never guessed at.
 *
 * <p>Immutable and thread-safe; geometries come from {@link #FACTORY} (floating precision, SRID 4326).
 */
public final class GeometryInput {
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    static final List<String> TYPES = List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");
    private static final int OUTSIDE_LISTED = 5;
    private final Envelope region;

    /** @param region the lon/lat bounds every position must lie in (x = lon, y = lat) */
    public GeometryInput(Envelope region) {
        if (Objects.requireNonNull(region, "region").isNull()) throw new IllegalArgumentException("region must not be empty");
        this.region = new Envelope(region);
    }

    /** What became of the input: a valid geometry (with what repair changed), or the problems. */
    public sealed interface Result permits Ok, Refused {}

    /** @param repairs plain-words reports of what repair changed; empty when nothing was repaired */
    public record Ok(Geometry geometry, List<String> repairs) implements Result {
        public Ok {
            Objects.requireNonNull(geometry, "geometry");
            repairs = List.copyOf(repairs);
        }
    }

    public record Refused(List<Problem> problems) implements Result {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** @param pointer a JSON pointer (RFC 6901) into the request, under the base pointer given */
    public record Problem(String pointer, String detail) {}

    /** Reads a GeoJSON geometry object found at {@code pointer} in the request. */
    public Result readGeoJson(JsonNode node, String pointer, boolean repair) {
        List<Problem> problems = new ArrayList<>();
        Geometry g = new GeoJsonReader(pointer, problems).geometry(node);
        if (!problems.isEmpty()) return new Refused(problems);
        return check(g, pointer, true, repair);
    }

    /** Reads WKT found at {@code pointer}; problems are placed in words ("ring 0 of polygon 0"). */
    public Result readWkt(String wkt, String pointer, boolean repair) {
        if (wkt == null || wkt.isBlank()) return refused(pointer, "must be WKT text, e.g. POINT (46.75 39.82)");
        StructureRecorder recorder = new StructureRecorder();
        Geometry g;
        try {
            g = new WKTReader(recorder).read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            return refused(pointer, "is not valid WKT: " + e.getMessage());
        }
        if (!TYPES.contains(g.getGeometryType())) return refused(pointer, typeRefusal(g.getGeometryType().toUpperCase(Locale.ROOT)));
        List<Problem> problems = new ArrayList<>();
        for (Part part : Part.of(g)) {
            String broken = recorder.broken.get(part.element());
            if (broken != null) problems.add(new Problem(pointer, part.words() + broken));
        }
        if (!problems.isEmpty()) return new Refused(problems);
        return check(FACTORY.createGeometry(g), pointer, false, repair);
    }

    private Result check(Geometry g, String base, boolean pointers, boolean repair) {
        if (g.isEmpty()) return refused(base, "is empty; send a geometry with coordinates");
        List<Part> parts = Part.of(g);
        List<Problem> problems = new ArrayList<>();
        for (Part part : parts) {
            for (int k = 0; k < part.coords().size(); k++) {
                if (!Double.isFinite(part.coords().getX(k)) || !Double.isFinite(part.coords().getY(k))) {
                    problems.add(new Problem(part.pointer(base, pointers, k), part.at(k) + " is not a pair of finite numbers"));
                }
            }
        }
        if (!problems.isEmpty()) return new Refused(problems);
        for (Part part : parts) antimeridian(part, base, pointers, problems);
        region(parts, base, pointers, problems);
        if (!problems.isEmpty()) return new Refused(problems);
        return topology(g, base, repair);
    }

    /** RFC 7946 §3.1.9: a geometry crossing the antimeridian is to be cut in two, not drawn round the globe. */
    private static void antimeridian(Part part, String base, boolean pointers, List<Problem> problems) {
        CoordinateSequence c = part.coords();
        for (int k = 1; k < c.size(); k++) {
            if (Math.abs(c.getX(k) - c.getX(k - 1)) > 180) {
                problems.add(new Problem(part.pointer(base, pointers, k), part.words() + " crosses the antimeridian between position "
                        + (k - 1) + " " + xy(c.getX(k - 1), c.getY(k - 1)) + " and position " + k + " " + xy(c.getX(k), c.getY(k))
                        + ": cut it in two at longitude 180 (RFC 7946 §3.1.9)"));
            }
        }
    }

    private void region(List<Part> parts, String base, boolean pointers, List<Problem> problems) {
        List<Problem> outside = new ArrayList<>();
        boolean swappedFits = true;
        for (Part part : parts) {
            for (int k = 0; k < part.coords().size(); k++) {
                double x = part.coords().getX(k), y = part.coords().getY(k);
                swappedFits &= region.contains(y, x);
                if (!region.contains(x, y)) {
                    outside.add(new Problem(part.pointer(base, pointers, k), part.at(k) + " " + xy(x, y) + " lies outside " + regionWords()));
                }
            }
        }
        if (outside.isEmpty()) return;
        if (swappedFits) {
            problems.add(new Problem(pointers ? base + "/coordinates" : base, "lies outside " + regionWords()
                    + "; looks like latitude and longitude are swapped: GeoJSON and WKT take lon, lat"));
            return;
        }
        problems.addAll(outside.subList(0, Math.min(OUTSIDE_LISTED, outside.size())));
        if (outside.size() > OUTSIDE_LISTED) {
            problems.add(new Problem(base, "and " + (outside.size() - OUTSIDE_LISTED) + " more positions lie outside the region"));
        }
    }

    private static Result topology(Geometry g, String base, boolean repair) {
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error == null) return new Ok(g, List.of());
        String what = describe(error);
        if (!repair) return refused(base, what + "; send repair=true to have it repaired (JTS GeometryFixer)");
        Geometry fixed = GeometryFixer.fix(g);
        if (fixed.isEmpty() || !TYPES.contains(fixed.getGeometryType())) {
            return refused(base, what + "; repair would leave " + (fixed.isEmpty() ? "nothing" : "a mix of types") + ", so it was not applied");
        }
        return new Ok(fixed, List.of(what + " repaired: " + change(g, fixed)));
    }

    /** "1 polygon became 2 polygons (Polygon → MultiPolygon); area 812.4 ha → 790.1 ha". */
    private static String change(Geometry before, Geometry after) {
        String parts = count(before) + (count(before).equals(count(after)) ? " stayed " : " became ") + count(after);
        String types = before.getGeometryType().equals(after.getGeometryType()) ? ""
                : " (" + before.getGeometryType() + " → " + after.getGeometryType() + ")";
        // A self-intersecting ring's area before repair is its net signed area: lobes wound opposite ways cancel.
        String area = before instanceof Polygonal ? String.format(Locale.ROOT, "; area %.1f ha → %.1f ha",
                Geodesy.areaHectares(before), Geodesy.areaHectares(after)) : "";
        return parts + types + area;
    }

    private static String count(Geometry g) {
        int n = g.getNumGeometries();
        String noun = switch (g.getDimension()) {
            case 0 -> "point";
            case 1 -> "line";
            default -> "polygon";
        };
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String describe(TopologyValidationError error) {
        String message = error.getMessage();
        String words = message.isEmpty() ? "invalid geometry" : Character.toLowerCase(message.charAt(0)) + message.substring(1);
        Coordinate c = error.getCoordinate();
        return c == null ? words : words + " at " + xy(c.x, c.y);
    }

    private String regionWords() {
        return "the region (lon " + bound(region.getMinX()) + "–" + bound(region.getMaxX())
                + ", lat " + bound(region.getMinY()) + "–" + bound(region.getMaxY()) + ")";
    }

    static String typeRefusal(String type) {
        return "GEOMETRYCOLLECTION".equals(type.toUpperCase(Locale.ROOT))
                ? "a GeometryCollection is not accepted: send one geometry of type " + String.join(", ", TYPES)
                : "must be a geometry of type " + String.join(", ", TYPES) + ", not " + type;
    }

    static String tooFew(int n, boolean ring) {
        return ring ? " has " + n + " position" + (n == 1 ? "" : "s") + "; a ring needs at least 4, the last equal to the first (RFC 7946 §3.1.6)"
                : " has " + n + " position" + (n == 1 ? "" : "s") + "; a line needs at least 2 (RFC 7946 §3.1.4)";
    }

    static String notClosed(Coordinate first, Coordinate last) {
        return " is not closed: first " + xy(first.x, first.y) + " ≠ last " + xy(last.x, last.y);
    }

    static String xy(double x, double y) {
        return "(" + number(x) + ", " + number(y) + ")";
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return BigDecimal.valueOf(v).setScale(7, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String bound(double v) {
        String s = number(v);
        return s.contains(".") ? s : s + ".0";
    }

    private static Refused refused(String pointer, String detail) {
        return new Refused(List.of(new Problem(pointer, detail)));
    }

    /**
     * {@code g} as an RFC 7946 geometry object: exterior rings counter-clockwise and holes clockwise
     * (§3.1.6, whatever the input's winding), two ordinates rounded to 7 decimals (about 1 cm; §11.2).
     */
    public static ObjectNode toGeoJson(Geometry g) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (g.getClass() == GeometryCollection.class) {
            o.put("type", "GeometryCollection");
            ArrayNode geometries = o.putArray("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) geometries.add(toGeoJson(g.getGeometryN(i)));
            return o;
        }
        o.put("type", g instanceof LinearRing ? "LineString" : g.getGeometryType());
        o.set("coordinates", coordinates(g));
        return o;
    }

    private static ArrayNode coordinates(Geometry g) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        if (g instanceof Point p) {
            if (!p.isEmpty()) return position(p.getX(), p.getY());
        } else if (g instanceof LineString l) {
            return positions(l.getCoordinates());
        } else if (g instanceof Polygon p) {
            if (p.isEmpty()) return a;
            a.add(positions(oriented(p.getExteriorRing().getCoordinates(), true)));
            for (int h = 0; h < p.getNumInteriorRing(); h++) a.add(positions(oriented(p.getInteriorRingN(h).getCoordinates(), false)));
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) a.add(coordinates(g.getGeometryN(i)));
        }
        return a;
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (ring.length < 4 || Orientation.isCCW(ring) == counterClockwise) return ring;
        Coordinate[] reversed = ring.clone();
        Collections.reverse(Arrays.asList(reversed));
        return reversed;
    }

    private static ArrayNode positions(Coordinate[] coordinates) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Coordinate c : coordinates) a.add(position(c.x, c.y));
        return a;
    }

    private static ArrayNode position(double x, double y) {
        return JsonNodeFactory.instance.arrayNode().add(Math.round(x * 1e7) / 1e7).add(Math.round(y * 1e7) / 1e7);
    }

    /**
     * One line, ring or point of a geometry with where it is: in words for messages ("ring 1 of polygon
     * 0") and as the path of its coordinates in GeoJSON ("/coordinates/0/1").
     */
    record Part(Geometry element, CoordinateSequence coords, String words, String path, boolean point) {
        static List<Part> of(Geometry g) {
            List<Part> parts = new ArrayList<>();
            if (g instanceof Point p) {
                parts.add(new Part(p, p.getCoordinateSequence(), "point 0", "/coordinates", true));
            } else if (g instanceof MultiPoint m) {
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    Point p = (Point) m.getGeometryN(i);
                    parts.add(new Part(p, p.getCoordinateSequence(), "point " + i, "/coordinates/" + i, true));
                }
            } else if (g instanceof LineString l) {
                parts.add(new Part(l, l.getCoordinateSequence(), "line 0", "/coordinates", false));
            } else if (g instanceof MultiLineString m) {
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    LineString l = (LineString) m.getGeometryN(i);
                    parts.add(new Part(l, l.getCoordinateSequence(), "line " + i, "/coordinates/" + i, false));
                }
            } else if (g instanceof Polygon p) {
                rings(p, 0, "/coordinates", parts);
            } else if (g instanceof MultiPolygon m) {
                for (int i = 0; i < m.getNumGeometries(); i++) rings((Polygon) m.getGeometryN(i), i, "/coordinates/" + i, parts);
            }
            return parts;
        }

        private static void rings(Polygon p, int index, String path, List<Part> parts) {
            if (p.isEmpty()) return;
            LineString shell = p.getExteriorRing();
            parts.add(new Part(shell, shell.getCoordinateSequence(), "ring 0 of polygon " + index, path + "/0", false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LineString hole = p.getInteriorRingN(h);
                parts.add(new Part(hole, hole.getCoordinateSequence(), "ring " + (h + 1) + " of polygon " + index, path + "/" + (h + 1), false));
            }
        }

        /** Position k in words: the part itself for a point. */
        String at(int k) {
            return point ? words : "position " + k + " of " + words;
        }

        String pointer(String base, boolean pointers, int k) {
            if (!pointers) return base;
            return point ? base + path : base + path + "/" + k;
        }
    }

    /**
     * Reads one RFC 7946 geometry object into JTS, noting every problem with its JSON pointer; answers
     * null when there was any. One instance per read.
     */
    private static final class GeoJsonReader {
        private final String base;
        private final List<Problem> problems;

        GeoJsonReader(String base, List<Problem> problems) {
            this.base = base;
            this.problems = problems;
        }

        Geometry geometry(JsonNode node) {
            if (node == null || !node.isObject()) return fail(base, "must be a GeoJSON geometry object (RFC 7946 §3.1)");
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual()) return fail(base + "/type", "must be one of " + String.join(", ", TYPES));
            String t = type.asText();
            if (t.equals("Feature") || t.equals("FeatureCollection")) {
                return fail(base + "/type", "must be a geometry, not a " + t + ": send its geometry member");
            }
            if (!TYPES.contains(t)) return fail(base + "/type", typeRefusal(t));
            String at = base + "/coordinates";
            JsonNode c = node.get("coordinates");
            if (c == null || !c.isArray()) return fail(at, "must be an array (RFC 7946 §3.1.1)");
            Geometry g = switch (t) {
                case "Point" -> point(c, at);
                case "MultiPoint" -> multi(c, at, (n, i) -> point(n, at + "/" + i), Point[]::new, FACTORY::createMultiPoint);
                case "LineString" -> line(c, at, "line 0");
                case "MultiLineString" -> multi(c, at, (n, i) -> line(n, at + "/" + i, "line " + i), LineString[]::new,
                        FACTORY::createMultiLineString);
                case "Polygon" -> polygon(c, at, 0);
                default -> multi(c, at, (n, i) -> polygon(n, at + "/" + i, i), Polygon[]::new, FACTORY::createMultiPolygon);
            };
            return problems.isEmpty() ? g : null;
        }

        private <T extends Geometry> Geometry multi(JsonNode array, String at, BiFunction<JsonNode, Integer, T> read,
                IntFunction<T[]> arrays, Function<T[], Geometry> build) {
            List<T> parts = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) parts.add(read.apply(array.get(i), i));
            return parts.contains(null) ? null : build.apply(parts.toArray(arrays));
        }

        private Point point(JsonNode node, String at) {
            Coordinate c = position(node, at);
            return c == null ? null : FACTORY.createPoint(c);
        }

        private LineString line(JsonNode node, String at, String words) {
            Coordinate[] c = positions(node, at);
            if (c == null) return null;
            if (c.length < 2) return fail(at, words + tooFew(c.length, false));
            return FACTORY.createLineString(c);
        }

        private Polygon polygon(JsonNode node, String at, int index) {
            if (!node.isArray() || node.isEmpty()) return fail(at, "polygon " + index + " must be an array of rings, the exterior first");
            List<LinearRing> rings = new ArrayList<>();
            for (int r = 0; r < node.size(); r++) rings.add(ring(node.get(r), at + "/" + r, "ring " + r + " of polygon " + index));
            if (rings.contains(null)) return null;
            return FACTORY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
        }

        private LinearRing ring(JsonNode node, String at, String words) {
            Coordinate[] c = positions(node, at);
            if (c == null) return null;
            if (c.length < 4) return fail(at, words + tooFew(c.length, true));
            if (!c[0].equals2D(c[c.length - 1])) return fail(at, words + notClosed(c[0], c[c.length - 1]));
            return FACTORY.createLinearRing(c);
        }

        private Coordinate[] positions(JsonNode node, String at) {
            if (!node.isArray()) return fail(at, "must be an array of positions");
            Coordinate[] c = new Coordinate[node.size()];
            boolean ok = true;
            for (int k = 0; k < c.length; k++) ok &= (c[k] = position(node.get(k), at + "/" + k)) != null;
            return ok ? c : null;
        }

        /** RFC 7946 §3.1.1: [lon, lat] or [lon, lat, elevation]; the elevation is not kept. */
        private Coordinate position(JsonNode node, String at) {
            if (!node.isArray() || node.size() < 2 || node.size() > 3) {
                return fail(at, "must be a position: [lon, lat] or [lon, lat, elevation] (RFC 7946 §3.1.1)");
            }
            boolean ok = true;
            for (int i = 0; i < 2; i++) {
                JsonNode n = node.get(i);
                if (!n.isNumber()) {
                    fail(at + "/" + i, n.isTextual() ? "must be a number, not the string \"" + n.asText() + "\"" : "must be a number");
                    ok = false;
                } else if (!Double.isFinite(n.doubleValue())) {
                    fail(at + "/" + i, "must be a finite number, not " + n.doubleValue());
                    ok = false;
                }
            }
            return ok ? new Coordinate(node.get(0).doubleValue(), node.get(1).doubleValue()) : null;
        }

        private <T> T fail(String pointer, String detail) {
            problems.add(new Problem(pointer, detail));
            return null;
        }
    }

    /**
     * A factory for {@link WKTReader} that notes an unclosed or too short ring and a one-position line
     * instead of failing on them, so that the answer can say which part is wrong; the parts it builds
     * are closed and padded only so that parsing can go on, and the geometry is refused.
     */
    private static final class StructureRecorder extends GeometryFactory {
        final Map<Geometry, String> broken = new IdentityHashMap<>();

        StructureRecorder() {
            super(FACTORY.getPrecisionModel(), FACTORY.getSRID());
        }

        @Override
        public LineString createLineString(CoordinateSequence seq) {
            if (seq == null || seq.size() != 1) return super.createLineString(seq);
            Coordinate c = seq.getCoordinate(0);
            LineString padded = super.createLineString(new Coordinate[] {c, c.copy()});
            broken.put(padded, tooFew(1, false));
            return padded;
        }

        @Override
        public LinearRing createLinearRing(CoordinateSequence seq) {
            if (seq == null || seq.size() == 0) return super.createLinearRing(seq);
            List<Coordinate> c = new ArrayList<>(List.of(seq.toCoordinateArray()));
            boolean closed = c.get(0).equals2D(c.get(c.size() - 1));
            if (closed && c.size() >= 4) return super.createLinearRing(seq);
            String problem = c.size() < 4 ? tooFew(c.size(), true) : notClosed(c.get(0), c.get(c.size() - 1));
            while (c.size() < 4 || !c.get(0).equals2D(c.get(c.size() - 1))) c.add(c.get(0).copy());
            LinearRing padded = super.createLinearRing(c.toArray(Coordinate[]::new));
            broken.put(padded, problem);
            return padded;
        }
    }
}
