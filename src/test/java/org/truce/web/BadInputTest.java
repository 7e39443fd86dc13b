package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/** Every kind of bad report gets its own clear 4xx answer naming the field, and writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    TestNode node;

    @BeforeAll
    void start(@TempDir Path dir) {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("unknown metric", r -> r.put("metric", "rainfall"), "/metric", "unknown metric: rainfall"),
                bad("unknown place", r -> r.put("place", "atlantis"), "/place", "unknown place: atlantis"),
                bad("unknown source", r -> r.put("source", "nobody"), "/source", "unknown source: nobody"),
                bad("unknown breakdown", r -> { r.putObject("breakdown").put("pets", 3); return r; },
                        "/breakdown/pets", "is not a breakdown of metric medical_assistance"),
                bad("negative value", r -> r.put("value", -5), "/value", "must not be negative"),
                bad("non-finite value", r -> r.put("value", "NaN"), "/value", "must be a finite decimal number"),
                bad("infinite value", r -> r.put("value", "Infinity"), "/value", "must be a finite decimal number"),
                bad("breakdown above value", r -> { r.putObject("breakdown").put("children", 5000); return r; },
                        "/breakdown/children", "must not exceed the value"),
                bad("date in the future", r -> r.put("asOf", "2027-01-01"), "/asOf", "must not be in the future"),
                bad("date before 1900", r -> r.put("asOf", "1899-12-31"), "/asOf", "must not be before 1900-01-01"),
                bad("malformed date", r -> r.put("asOf", "11/01/2021"), "/asOf", "must be a date as YYYY-MM-DD"),
                bad("both corrects and retracts", r -> r.put("corrects", "00000000-0000-4000-8000-0000000000aa")
                        .put("retracts", "00000000-0000-4000-8000-0000000000bb"), "/retracts", "cannot both correct and retract"),
                bad("correcting an unknown id", r -> r.put("corrects", "00000000-0000-4000-8000-0000000000aa"),
                        "/corrects", "names no report in the record"),
                bad("missing id", r -> { r.remove("id"); return r; }, "/id", "is required"),
                bad("id not a UUID", r -> r.put("id", "report-1"), "/id", "must be a UUID"),
                bad("unknown kind", r -> r.put("kind", "average"), "/kind", "must be total or increment"),
                bad("unknown qualifier", r -> r.put("qualifier", "roughly"), "/qualifier", "must be exact, more_than or about"),
                bad("unknown field", r -> r.put("colour", "red"), "/colour", "is not a field of this object"),
                bad("breakdown nested", r -> { r.putObject("breakdown").putObject("children").put("girls", 1); return r; },
                        "/breakdown/children", "breakdowns do not nest"),
                bad("missing attribution", r -> { r.remove("attribution"); return r; }, "/attribution", "is required"),
                bad("since after asOf", r -> r.put("since", "2021-02-01"), "/since", "must not be after asOf"),
                bad("a tiny exponent that would expand to megabytes", r -> r.put("value", new java.math.BigDecimal("1e-5000000")),
                        "/value", "must have at most 6 decimal places"),
                bad("too many decimal places", r -> r.put("value", "1.0000001"), "/value", "must have at most 6 decimal places"));
    }

    private static Arguments bad(String name, UnaryOperator<ObjectNode> change, String pointer, String detail) {
        return Arguments.of(name, change, pointer, detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void a_bad_report_is_refused_with_422_naming_the_field_and_nothing_is_written(
            String name, UnaryOperator<ObjectNode> change, String pointer, String detail) {
        long size = node.truce.ledger().size();
        var r = node.post("/api/v1/reports", change.apply(Reports.valid("00000000-0000-4000-8000-000000000099")).toString());
        assertThat(r.status()).as(name).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        var errors = r.json().get("errors");
        assertThat(errors).as(r.body()).anySatisfy(e -> {
            assertThat(e.get("pointer").asText()).isEqualTo(pointer);
            assertThat(e.get("detail").asText()).contains(detail);
        });
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void a_number_longer_than_the_contract_allows_is_a_400_saying_so() {
        var r = node.post("/api/v1/reports", Reports.valid("00000000-0000-4000-8000-000000000098")
                .put("value", new java.math.BigDecimal("1" + "0".repeat(1500))).toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("size limit").doesNotContain("nests");
    }

    @Test
    void one_id_with_two_contents_in_one_array_is_refused_naming_the_second() {
        long size = node.truce.ledger().size();
        String two = "[" + Reports.valid("00000000-0000-4000-8000-000000000097") + ","
                + Reports.valid("00000000-0000-4000-8000-000000000097").put("value", 1301) + "]";
        var r = node.post("/api/v1/reports", two);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/1/id");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void places_that_would_be_each_others_parent_are_refused() {
        String cycle = "[{\"id\":\"p-a\",\"kind\":\"district\",\"parent\":\"p-b\",\"names\":[{\"lang\":\"en\",\"name\":\"A\",\"usedBy\":[\"common\"]}]},"
                + "{\"id\":\"p-b\",\"kind\":\"district\",\"parent\":\"p-a\",\"names\":[{\"lang\":\"en\",\"name\":\"B\",\"usedBy\":[\"common\"]}]}]";
        var r = node.post("/api/v1/places", cycle);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/detail").asText()).contains("would make a cycle");
    }

    @Test
    void a_query_date_outside_1900_to_9999_is_a_400() {
        var r = node.get("/api/v1/figures/series?metric=returnees&source=ru-peacekeepers&place=nk&from=%2B999999999-12-30&to=%2B999999999-12-31");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("?from");
    }

    @Test
    void malformed_json_is_a_400_naming_the_problem() {
        var r = node.post("/api/v1/reports", "{\"id\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("malformed_json");
        assertThat(r.json().get("detail").asText()).startsWith("malformed JSON");
    }

    @Test
    void nesting_deeper_than_the_contract_is_a_400() {
        var r = node.post("/api/v1/reports", "[[[[[[[[{}]]]]]]]]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("too_deep");
    }

    @Test
    void a_body_over_8_mib_is_a_413() throws java.io.IOException {
        // A raw socket: the node answers 413 from the declared length and closes, and an HTTP client
        // still streaming the body may see the connection reset instead of the answer (a race).
        long size = node.truce.ledger().size();
        try (var socket = new java.net.Socket("localhost", node.app.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + node.token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (12L * 1024 * 1024)
                    + "\r\n\r\n[\"x\",").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void more_than_10000_items_are_refused() {
        String many = "[" + "{},".repeat(10_000) + "{}]";
        var r = node.post("/api/v1/reports", many);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/detail").asText()).contains("at most 10000");
    }

    @Test
    void a_bad_query_parameter_is_a_400_naming_it() {
        var r = node.get("/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=yesterday");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("?asOf");
        var unknown = node.get("/api/v1/figures?metric=rain&source=ru-peacekeepers&place=nk&asOf=2021-01-11");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("names no declared metric: rain");
    }

    @Test
    void a_catalog_item_with_an_unknown_reference_is_refused() {
        var r = node.post("/api/v1/places", "{\"id\":\"p1\",\"kind\":\"town\",\"parent\":\"nowhere\","
                + "\"names\":[{\"lang\":\"en\",\"name\":\"P\",\"usedBy\":[\"common\"]}]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/parent");
    }
}
