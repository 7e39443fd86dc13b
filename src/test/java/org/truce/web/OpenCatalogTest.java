package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/** An admin amends a metric as a new entry (names, added breakdowns); a report keeps its spokesperson's name. */
class OpenCatalogTest {
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

    private static String amendment(int revision, String unit, String breakdowns) {
        return "{\"id\":\"medical_assistance\",\"revision\":" + revision + ",\"unit\":\"" + unit + "\",\"breakdowns\":" + breakdowns
                + ",\"names\":{\"en\":\"people given medical care\",\"ru\":\"получившие медицинскую помощь\"}}";
    }

    private static JsonNode metric(String query) {
        for (JsonNode m : node.get("/api/v1/metrics?limit=1000" + query).json().get("items")) {
            if (m.get("id").asText().equals("medical_assistance")) return m;
        }
        return null;
    }

    @Test
    void an_amendment_is_the_next_version_from_its_record_time_on_and_keeps_unit_and_breakdowns() {
        long before = node.get("/api/v1/ledger/head").json().get("size").asLong();
        assertThat(node.post("/api/v1/metrics", amendment(3, "people", "[\"children\",\"women\"]"), node.token).json()
                .at("/errors/0/detail").asText()).contains("must be 2");
        TestNode.Response unit = node.post("/api/v1/metrics", amendment(2, "items", "[\"children\"]"), node.token);
        assertThat(unit.status()).isEqualTo(422);
        assertThat(unit.json().at("/errors/0/pointer").asText()).isEqualTo("/unit");
        TestNode.Response dropped = node.post("/api/v1/metrics", amendment(2, "people", "[\"women\"]"), node.token);
        assertThat(dropped.status()).isEqualTo(422);
        assertThat(dropped.json().at("/errors/0/detail").asText()).contains("must keep children");

        TestNode.Response amended = node.post("/api/v1/metrics", amendment(2, "people", "[\"children\",\"women\"]"), node.token);
        assertThat(amended.status()).as(amended.body()).isEqualTo(201);
        assertThat(node.post("/api/v1/metrics", amendment(2, "people", "[\"children\",\"women\"]"), node.token).status())
                .as("a retry").isEqualTo(200);
        assertThat(metric("").get("names").get("en").asText()).isEqualTo("people given medical care");
        assertThat(metric("").get("breakdowns").toString()).isEqualTo("[\"children\",\"women\"]");
        assertThat(metric("&atSize=" + before).get("names").get("en").asText()).isEqualTo("people given medical assistance");

        // the new breakdown is accepted in reports from now on
        var report = Reports.valid(UUID.randomUUID().toString());
        report.put("value", 1302).putObject("breakdown").put("children", 160).put("women", 500);
        assertThat(node.post("/api/v1/reports", report.toString(), node.token).status()).isEqualTo(201);
    }

    @Test
    void a_report_keeps_the_name_of_the_spokesperson_who_gave_it() {
        String id = UUID.randomUUID().toString();
        var report = Reports.valid(id).put("value", 1301).put("spokesperson", "Igor Konashenkov");
        TestNode.Response filed = node.post("/api/v1/reports", report.toString(), node.token);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String entry = node.get("/api/v1/ledger/entries?from=" + filed.json().get("seq").asLong() + "&limit=1").json()
                .at("/entries/0/entry/payload/spokesperson").asText();
        assertThat(entry).isEqualTo("Igor Konashenkov");
        TestNode.Response bad = node.post("/api/v1/reports", Reports.valid(UUID.randomUUID().toString()).put("spokesperson", 42).toString(), node.token);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/errors/0/pointer").asText()).isEqualTo("/spokesperson");
    }

    @Test
    void a_declared_unit_speaks_in_each_languages_plural_forms_in_the_bulletin() {
        String unit = "{\"id\":\"observation_posts\",\"names\":{"
                + "\"en\":\"{n, plural, one {# observation post} other {# observation posts}}\","
                + "\"ru\":\"{n, plural, one {# наблюдательный пост} few {# наблюдательных поста} many {# наблюдательных постов} other {# наблюдательного поста}}\","
                + "\"de\":\"{n, plural, one {# Beobachtungsposten} other {# Beobachtungsposten}}\"}}";
        TestNode.Response lacking = node.post("/api/v1/units", unit.replace(" few {# наблюдательных поста}", ""), node.token);
        assertThat(lacking.status()).isEqualTo(422);
        assertThat(lacking.json().at("/errors/0/pointer").asText()).isEqualTo("/names/ru");
        assertThat(lacking.json().at("/errors/0/detail").asText()).contains("few");
        TestNode.Response unknown = node.post("/api/v1/metrics", "{\"id\":\"posts_set_up\",\"unit\":\"observation_posts\",\"breakdowns\":[],"
                + "\"names\":{\"en\":\"observation posts set up\"}}", node.token);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/pointer").asText()).isEqualTo("/unit");

        String metric = "{\"id\":\"posts_set_up\",\"unit\":\"observation_posts\",\"breakdowns\":[],"
                + "\"names\":{\"en\":\"observation posts set up\",\"ru\":\"развёрнутые наблюдательные посты\"}}";
        TestNode.Response both = node.post("/api/v1/metrics", "[" + unit.replace("{\"id\"", "{\"id\"") + "]", node.token);
        assertThat(both.status()).as("a unit is declared on its own route").isEqualTo(422);
        assertThat(node.post("/api/v1/units", unit, node.token).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/metrics", metric, node.token).status()).isEqualTo(201);
        var report = Reports.valid(UUID.randomUUID().toString()).put("metric", "posts_set_up").put("value", 27).put("asOf", "2021-01-20");
        report.putObject("breakdown");
        TestNode.Response filed = node.post("/api/v1/reports", report.toString(), node.token);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(node.get("/api/v1/bulletins/2021-01-20?format=text&lang=ru", node.token).body()).contains("27 наблюдательных постов");
        assertThat(node.get("/api/v1/bulletins/2021-01-20?format=text&lang=en", node.token).body()).contains("27 observation posts");
        assertThat(node.get("/api/v1/units").json().at("/items/0/id").asText()).isEqualTo("observation_posts");
    }
}
