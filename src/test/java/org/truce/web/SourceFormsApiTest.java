package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** A source's declined names over HTTP: kept and served as sent, refused with the field named when malformed. */
@ExtendWith(DemoNodeExtension.class)
class SourceFormsApiTest {
    TestNode node;

    @Test
    void a_source_with_forms_is_recorded_and_served_with_them() {
        String body = "{\"id\":\"test-ministry\",\"roles\":[\"party\"],\"names\":{\"en\":\"the Test Ministry\",\"ru\":\"Министерство\"},"
                + "\"forms\":{\"ru\":{\"gen\":\"Министерства\"},\"de\":{\"gen\":\"des Ministeriums\",\"dat\":\"dem Ministerium\"}}}";
        assertThat(node.post("/api/v1/sources", body).status()).isEqualTo(201);
        JsonNode served = null;
        for (JsonNode s : node.get("/api/v1/sources?limit=1000").json().get("items")) if (s.get("id").asText().equals("test-ministry")) served = s;
        assertThat(served).isNotNull();
        assertThat(served.at("/forms/ru/gen").asText()).isEqualTo("Министерства");
        assertThat(served.at("/forms/de/dat").asText()).isEqualTo("dem Ministerium");
    }

    @Test
    void an_unknown_form_is_a_422_naming_the_field_and_nothing_is_written() {
        long size = node.truce.ledger().size();
        var r = node.post("/api/v1/sources", "{\"id\":\"test-ministry\",\"roles\":[\"party\"],\"names\":{\"en\":\"x\"},"
                + "\"forms\":{\"ru\":{\"genitive\":\"Министерства\"}}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors")).extracting(e -> e.get("pointer").asText()).anyMatch(p -> p.endsWith("/forms/ru/genitive"));
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }
}
