package org.truce.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.truce.places.GeometryInput.Ok;
import org.truce.places.GeometryInput.Problem;
import org.truce.places.GeometryInput.Refused;
import org.truce.places.GeometryInput.Result;

class GeometryInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryInput INPUT = new GeometryInput(new Envelope(43.0, 51.0, 37.5, 42.5));
    private static final String BOW_TIE = "POLYGON ((46.5 39.7, 46.6 39.8, 46.6 39.7, 46.5 39.8, 46.5 39.7))";

    @ParameterizedTest(name = "{0} ({1})")
    @CsvFileSource(resources = "/geo/bad-geometries.csv", delimiter = ';', quoteCharacter = '\'', maxCharsPerColumn = 100_000)
    void bad_input_is_refused_naming_the_problem_and_where(String name, String kind, String input, String pointer,
            String fragment) throws Exception {
        Result result = read(kind, input, false);
        assertThat(result).isInstanceOf(Refused.class);
        assertThat(((Refused) result).problems())
                .anySatisfy(p -> {
                    assertThat(p.pointer()).isEqualTo(pointer);
                    assertThat(p.detail()).contains(fragment);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POINT (46.75 39.82)",
        "MULTIPOINT ((46.75 39.82), (46.8 39.9))",
        "LINESTRING (46.6 39.7, 46.68 39.74, 46.75 39.76)",
        "MULTILINESTRING ((46.6 39.7, 46.7 39.75), (46.8 39.8, 46.9 39.9))",
        "POLYGON ((46.6 39.7, 46.8 39.7, 46.8 39.85, 46.6 39.85, 46.6 39.7), (46.65 39.75, 46.65 39.8, 46.72 39.8, 46.72 39.75, 46.65 39.75))",
        "MULTIPOLYGON (((46.7 39.8, 46.71 39.8, 46.71 39.81, 46.7 39.8)), ((47 40, 47.05 40, 47.05 40.04, 47 40.04, 47 40)))"
    })
    void a_valid_geometry_round_trips_through_geojson(String wkt) {
        Geometry read = ok(INPUT.readWkt(wkt, "/wkt", false)).geometry();
        ObjectNode json = GeometryInput.toGeoJson(read);
        Ok again = ok(INPUT.readGeoJson(json, "/geometry", false));
        assertThat(again.repairs()).isEmpty();
        assertThat(again.geometry().equalsExact(read.norm()) || again.geometry().norm().equalsExact(read.norm())).isTrue();
        assertThat(again.geometry().getSRID()).isEqualTo(4326);
        assertThat(GeometryInput.toGeoJson(again.geometry())).isEqualTo(json);
    }

    @Test
    void geojson_is_written_with_exterior_rings_counter_clockwise_and_holes_clockwise() {
        // Exterior given clockwise and the hole counter-clockwise: both the wrong way round for RFC 7946 §3.1.6.
        Geometry g = ok(INPUT.readWkt("POLYGON ((46.6 39.7, 46.6 39.85, 46.8 39.85, 46.8 39.7, 46.6 39.7),"
                + " (46.65 39.75, 46.72 39.75, 46.72 39.8, 46.65 39.8, 46.65 39.75))", "/wkt", false)).geometry();
        Polygon written = (Polygon) ok(INPUT.readGeoJson(GeometryInput.toGeoJson(g), "/geometry", false)).geometry();
        assertThat(Orientation.isCCW(written.getExteriorRing().getCoordinates())).isTrue();
        assertThat(Orientation.isCCW(written.getInteriorRingN(0).getCoordinates())).isFalse();
    }

    @Test
    void geojson_coordinates_are_rounded_to_seven_decimals_and_an_elevation_is_dropped() throws Exception {
        JsonNode in = JSON.readTree("{\"type\":\"Point\",\"coordinates\":[46.123456789,39.87654321,1200]}");
        Geometry g = ok(INPUT.readGeoJson(in, "/geometry", false)).geometry();
        assertThat(GeometryInput.toGeoJson(g).toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[46.1234568,39.8765432]}");
    }

    @Test
    void a_bow_tie_is_refused_without_repair_and_told_it_can_be_repaired() {
        Refused refused = (Refused) INPUT.readWkt(BOW_TIE, "/wkt", false);
        assertThat(refused.problems()).containsExactly(new Problem("/wkt",
                "self-intersection at (46.55, 39.75); send repair=true to have it repaired (JTS GeometryFixer)"));
    }

    @Test
    void a_repaired_bow_tie_becomes_two_triangles_and_the_answer_says_so() {
        Ok ok = ok(INPUT.readWkt(BOW_TIE, "/wkt", true));
        assertThat(ok.geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(ok.geometry().getNumGeometries()).isEqualTo(2);
        assertThat(ok.geometry().isValid()).isTrue();
        double after = Geodesy.areaHectares(ok.geometry());
        assertThat(after).isCloseTo(2 * Geodesy.areaHectares(ok.geometry().getGeometryN(0)), within(after * 1e-3));
        // The bow-tie's two lobes are wound opposite ways, so its ring's net area before repair is nil.
        assertThat(ok.repairs()).containsExactly("self-intersection at (46.55, 39.75) repaired: 1 polygon became 2 polygons"
                + " (Polygon → MultiPolygon); area 0.0 ha → " + String.format(Locale.ROOT, "%.1f", after) + " ha");
    }

    @Test
    void repair_never_closes_a_ring_nor_brings_a_position_into_the_region() throws Exception {
        assertThat(INPUT.readWkt("POLYGON ((46.1 39.9, 46.2 39.9, 46.2 40.0, 46.1 40.0))", "/wkt", true)).isInstanceOf(Refused.class);
        assertThat(INPUT.readGeoJson(JSON.readTree("{\"type\":\"Point\",\"coordinates\":[39.8,46.7]}"), "/geometry", true))
                .isInstanceOf(Refused.class);
        assertThat(INPUT.readWkt("LINESTRING (46.5 39.7)", "/wkt", true)).isInstanceOf(Refused.class);
    }

    @Test
    void a_line_across_the_antimeridian_is_told_so_first_and_then_that_it_leaves_the_region() {
        Refused refused = (Refused) INPUT.readWkt("LINESTRING (179.5 40, -179.5 40)", "/wkt", false);
        assertThat(refused.problems()).hasSize(3).first().isEqualTo(new Problem("/wkt", "line 0 crosses the antimeridian"
                + " between position 0 (179.5, 40) and position 1 (-179.5, 40): cut it in two at longitude 180 (RFC 7946 §3.1.9)"));
    }

    @Test
    void every_position_outside_the_region_is_named_up_to_five_then_counted() {
        Refused refused = (Refused) INPUT.readWkt("LINESTRING (46 39, 52 39, 53 39, 54 39, 55 39, 56 39, 57 39, 58 39)", "/wkt", false);
        List<String> details = refused.problems().stream().map(Problem::detail).toList();
        assertThat(details).hasSize(6).first().asString().startsWith("position 1 of line 0 (52, 39) lies outside the region");
        assertThat(details.get(5)).isEqualTo("and 2 more positions lie outside the region");
    }

    private static Result read(String kind, String input, boolean repair) throws Exception {
        return switch (kind) {
            case "geojson" -> INPUT.readGeoJson(JSON.readTree(input), "/geometry", repair);
            case "wkt" -> INPUT.readWkt(input, "/wkt", repair);
            default -> throw new IllegalArgumentException("kind must be geojson or wkt: " + kind);
        };
    }

    private static Ok ok(Result result) {
        assertThat(result).as("%s", result).isInstanceOf(Ok.class);
        return (Ok) result;
    }
}
