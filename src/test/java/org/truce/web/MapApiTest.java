package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/**
 * The map over real HTTP, with geometries whose answers are known: a line along the parallel 41°N
 * and points at known distances north of it (0.01° of latitude is 1.11 km there), squares of known
 * size, and the demo's handover zones for the agreed and actual dates.
 */
class MapApiTest {
    @TempDir
    Path dir;
    TestNode node;

    @BeforeEach
    void start() {
        node = TestNode.withDemo(dir);
        feature("t-line", "line", "line_of_contact");
        feature("t-line-b", "line", "demarcation_proposal");
        feature("t-near", "point", "heritage_site");
        feature("t-far", "point", "heritage_site");
        feature("t-zone", "zone", "buffer");
        feature("t-zone-b", "zone", "buffer");
        feature("t-hazard", "hazard", "suspected");
        feature("t-cleared", "cleared", "cleared");
        feature("t-checkpoint", "point", "checkpoint");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void the_zone_layer_on_25_november_differs_from_10_november_by_the_handed_over_districts() {
        List<String> before = layerFeatures("zone", "2020-11-10");
        List<String> after = layerFeatures("zone", "2020-11-25");
        List<String> gone = new ArrayList<>(before);
        gone.removeAll(after);
        List<String> came = new ArrayList<>(after);
        came.removeAll(before);
        assertThat(gone).containsExactlyInAnyOrder("zone-kalbajar-pre-handover", "zone-aghdam-pre-handover");
        assertThat(came).containsExactlyInAnyOrder("zone-kalbajar-handover", "zone-aghdam-handover");
        // 15 November was the agreed date for Kalbajar; the record follows the actual handover of the 25th
        assertThat(layerFeatures("zone", "2020-11-15")).contains("zone-kalbajar-pre-handover").doesNotContain("zone-kalbajar-handover");
        JsonNode layer = node.get("/api/v1/layers/zone?asOf=2020-11-25").json();
        assertThat(layer.get("notice").asText()).contains("illustrative, not authoritative");
    }

    @Test
    void a_layer_can_be_asked_as_the_record_knew_it() {
        long size = node.truce.ledger().size();
        String id = geometry("t-zone", "POLYGON ((44.00 41.00, 44.01 41.00, 44.01 41.01, 44.00 41.01, 44.00 41.00))", "2021-01-01", null);
        assertThat(layerFeatures("zone", "2021-02-01")).contains("t-zone");
        assertThat(node.get("/api/v1/layers/zone?asOf=2021-02-01&atSize=" + size).body()).doesNotContain(id);
        assertThat(layerFeatures("zone", "2020-12-31")).doesNotContain("t-zone");
    }

    @Test
    void within_and_nearest_decide_geodesically() {
        geometry("t-line", "LINESTRING (44.00 41.00, 44.20 41.00)", null, null);
        geometry("t-near", "POINT (44.10 41.04)", null, null);   // 4.44 km north of the line
        geometry("t-far", "POINT (44.10 41.05)", null, null);    // 5.55 km north of it
        JsonNode within = node.get("/api/v1/map/within?feature=t-line&km=5&kind=point&class=heritage_site&asOf=2021-01-01").json();
        assertThat(within).hasSize(1);
        assertThat(within.at("/0/properties/feature").asText()).isEqualTo("t-near");
        assertThat(within.at("/0/properties/distanceKm").asDouble()).isCloseTo(4.44, within(0.01));
        JsonNode nearest = node.get("/api/v1/map/nearest?lon=44.10&lat=41.06&kind=point&class=heritage_site&asOf=2021-01-01").json();
        assertThat(nearest.at("/properties/feature").asText()).isEqualTo("t-far");
        assertThat(nearest.at("/properties/distanceKm").asDouble()).isCloseTo(1.11, within(0.01));
    }

    @Test
    void containing_answers_the_zones_of_a_point_as_of_a_day() {
        geometry("t-zone", "POLYGON ((44.00 41.00, 44.01 41.00, 44.01 41.01, 44.00 41.01, 44.00 41.00))", "2021-01-01", "2021-02-01");
        assertThat(features(node.get("/api/v1/map/containing?lon=44.005&lat=41.005&asOf=2021-01-15").json())).containsExactly("t-zone");
        assertThat(features(node.get("/api/v1/map/containing?lon=44.005&lat=41.005&asOf=2021-02-01").json())).isEmpty();
        assertThat(features(node.get("/api/v1/map/containing?lon=44.02&lat=41.005&asOf=2021-01-15").json())).isEmpty();
    }

    @Test
    void two_versions_are_compared_by_hausdorff_distance_and_the_area_between_them() {
        String a = geometry("t-line", "LINESTRING (44.00 41.00, 44.20 41.00)", null, null);
        String b = geometry("t-line-b", "LINESTRING (44.00 41.027, 44.20 41.027)", null, null); // 3.0 km north
        JsonNode lines = node.get("/api/v1/map/compare?a=" + a + "&b=" + b).json();
        assertThat(lines.get("hausdorffKm").asDouble()).isCloseTo(3.0, within(0.02));
        assertThat(lines.get("symmetricDifferenceHa").isNull()).isTrue();
        String za = geometry("t-zone", "POLYGON ((44.00 41.00, 44.02 41.00, 44.02 41.02, 44.00 41.02, 44.00 41.00))", null, null);
        String zb = geometry("t-zone-b", "POLYGON ((44.01 41.00, 44.03 41.00, 44.03 41.02, 44.01 41.02, 44.01 41.00))", null, null);
        JsonNode zones = node.get("/api/v1/map/compare?a=" + za + "&b=" + zb).json();
        double half = node.get("/api/v1/features/t-zone").json().at("/versions/0/properties/areaHa").asDouble() / 2;
        assertThat(zones.get("symmetricDifferenceHa").asDouble()).isCloseTo(2 * half, within(0.5));
    }

    @Test
    void land_release_totals_stand_beside_the_reported_figures_with_the_difference() {
        geometry("t-hazard", "POLYGON ((44.00 41.00, 44.02 41.00, 44.02 41.02, 44.00 41.02, 44.00 41.00))", "2021-01-01", null);
        geometry("t-cleared", "POLYGON ((44.05 41.00, 44.06 41.00, 44.06 41.01, 44.05 41.01, 44.05 41.00))", "2021-01-01", null);
        double cleared = node.get("/api/v1/features/t-cleared").json().at("/versions/0/properties/areaHa").asDouble();
        JsonNode r = node.get("/api/v1/map/land-release?asOf=2021-01-11&place=nk").json();
        // the demo's own sketched areas count too: compare with the totals before this test's
        assertThat(r.at("/areasHa/cleared").asDouble()).isCloseTo(199.2 + cleared, within(0.2));
        JsonNode reported = r.get("reportedLandCleared");
        assertThat(reported).isNotEmpty();
        for (JsonNode f : reported) {
            assertThat(f.get("differenceFromMappedClearedHa").asDouble())
                    .isCloseTo(f.get("valueHa").asDouble() - r.at("/areasHa/cleared").asDouble(), within(0.11));
        }
    }

    @Test
    void a_report_is_resolved_to_the_zones_containing_its_place_on_its_date() {
        String report = firstReportAt("nk");
        JsonNode zones = node.get("/api/v1/reports/" + report + "/zones").json();
        assertThat(features(zones.get("zones"))).contains("zone-nkao-1988");
    }

    @Test
    void each_sources_latest_status_of_a_checkpoint_stands_side_by_side() {
        geometry("t-checkpoint", "POINT (44.10 41.00)", null, null);
        status("t-checkpoint", "closed", "2021-01-02", "ru-peacekeepers");
        status("t-checkpoint", "open", "2021-01-05", "ru-peacekeepers");
        status("t-checkpoint", "restricted", "2021-01-04", "icrc");
        JsonNode s = node.get("/api/v1/features/t-checkpoint?asOf=2021-01-06").json().get("status");
        assertThat(s).hasSize(2);
        assertThat(s.findValuesAsText("status")).containsExactlyInAnyOrder("open", "restricted");
        assertThat(node.get("/api/v1/features/t-checkpoint?asOf=2021-01-03").json().get("status").findValuesAsText("status"))
                .containsExactly("closed");
    }

    @Test
    void bad_geometry_is_refused_naming_the_problem_and_nothing_is_written() {
        long size = node.truce.ledger().size();
        var bowtie = post(geometryBody("t-zone", "POLYGON ((44.00 41.00, 44.02 41.02, 44.02 41.00, 44.00 41.02, 44.00 41.00))", null, null), "");
        assertThat(bowtie.status()).isEqualTo(422);
        assertThat(bowtie.body()).contains("self-intersection").contains("/wkt");
        var swapped = post(geometryBody("t-near", "POINT (41.04 44.10)", null, null), "");
        assertThat(swapped.status()).isEqualTo(422);
        assertThat(swapped.body()).contains("swapped");
        var wrongType = post(geometryBody("t-line", "POINT (44.10 41.04)", null, null), "");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.json().at("/errors/0/pointer").asText()).isEqualTo("/geometry");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
        var repaired = post(geometryBody("t-zone", "POLYGON ((44.00 41.00, 44.02 41.02, 44.02 41.00, 44.00 41.02, 44.00 41.00))", null, null), "?repair=true");
        assertThat(repaired.status()).as(repaired.body()).isEqualTo(201);
        assertThat(repaired.json().get("repairs").get(0).asText()).contains("self-intersection");
    }

