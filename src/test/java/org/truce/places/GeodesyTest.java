package org.truce.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DistanceToPoint;
import org.locationtech.jts.algorithm.distance.PointPairDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Geodesy against reference values computed once with PostGIS {@code geography} and committed in
 * {@code geo/reference-values.csv} (how they were computed is in its header); PostGIS is not needed
 * here. Agreement is required within 0.1 %, the issue's bar.
 */
class GeodesyTest {
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static List<Reference> references;

    record Reference(Geometry geometry, String measure, double value, String unit) {}

    @BeforeAll
    static void readReferences() throws IOException, ParseException {
        try (InputStream in = GeodesyTest.class.getResourceAsStream("/geo/reference-values.csv")) {
            WKTReader wkt = new WKTReader(FACTORY);
            var rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("wkt;")).toList();
            var parsed = new java.util.ArrayList<Reference>();
            for (String row : rows) {
                String[] f = row.split(";");
                parsed.add(new Reference(wkt.read(f[0]), f[1], Double.parseDouble(f[2]), f[3]));
            }
            references = List.copyOf(parsed);
        }
    }

    private static List<Reference> of(String measure) {
        List<Reference> rows = references.stream().filter(r -> r.measure().equals(measure)).toList();
        assertThat(rows).as("reference rows for %s", measure).isNotEmpty();
        return rows;
    }

    private static void agree(double actual, double expected, Reference r) {
        assertThat(actual).as("%s of %s", r.measure(), r.geometry())
                .isCloseTo(expected, within(Math.max(Math.abs(expected) * 0.001, 1e-9)));
    }

    @Test
    void areas_agree_with_postgis_geography_within_a_tenth_of_a_percent() {
        assertThat(of("area")).hasSizeGreaterThanOrEqualTo(8);
        for (Reference r : of("area")) agree(Geodesy.areaHectares(r.geometry()), r.value() / 10_000, r);
    }

    @Test
    void lengths_and_perimeters_agree_with_postgis_geography_within_a_tenth_of_a_percent() {
        assertThat(of("length")).hasSizeGreaterThanOrEqualTo(6);
        for (Reference r : of("length")) agree(Geodesy.lengthKm(r.geometry()), r.value() / 1000, r);
        for (Reference r : of("perimeter")) agree(Geodesy.lengthKm(r.geometry()), r.value() / 1000, r);
    }

    @Test
    void distances_from_a_point_agree_with_postgis_geography_within_a_tenth_of_a_percent() {
        assertThat(of("distance")).hasSizeGreaterThanOrEqualTo(10);
        for (Reference r : of("distance")) {
            Point p = (Point) r.geometry().getGeometryN(0);
            Geometry other = r.geometry().getGeometryN(1);
            agree(Geodesy.distanceKm(p, other), r.value() / 1000, r);
            if (other instanceof Point q) agree(Geodesy.distanceKm(p.getX(), p.getY(), q.getX(), q.getY()), r.value() / 1000, r);
        }
    }

    @Test
    void a_ring_given_clockwise_has_the_same_area_as_counter_clockwise() throws ParseException {
        WKTReader wkt = new WKTReader(FACTORY);
        Geometry ccw = wkt.read("POLYGON ((46.7 39.8, 46.7117 39.8, 46.7117 39.809, 46.7 39.809, 46.7 39.8))");
        assertThat(Geodesy.areaHectares(ccw.reverse())).isEqualTo(Geodesy.areaHectares(ccw)).isBetween(99.0, 101.0);
    }

    @Test
    void lines_and_points_have_no_area_and_points_no_length() throws ParseException {
        WKTReader wkt = new WKTReader(FACTORY);
        assertThat(Geodesy.areaHectares(wkt.read("LINESTRING (46 40, 46.1 40)"))).isZero();
        assertThat(Geodesy.areaHectares(wkt.read("POINT (46 40)"))).isZero();
        assertThat(Geodesy.lengthKm(wkt.read("MULTIPOINT ((46 40), (46.1 40))"))).isZero();
    }

    @Test
    void a_point_inside_a_polygon_or_on_its_boundary_is_at_distance_zero() throws ParseException {
        Geometry square = new WKTReader(FACTORY).read("POLYGON ((46.6 39.7, 46.8 39.7, 46.8 39.85, 46.6 39.85, 46.6 39.7))");
        assertThat(Geodesy.distanceKm(point(46.7, 39.8), square)).isZero();
        assertThat(Geodesy.distanceKm(point(46.6, 39.8), square)).isZero();
    }

    @Test
    void the_azimuthal_equidistant_projection_keeps_every_distance_from_its_centre() {
        double lon0 = 46.7, lat0 = 39.8;
        for (int azimuth = 0; azimuth < 360; azimuth += 15) {
            for (double km : new double[] {0.1, 10, 300, 1000}) {
                GeodesicData d = Geodesic.WGS84.Direct(lat0, lon0, azimuth, km * 1000);
                Coordinate c = Geodesy.forward(lon0, lat0, d.lon2, d.lat2);
                assertThat(Math.hypot(c.x, c.y)).as("azimuth %d, %s km", azimuth, km).isCloseTo(km * 1000, within(1e-6));
            }
        }
    }

    /** Backs the javadoc of {@link Geodesy#distanceKm(Point, Geometry)}: the chord error is below 1 mm. */
    @Test
    void a_250_m_chord_in_the_projection_strays_from_the_geodesic_by_less_than_a_millimetre() {
        double lon0 = 46.7, lat0 = 39.8;
        for (double km : new double[] {1, 10, 100, 300, 1000}) {
            for (int bearing = 0; bearing < 360; bearing += 30) {
                for (int heading = 0; heading < 180; heading += 30) {
                    GeodesicData a = Geodesic.WGS84.Direct(lat0, lon0, bearing, km * 1000);
                    GeodesicLine edge = Geodesic.WGS84.DirectLine(a.lat2, a.lon2, heading, 250);
                    GeodesicData mid = edge.Position(125), b = edge.Position(250);
                    Coordinate pa = Geodesy.forward(lon0, lat0, a.lon2, a.lat2);
                    Coordinate pb = Geodesy.forward(lon0, lat0, b.lon2, b.lat2);
                    Coordinate pm = Geodesy.forward(lon0, lat0, mid.lon2, mid.lat2);
                    PointPairDistance gap = new PointPairDistance();
                    DistanceToPoint.computeDistance(FACTORY.createLineString(new Coordinate[] {pa, pb}), pm, gap);
                    assertThat(gap.getDistance()).as("%s km, bearing %d, heading %d", km, bearing, heading).isLessThan(0.001);
                }
            }
        }
    }

    @Test
    void the_search_envelope_holds_every_point_within_the_distance_and_not_much_more() {
        for (double lat : new double[] {-60, 0, 37.5, 39.8, 42.5, 70}) {
            for (double km : new double[] {0.5, 5, 50, 500}) {
                Envelope e = Geodesy.searchEnvelope(46.7, lat, km);
                for (double azimuth = 0; azimuth < 360; azimuth += 0.5) {
                    GeodesicData d = Geodesic.WGS84.Direct(lat, 46.7, azimuth, km * 1000);
                    assertThat(e.contains(d.lon2, d.lat2)).as("lat %s, %s km, azimuth %s", lat, km, azimuth).isTrue();
                }
                Envelope tight = new Envelope();
                for (double azimuth = 0; azimuth < 360; azimuth += 0.5) {
                    GeodesicData d = Geodesic.WGS84.Direct(lat, 46.7, azimuth, km * 1000);
                    tight.expandToInclude(d.lon2, d.lat2);
                }
                if (Math.abs(lat) > 45) continue; // poleward the widening grows; containment is what counts
                double slack = km <= 50 ? 1.05 : 1.10;
                assertThat(e.getWidth()).as("lat %s, %s km", lat, km).isLessThan(tight.getWidth() * slack);
                assertThat(e.getHeight()).as("lat %s, %s km", lat, km).isLessThan(tight.getHeight() * slack);
            }
        }
    }

    @Test
    void a_search_circle_around_a_pole_spans_every_longitude() {
        Envelope e = Geodesy.searchEnvelope(10, 89.5, 100);
        assertThat(e.getMinX()).isEqualTo(-180);
        assertThat(e.getMaxX()).isEqualTo(180);
        assertThat(e.getMaxY()).isEqualTo(90);
    }

    private static Point point(double lon, double lat) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }
}
