package org.truce.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.truce.catalog.FeatureKind;
import org.truce.support.TestNode;

/**
 * The classifier against the map's own queries on the demo map, position by position: the same
 * covering zones and the same nearest heritage site at the same distance.
 */
class PointClassifierTest {
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    @TempDir
    static Path dir;
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-11-10", "2020-11-25"})
    void agrees_with_containing_and_nearest_at_2000_random_positions(String day) {
        LocalDate asOf = LocalDate.parse(day);
        MapBook map = node.truce.map();
        long size = node.truce.ledger().size();
        PointClassifier classifier = PointClassifier.build(map, asOf, size);
        Random random = new Random(20201110L + asOf.getDayOfMonth());
        int covered = 0;
        for (int i = 0; i < 2000; i++) {
            double lon = 46.0 + 1.5 * random.nextDouble(), lat = 39.3 + 1.1 * random.nextDouble();
            Point p = FACTORY.createPoint(new Coordinate(lon, lat));
            PointClassifier.Classified got = classifier.classify(lon, lat);
            assertThat(got.zones()).as("zones at %s %s", lon, lat)
                    .isEqualTo(map.containing(p, asOf, size).stream().map(d -> d.version().feature()).toList());
            MapBook.Hit nearest = map.nearest(p, FeatureKind.POINT, "heritage_site", asOf, size).orElseThrow();
            assertThat(got.site()).as("site nearest %s %s", lon, lat).isEqualTo(nearest.drawn().version().feature());
            assertThat(got.km()).isCloseTo(nearest.km(), within(0.001));
            if (!got.zones().isEmpty()) covered++;
        }
        assertThat(covered).as("positions covered by some zone").isGreaterThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-11-10", "2020-11-25"})
    void the_handed_over_district_is_a_different_zone_on_each_side_of_the_handover(String day) {
        LocalDate asOf = LocalDate.parse(day);
        PointClassifier classifier = PointClassifier.build(node.truce.map(), asOf, node.truce.ledger().size());
        assertThat(classifier.zones()).extracting(d -> d.version().feature())
                .contains(asOf.isBefore(LocalDate.of(2020, 11, 25)) ? "zone-kalbajar-pre-handover" : "zone-kalbajar-handover");
        assertThat(classifier.sites()).hasSize(7);
    }

    @Test
    void zone_vertices_and_the_sites_themselves_agree_too() {
        LocalDate asOf = LocalDate.of(2020, 11, 25);
        MapBook map = node.truce.map();
        long size = node.truce.ledger().size();
        PointClassifier classifier = PointClassifier.build(map, asOf, size);
        List<Coordinate> at = new ArrayList<>();
        for (Drawn d : classifier.zones()) at.addAll(List.of(d.version().geometry().getCoordinates()));
        for (Drawn d : classifier.sites()) at.add(d.version().geometry().getCoordinate());
        for (Coordinate c : at) {
            Point p = FACTORY.createPoint(c);
            PointClassifier.Classified got = classifier.classify(c.x, c.y);
            assertThat(got.zones()).as("zones at %s", c)
                    .isEqualTo(map.containing(p, asOf, size).stream().map(d -> d.version().feature()).toList());
            MapBook.Hit nearest = map.nearest(p, FeatureKind.POINT, "heritage_site", asOf, size).orElseThrow();
            assertThat(got.site()).isEqualTo(nearest.drawn().version().feature());
            assertThat(got.km()).isCloseTo(nearest.km(), within(0.001));
        }
    }

    @Test
    void a_nan_ordinate_is_refused() {
        PointClassifier classifier = PointClassifier.build(node.truce.map(), LocalDate.of(2020, 11, 25), node.truce.ledger().size());
        assertThatThrownBy(() -> classifier.classify(Double.NaN, 40.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ordinates must not be NaN");
    }
}