    @Test
    void a_layer_is_cut_by_its_bounding_box() {
        geometry("t-zone", "POLYGON ((44.00 41.00, 44.01 41.00, 44.01 41.01, 44.00 41.01, 44.00 41.00))", null, null);
        geometry("t-zone-b", "POLYGON ((44.50 41.50, 44.51 41.50, 44.51 41.51, 44.50 41.51, 44.50 41.50))", null, null);
        List<String> cut = features(node.get("/api/v1/layers/zone?asOf=2021-01-01&bbox=43.9,40.9,44.2,41.2").json().get("features"));
        assertThat(cut).containsExactly("t-zone");
        assertThat(node.get("/api/v1/layers/zone?bbox=44.2,41.2,43.9,40.9").status()).isEqualTo(400);
        assertThat(node.get("/api/v1/layers/nothing").status()).isEqualTo(404);
    }

    @Test
    void the_extent_of_nagorno_karabakh_is_a_stated_geometry() {
        JsonNode places = node.get("/api/v1/places?limit=1000").json().get("items");
        for (JsonNode p : places) {
            if (p.get("id").asText().equals("nk")) assertThat(p.get("extent").asText()).isEqualTo("zone-nkao-1988");
        }
        assertThat(places.findValuesAsText("extent")).contains("zone-nkao-1988");
    }

