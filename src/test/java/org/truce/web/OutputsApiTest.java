package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.truce.catalog.FeatureKind;
import org.truce.support.TestNode;

/**
 * The exports over real HTTP against the demo: every table as CSV with its HXL hashtag row, the
 * ACLED-style incidents with an optional hashtag row, and every map layer as RFC 7946 GeoJSON.
 */
class OutputsApiTest {
    /** Every table of the API, with a query that has rows in the demo. */
    static final List<String> TABLES = List.of("/api/v1/sources?", "/api/v1/metrics?", "/api/v1/places?",
            "/api/v1/figures/series?metric=returnees&source=ru-unnamed&place=nk&from=2020-12-01&to=2021-01-11&",
            "/api/v1/figures/reconciled?metric=returnees&place=nk&asOf=2021-01-11&",
            "/api/v1/agreements?", "/api/v1/obligations?asOf=2021-01-11&", "/api/v1/obligations/overdue?asOf=2021-12-31&",
            "/api/v1/obligations/upcoming?from=2020-11-10&days=3660&", "/api/v1/assessments?", "/api/v1/working-groups?",
            "/api/v1/meetings?", "/api/v1/incidents?", "/api/v1/nil-reports?", "/api/v1/publications?");
    /** The region of the model case, generously: Armenia, Azerbaijan and their borders. */
    static final double MIN_LON = 43, MAX_LON = 51, MIN_LAT = 38, MAX_LAT = 42;
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return org.truce.support.TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_table_is_a_csv_with_a_header_and_an_hxl_hashtag_row() throws Exception {
        for (String table : TABLES) {
            HttpResponse<String> r = get(table + "format=csv");
            assertThat(r.statusCode()).as(table).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(table).hasValue("text/csv; charset=utf-8");
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).as(table).startsWith("attachment; filename=\"truce-");
            assertThat(r.body()).as(table).endsWith("\r\n");
            List<String> lines = Arrays.asList(r.body().split("\r\n"));
            assertThat(lines).as(table).hasSizeGreaterThan(2);
            List<String> tags = List.of(lines.get(1).split(",", -1));
            assertThat(tags).as(table).allSatisfy(t -> assertThat(t).matches("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*"));
            assertThat(tags).as(table).hasSameSizeAs(lines.get(0).split(",", -1));
        }
    }

    @Test
    void the_csv_has_the_rows_of_the_json_and_tags_them_with_the_standard_hashtags() throws Exception {
        String csv = get("/api/v1/sources?format=csv").body();
        List<String> header = List.of(csv.split("\r\n")[0].split(","));
        List<String> tags = List.of(csv.split("\r\n")[1].split(","));
        assertThat(tags.get(header.indexOf("id"))).isEqualTo("#meta+id");
        assertThat(tags.get(header.indexOf("names.en"))).isEqualTo("#org+name+i_en");
        assertThat(tags.get(header.indexOf("names.ru"))).isEqualTo("#org+name+i_ru");
        int rows = csv.split("\r\n").length - 2;
        assertThat(rows).isEqualTo(node.get("/api/v1/sources?limit=1000").json().get("total").asInt());

        String series = get(TABLES.get(3) + "format=csv").body();
        List<String> sh = List.of(series.split("\r\n")[0].split(","));
        List<String> st = List.of(series.split("\r\n")[1].split(","));
        assertThat(st.get(sh.indexOf("date"))).isEqualTo("#date");
        assertThat(st.get(sh.indexOf("value"))).isEqualTo("#indicator+value+num");
        assertThat(st.get(sh.indexOf("source"))).isEqualTo("#meta+source");
        assertThat(st.get(sh.indexOf("metric"))).isEqualTo("#indicator+code");
        assertThat(series).contains("\r\nreturnees,ru-unnamed,nk,");
        // 1 December 2020 to 11 January 2021: one row a day
        assertThat(series.split("\r\n")).hasSize(2 + 42);
        assertThat(series).contains(",2021-01-11,48241,");
    }

    @Test
    void a_cell_that_a_spreadsheet_would_run_is_defused() throws Exception {
        String body = "{\"id\":\"src-formula\",\"roles\":[\"media\"],\"partOf\":null,\"names\":{\"en\":\"=HYPERLINK(\\\"http://x\\\")\"},\"reportsOn\":[]}";
        assertThat(node.post("/api/v1/sources", body, node.token).status()).isEqualTo(201);
        String csv = get("/api/v1/sources?format=csv").body();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").doesNotContain(",=HYPERLINK");
    }

    @Test
    void a_format_that_is_not_offered_is_refused_by_name() throws Exception {
        var r = node.get("/api/v1/sources?format=ods");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("format");
        assertThat(node.get("/api/v1/incidents/export.csv?hxl=yes").body()).contains("hxl");
    }

    @Test
    void the_acled_export_stays_as_it_was_and_takes_an_hxl_row_when_asked() throws Exception {
        String plain = get("/api/v1/incidents/export.csv").body();
        String hxl = get("/api/v1/incidents/export.csv?hxl=true").body();
        List<String> p = List.of(plain.split("\r\n"));
        List<String> h = List.of(hxl.split("\r\n"));
        assertThat(p.get(0)).startsWith("event_date,event_type,sub_event_type,actor1");
        assertThat(p.get(1)).doesNotStartWith("#");
        assertThat(h.get(0)).isEqualTo(p.get(0));
        assertThat(h.get(1)).startsWith("#date+occurred,#event+type,#event+type+sub,");
        assertThat(h.get(1).split(",")).hasSameSizeAs(p.get(0).split(","));
        assertThat(h.subList(2, h.size())).isEqualTo(p.subList(1, p.size()));
    }

    @Test
    void every_feature_kind_has_an_rfc7946_layer_in_lon_lat_with_counterclockwise_exteriors() throws Exception {
        for (FeatureKind kind : FeatureKind.values()) {
            HttpResponse<String> r = get("/api/v1/layers/" + kind.wire() + "?asOf=2021-01-11&download=1");
            assertThat(r.statusCode()).as(kind.wire()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/geo+json");
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"truce-" + kind.wire() + "-2021-01-11.geojson\"");
            JsonNode fc = TestNode.JSON.readTree(r.body());
            assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(fc.has("crs")).isFalse();
            assertThat(fc.get("features").size()).as(kind.wire()).isPositive();
            for (JsonNode f : fc.get("features")) {
                assertThat(f.has("crs")).isFalse();
                checkGeometry(f.get("geometry"), kind.wire() + " " + f.get("id").asText());
            }
        }
        assertThat(get("/api/v1/layers/zone?asOf=2021-01-11").headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(node.get("/api/v1/layers/zone?download=maybe").status()).isEqualTo(400);
    }

    @Test
    void a_layer_asked_as_of_an_earlier_day_shows_that_day() throws Exception {
        JsonNode before = TestNode.JSON.readTree(get("/api/v1/layers/zone?asOf=2020-11-01").body());
        JsonNode after = TestNode.JSON.readTree(get("/api/v1/layers/zone?asOf=2021-01-11").body());
        assertThat(before.get("asOf").asText()).isEqualTo("2020-11-01");
        assertThat(after.get("asOf").asText()).isEqualTo("2021-01-11");
        assertThat(ids(before)).isNotEqualTo(ids(after));
    }

    private static List<String> ids(JsonNode fc) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : fc.get("features")) out.add(f.get("id").asText());
        return out;
    }

    private static void checkGeometry(JsonNode g, String what) {
        JsonNode c = g.get("coordinates");
        switch (g.get("type").asText()) {
            case "Point" -> position(c, what);
            case "LineString" -> c.forEach(p -> position(p, what));
            case "MultiLineString" -> c.forEach(l -> l.forEach(p -> position(p, what)));
            case "Polygon" -> polygon(c, what);
            case "MultiPolygon" -> c.forEach(p -> polygon(p, what));
            default -> throw new AssertionError(what + ": unexpected geometry " + g.get("type"));
        }
    }

    /** RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise. */
    private static void polygon(JsonNode rings, String what) {
        for (int i = 0; i < rings.size(); i++) {
            List<Coordinate> ring = new ArrayList<>();
            for (JsonNode p : rings.get(i)) {
                position(p, what);
                ring.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
            }
            assertThat(ring.get(0)).as(what + " ring closed").isEqualTo(ring.get(ring.size() - 1));
            assertThat(Orientation.isCCW(ring.toArray(new Coordinate[0]))).as(what + " ring " + i).isEqualTo(i == 0);
        }
    }

    /** [lon, lat], within the region: a swapped pair (lat 46, lon 40) would fall outside it. */
    private static void position(JsonNode p, String what) {
        assertThat(p.size()).as(what).isEqualTo(2);
        assertThat(p.get(0).asDouble()).as(what + " lon").isBetween(MIN_LON, MAX_LON);
        assertThat(p.get(1).asDouble()).as(what + " lat").isBetween(MIN_LAT, MAX_LAT);
    }
}
