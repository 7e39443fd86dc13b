package org.truce.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class LineComparisonTest {
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    @Test
    void two_lines_3_km_apart_are_3_km_apart_by_hausdorff() {
        List<Coordinate> west = new ArrayList<>(), east = new ArrayList<>();
        for (double lat = 39.50; lat <= 39.80 + 1e-9; lat += 0.02) {
            west.add(new Coordinate(46.5, lat));
            // Due east from a meridian the geodesic is perpendicular to it: each vertex is 3 km from the west line.
            GeodesicData d = Geodesic.WGS84.Direct(lat, 46.5, 90, 3000);
            east.add(new Coordinate(d.lon2, d.lat2));
        }
        double km = LineComparison.hausdorffKm(line(west), line(east));
        assertThat(km).isCloseTo(3.0, within(3.0 * 0.005));
        assertThat(LineComparison.hausdorffKm(line(east), line(west))).isEqualTo(km);
    }

    @Test
    void a_line_is_at_hausdorff_distance_zero_from_itself() {
        LineString l = line(List.of(new Coordinate(46.6, 39.7), new Coordinate(46.8, 39.8)));
        assertThat(LineComparison.hausdorffKm(l, l)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void a_line_and_one_point_further_along_are_as_far_apart_as_the_extension() {
        LineString shortLine = line(List.of(new Coordinate(46.6, 39.7), new Coordinate(46.6, 39.8)));
        LineString longer = line(List.of(new Coordinate(46.6, 39.7), new Coordinate(46.6, 39.9)));
        assertThat(LineComparison.hausdorffKm(shortLine, longer))
                .isCloseTo(Geodesy.distanceKm(46.6, 39.8, 46.6, 39.9), within(0.001));
    }

    /** The region is about 200 km across: the shared projection must distort it by < 0.1 %. */
    @Test
    void the_projection_distorts_distances_across_a_200_km_region_by_less_than_a_tenth_of_a_percent() {
        double lon0 = 46.7, lat0 = 39.8;
        List<Coordinate> lonLat = new ArrayList<>();
        for (int azimuth = 0; azimuth < 360; azimuth += 20) {
            for (double km : new double[] {5, 50, 100}) {
                GeodesicData d = Geodesic.WGS84.Direct(lat0, lon0, azimuth, km * 1000);
                lonLat.add(new Coordinate(d.lon2, d.lat2));
            }
        }
        for (Coordinate a : lonLat) {
            for (Coordinate b : lonLat) {
                if (a == b) continue;
                double planar = Geodesy.forward(lon0, lat0, a.x, a.y).distance(Geodesy.forward(lon0, lat0, b.x, b.y));
                double geodesic = Geodesic.WGS84.Inverse(a.y, a.x, b.y, b.x).s12;
                assertThat(planar).as("%s to %s", a, b).isCloseTo(geodesic, within(geodesic * 0.001));
            }
        }
    }

    @Test
    void the_symmetric_difference_of_two_offset_squares_is_the_sum_of_their_non_overlapping_parts()
            throws ParseException {
        WKTReader wkt = new WKTReader(FACTORY);
        Geometry a = wkt.read("POLYGON ((46.70 39.800, 46.72 39.800, 46.72 39.820, 46.70 39.820, 46.70 39.800))");
        Geometry b = wkt.read("POLYGON ((46.71 39.805, 46.73 39.805, 46.73 39.825, 46.71 39.825, 46.71 39.805))");
        // The two L-shaped parts, drawn by hand rather than by an overlay.
        Geometry onlyA = wkt.read("POLYGON ((46.70 39.800, 46.72 39.800, 46.72 39.805, 46.71 39.805, 46.71 39.820,"
                + " 46.70 39.820, 46.70 39.800))");
        Geometry onlyB = wkt.read("POLYGON ((46.72 39.805, 46.73 39.805, 46.73 39.825, 46.71 39.825, 46.71 39.820,"
                + " 46.72 39.820, 46.72 39.805))");
        double expected = Geodesy.areaHectares(onlyA) + Geodesy.areaHectares(onlyB);
        assertThat(expected).isBetween(400.0, 600.0);
        assertThat(LineComparison.symmetricDifferenceHectares(a, b)).isCloseTo(expected, within(expected * 1e-9));
        assertThat(LineComparison.symmetricDifferenceHectares(a, a)).isZero();
    }

    private static LineString line(List<Coordinate> coordinates) {
        return FACTORY.createLineString(coordinates.toArray(Coordinate[]::new));
    }
}
