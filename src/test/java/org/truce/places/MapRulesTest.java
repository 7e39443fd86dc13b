package org.truce.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Role;
import org.truce.record.Violation;
import org.truce.support.MemoryRecord;

/** The map's input rules against a record in memory: features, their geometry versions and point statuses. */
class MapRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2021, 1, 11);
    private static final String SQUARE = "POLYGON ((46.7 39.8, 46.8 39.8, 46.8 39.9, 46.7 39.9, 46.7 39.8))";
    private static final String LINE = "LINESTRING (46.7 39.8, 46.8 39.9)";
    private MemoryRecord record;
    private MapRules rules;

    @BeforeEach
    void aRecordWithTwoSourcesAZoneALineAndACheckpoint() {
        record = new MemoryRecord();
        record.source("ru-mod", Role.PEACEKEEPERS);
        record.source("am-government", Role.PARTY);
        record.place("nk", "region", null, null);
        record.feature("pk-zone", FeatureKind.ZONE, "peacekeeping_zone");
        record.feature("contact-line", FeatureKind.LINE, "line_of_contact");
        record.feature("lachin-cp", FeatureKind.POINT, "checkpoint");
        record.feature("shusha", FeatureKind.POINT, "settlement");
        rules = new MapRules(record.map(), record.figures());
    }

    @AfterEach
    void close() {
        record.close();
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(GeometryInput.FACTORY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static MapFact geometry(String feature, String wkt, String from, String source, String party, String controlledBy) {
        return new MapFact.GeometryRecorded(new GeometryVersion("00000000-0000-4000-8000-0000000000aa", feature, wkt(wkt),
                from == null ? null : LocalDate.parse(from), null, GeometryVersion.MAIN, party, controlledBy, source, null, List.of()));
    }

    private static MapFact status(String feature, String status, String from) {
        return new MapFact.StatusReported(new StatusReport("00000000-0000-4000-8000-0000000000bb", feature, status,
                LocalDate.parse(from), "ru-mod", MemoryRecord.DOCUMENT));
    }

    private List<Violation> check(MapFact fact) {
        return rules.check(fact, "", Map.of(), TODAY);
    }

    @Test
    void a_zone_drawn_as_a_polygon_by_a_known_source_breaks_no_rule() {
        assertThat(check(geometry("pk-zone", SQUARE, "2020-11-10", "ru-mod", null, null))).isEmpty();
    }

    @Test
    void a_feature_may_draw_only_a_place_the_catalog_knows() {
        var feature = new MapFact.FeatureDeclared(new Feature("lachin", FeatureKind.ZONE, "corridor",
                List.of(new PlaceName("en", "Lachin corridor", List.of(PlaceName.COMMON))), "lachin-district", false));

        assertThat(check(feature)).containsExactly(new Violation("/place", "unknown place: lachin-district"));
    }

    @Test
    void a_line_takes_a_line_and_a_zone_an_area() {
        assertThat(check(geometry("contact-line", SQUARE, "2020-11-10", "ru-mod", null, null))).containsExactly(
                new Violation("/geometry", "a line takes a LineString or MultiLineString, not a Polygon"));
        assertThat(check(geometry("pk-zone", LINE, "2020-11-10", "ru-mod", null, null))).containsExactly(
                new Violation("/geometry", "a zone takes a Polygon or MultiPolygon, not a LineString"));
    }

    @Test
    void a_geometry_of_an_undeclared_feature_is_refused_unless_the_request_declares_it_first() {
        MapFact drawn = geometry("buffer-1", SQUARE, "2020-11-10", "ru-mod", null, null);
        Feature buffer = new Feature("buffer-1", FeatureKind.ZONE, "buffer", List.of(), null, false);

        assertThat(check(drawn)).containsExactly(new Violation("/feature", "unknown feature: buffer-1 (declare it first)"));
        assertThat(rules.check(drawn, "/1", Map.of("buffer-1", buffer), TODAY)).isEmpty();
    }

    @Test
    void control_is_recorded_for_areas_of_control_only() {
        assertThat(check(geometry("pk-zone", SQUARE, "2020-11-10", "ru-mod", null, "am-government"))).containsExactly(
                new Violation("/controlledBy", "is for areas of control only; pk-zone is a peacekeeping_zone"));
    }

    @Test
    void every_body_a_geometry_names_must_be_in_the_catalog() {
        assertThat(check(geometry("pk-zone", SQUARE, "2020-11-10", "nobody", "somebody", null))).containsExactly(
                new Violation("/source", "unknown source: nobody"),
                new Violation("/party", "unknown source: somebody"));
    }

    @Test
    void a_geometry_is_valid_from_a_date_between_1900_and_2099() {
        assertThat(check(geometry("pk-zone", SQUARE, "2100-01-01", "ru-mod", null, null))).containsExactly(
                new Violation("/validFrom", "must lie between 1900-01-01 and 2099-12-31"));
    }

    @Test
    void a_checkpoint_is_open_closed_or_restricted_and_a_settlement_has_no_status() {
        assertThat(check(status("lachin-cp", "open", "2021-01-11"))).isEmpty();
        assertThat(check(status("lachin-cp", "damaged", "2021-01-11"))).containsExactly(
                new Violation("/status", "must be one of [open, closed, restricted] for a checkpoint"));
        assertThat(check(status("shusha", "open", "2021-01-11"))).containsExactly(
                new Violation("/feature", "a settlement has no status; checkpoints, border crossings and heritage sites do"));
    }

    @Test
    void a_status_may_not_start_after_today() {
        assertThat(check(status("lachin-cp", "closed", "2021-01-12"))).containsExactly(
                new Violation("/from", "must lie between 1900-01-01 and 2021-01-11"));
    }
}
