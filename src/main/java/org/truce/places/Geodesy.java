package org.truce.places;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * Areas, lengths and distances on the WGS84 ellipsoid, for geometries in lon/lat degrees (RFC 7946
 * §3.1.1 axis order) — never planar degrees. Built on Karney's geodesic algorithms (C. F. F. Karney,
 * "Algorithms for geodesics", J. Geodesy 87, 2013), which are accurate to nanometres, through
 * GeographicLib-Java's {@link Geodesic#WGS84} and {@link PolygonArea}.
 *
 * <p>Edges between vertices are taken as geodesics, as PostGIS {@code geography} takes them. Stateless
 * and thread-safe.
 */
public final class Geodesy {
    /** Densified segments are at most this long, so a straight chord in the projection is exact enough. */
    static final double MAX_SEGMENT_M = 250.0;
    private static final Geodesic WGS84 = Geodesic.WGS84;

    private Geodesy() {}

    /**
     * The geodesic area in hectares of the polygons in {@code g} (exterior minus holes); lines and
     * points contribute 0. Each ring's area is taken unsigned, so ring orientation does not matter.
     */
    public static double areaHectares(Geometry g) {
        double m2 = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                m2 += ringArea(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) m2 -= ringArea(p.getInteriorRingN(h));
            } else if (part instanceof GeometryCollection) {
                m2 += areaHectares(part) * 10_000;
            }
        }
        return m2 / 10_000;
    }

    /** The geodesic length in km of the lines in {@code g}, or of all rings (perimeters) of its polygons. */
    public static double lengthKm(Geometry g) {
        double m = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString line) {
                m += lineLength(line);
            } else if (part instanceof Polygon p) {
                m += lineLength(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) m += lineLength(p.getInteriorRingN(h));
            } else if (part instanceof GeometryCollection) {
                m += lengthKm(part) * 1000;
            }
        }
        return m / 1000;
    }

    /** The geodesic distance in km between two positions (Karney 2013, the inverse problem). */
    public static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
        return WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12 / 1000;
    }

    /**
     * The geodesic distance in km from {@code p} to the nearest point of {@code g}; 0 when a polygon of
     * {@code g} covers {@code p} (decided in lon/lat, as every other topological question here).
     *
     * <p>Method: {@code g} is densified along its geodesics so that no segment exceeds 250 m, and
     * projected into the azimuthal equidistant projection centred on {@code p}; the answer is the planar
     * distance from the origin. That projection maps a point at geodesic distance s and azimuth α from
     * the centre to (s sin α, s cos α), so the distance from the centre to every vertex is exact, not
     * approximated. Between two vertices the planar chord stands in for the image of the geodesic; the
     * two differ by the chord's sagitta, which for 250 m segments is below a millimetre at any distance
     * up to 1,000 km (see GeodesyTest), far under the 0.1 % this is held to.
     *
     * @throws IllegalArgumentException if {@code g} is empty
     */
    public static double distanceKm(Point p, Geometry g) {
        if (g.isEmpty()) throw new IllegalArgumentException("the geometry to measure to must not be empty");
        if (g.getClass() == GeometryCollection.class) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!g.getGeometryN(i).isEmpty()) min = Math.min(min, distanceKm(p, g.getGeometryN(i)));
            }
            return min;
        }
        Geometry target = g;
        if (g instanceof Polygonal) {
            if (g.covers(p)) return 0;
            target = g.getBoundary();
        }
        Geometry plane = azimuthalEquidistant(densify(target), p.getX(), p.getY());
        return plane.distance(plane.getFactory().createPoint(new Coordinate(0, 0))) / 1000;
    }

    /**
     * A lon/lat envelope that contains every point within {@code km} of (lon, lat), for taking
     * candidates from a spatial index before deciding geodesically. Latitude bounds are the geodesic
     * Direct solutions due north and south; the longitude half-width is the Direct solution due east,
     * widened by cos(lat)/cos(the latitude farthest from the equator the circle reaches), since a
     * circle's widest point in longitude lies poleward of its centre. A 1 % margin covers what remains
     * (the difference is third order in the radius). The envelope does not wrap: a circle that reaches a
     * pole or the antimeridian gets the whole longitude range.
     */
    public static Envelope searchEnvelope(double lon, double lat, double km) {
        if (!(km >= 0) || Double.isInfinite(km)) throw new IllegalArgumentException("km must be finite and not negative");
        double m = km * 1000 * 1.01 + 1;
        double north = WGS84.Direct(lat, lon, 0, m).lat2;
        double south = WGS84.Direct(lat, lon, 180, m).lat2;
        if (km > 5000) return new Envelope(-180, 180, -90, 90);
        boolean northPole = WGS84.Inverse(lat, lon, 90, lon, GeodesicMask.DISTANCE).s12 <= m;
        boolean southPole = WGS84.Inverse(lat, lon, -90, lon, GeodesicMask.DISTANCE).s12 <= m;
        if (northPole || southPole) return new Envelope(-180, 180, southPole ? -90 : south, northPole ? 90 : north);
        double east = WGS84.Direct(lat, lon, 90, m).lon2;
        double halfWidth = Math.abs(normalise(east - lon));
        double farthest = Math.max(Math.abs(north), Math.abs(south));
        halfWidth *= Math.cos(Math.toRadians(lat)) / Math.cos(Math.toRadians(farthest));
        if (lon - halfWidth < -180 || lon + halfWidth > 180) return new Envelope(-180, 180, south, north);
        return new Envelope(lon - halfWidth, lon + halfWidth, south, north);
    }

    /**
     * {@code g} (lon/lat) in the azimuthal equidistant projection centred on (lon0, lat0), in metres:
     * x east, y north. GeographicLib-Java 2.0 carries no {@code AzimuthalEquidistant} class (the C++
     * library does), so this is its definition (Karney 2013 §8): solve the inverse problem from the
     * centre and place the point at (s12 sin azi1, s12 cos azi1). Exact distances from the centre; scale
     * error elsewhere grows as (s/R)²/6, below 0.1 % within 300 km of the centre.
     */
    static Geometry azimuthalEquidistant(Geometry g, double lon0, double lat0) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                Coordinate[] out = new Coordinate[coords.size()];
                for (int i = 0; i < out.length; i++) out[i] = forward(lon0, lat0, coords.getX(i), coords.getY(i));
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(g);
    }

    /** One position in the azimuthal equidistant projection centred on (lon0, lat0), in metres. */
    static Coordinate forward(double lon0, double lat0, double lon, double lat) {
        GeodesicData d = WGS84.Inverse(lat0, lon0, lat, lon, GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        double azi = Math.toRadians(d.azi1);
        return new Coordinate(d.s12 * Math.sin(azi), d.s12 * Math.cos(azi));
    }

    /**
     * {@code g} with vertices added along each geodesic edge so that no segment exceeds 250 m; the
     * original vertices are kept. Rings stay closed.
     */
    static Geometry densify(Geometry g) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                CoordinateList out = new CoordinateList();
                for (int i = 0; i < coords.size(); i++) {
                    if (i > 0) addBetween(coords.getCoordinate(i - 1), coords.getCoordinate(i), out);
                    out.add(new Coordinate(coords.getX(i), coords.getY(i)), true);
                }
                return factory.getCoordinateSequenceFactory().create(out.toCoordinateArray());
            }
        }.transform(g);
    }

    private static void addBetween(Coordinate a, Coordinate b, CoordinateList out) {
        GeodesicLine line = WGS84.InverseLine(a.y, a.x, b.y, b.x,
                GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        int n = (int) Math.ceil(line.Distance() / MAX_SEGMENT_M);
        for (int k = 1; k < n; k++) {
            GeodesicData d = line.Position(line.Distance() * k / n,
                    GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.LONG_UNROLL);
            out.add(new Coordinate(d.lon2, d.lat2), false);
        }
    }

    /** Karney 2013 §6: the area of a geodesic polygon; PolygonArea closes the ring itself. */
    private static double ringArea(LineString ring) {
        PolygonArea area = new PolygonArea(WGS84, false);
        CoordinateSequence c = ring.getCoordinateSequence();
        int n = ring.isClosed() ? c.size() - 1 : c.size();
        for (int i = 0; i < n; i++) area.AddPoint(c.getY(i), c.getX(i));
        return Math.abs(area.Compute(false, true).area);
    }

    private static double lineLength(LineString line) {
        CoordinateSequence c = line.getCoordinateSequence();
        double m = 0;
        for (int i = 1; i < c.size(); i++) {
            m += WGS84.Inverse(c.getY(i - 1), c.getX(i - 1), c.getY(i), c.getX(i), GeodesicMask.DISTANCE).s12;
        }
        return m;
    }

    private static double normalise(double degrees) {
        double d = degrees % 360;
        return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
    }
}