    @Test
    void the_region_outlines_are_served_with_their_attribution() {
        JsonNode countries = node.get("/api/v1/basemap/countries").json();
        assertThat(countries.get("features")).hasSize(6);
        assertThat(countries.get("attribution").asText()).contains("Natural Earth");
        assertThat(countries.get("notice").asText()).contains("say nothing about who controls what");
    }

    private String firstReportAt(String place) {
        for (var stored : node.truce.ledger().read(0, 1000)) {
            var entry = org.truce.ledger.EntryCodec.decode(stored.bytes());
            if (entry.type().equals("report.filed") && entry.payload().get("place").asText().equals(place)) return entry.clientId();
        }
        throw new IllegalStateException("no report at " + place);
    }

    private List<String> layerFeatures(String kind, String asOf) {
        return features(node.get("/api/v1/layers/" + kind + "?asOf=" + asOf).json().get("features"));
    }

    private static List<String> features(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : array) out.add(f.at("/properties/feature").asText());
        return out;
    }

    private void feature(String id, String kind, String cls) {
        var r = node.post("/api/v1/features", "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"class\":\"" + cls
                + "\",\"names\":[{\"lang\":\"en\",\"name\":\"" + id + "\",\"usedBy\":[\"common\"]}],\"place\":null,\"illustrative\":false}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String geometry(String feature, String wkt, String from, String to) {
        var r = post(geometryBody(feature, wkt, from, to), "");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private TestNode.Response post(String body, String query) {
        return node.post("/api/v1/geometries" + query, body);
    }

    private static String geometryBody(String feature, String wkt, String from, String to) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"feature\":\"" + feature + "\",\"wkt\":\"" + wkt + "\","
                + "\"validFrom\":" + quoted(from) + ",\"validTo\":" + quoted(to) + ",\"source\":\"ru-peacekeepers\","
                + "\"document\":{\"title\":\"Test map\",\"publisher\":\"Test outlet\"}}";
    }

    private void status(String feature, String status, String from, String source) {
        var r = node.post("/api/v1/statuses", "{\"id\":\"" + UUID.randomUUID() + "\",\"feature\":\"" + feature + "\",\"status\":\""
                + status + "\",\"from\":\"" + from + "\",\"source\":\"" + source + "\",\"document\":{\"title\":\"t\",\"publisher\":\"p\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
