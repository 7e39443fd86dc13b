package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** Reads over HTTP against the demo dataset: figures, reconciliation, series, catalog. */
@ExtendWith(DemoNodeExtension.class)
class FiguresApiTest {
    TestNode node;

    @Test
    void a_figure_names_its_source_qualifier_basis_and_attribution() {
        JsonNode f = node.get("/api/v1/figures?metric=land_cleared&source=ru-unnamed&place=nk&asOf=2021-01-11").json();
        assertThat(f.get("value").toString()).isEqualTo("479.2");
        assertThat(f.get("qualifier").asText()).isEqualTo("more_than");
        assertThat(f.get("reportedAsOf").asText()).isEqualTo("2021-01-11");
        assertThat(f.get("basedOn")).hasSize(1);
        assertThat(f.at("/attributions/0/attribution").asText()).contains("more than 479.2 hectares");
        assertThat(f.at("/attributions/0/publisher").asText()).isEqualTo("SouthFront");
    }

    @Test
    void a_figure_states_the_increments_of_its_totals_own_day_and_whether_it_is_derived() {
        JsonNode f = node.get("/api/v1/figures?metric=returnees&source=ru-defence-ministry&place=nk&asOf=2020-12-24").json();
        assertThat(f.get("value").toString()).isEqualTo("43000");
        assertThat(f.get("derived").asBoolean()).isFalse();
        assertThat(f.at("/parts/0/kind").asText()).isEqualTo("total");
        assertThat(f.at("/sameDay/0/kind").asText()).isEqualTo("increment");
        assertThat(f.at("/sameDay/0/value").toString()).isEqualTo("351");
        assertThat(f.at("/sameDay/0/asOf").asText()).isEqualTo("2020-12-21");
    }

    @Test
    void an_earlier_report_answers_for_a_later_date_with_its_own_date_and_precision() {
        JsonNode f = node.get("/api/v1/figures?metric=returnees&source=ru-defence-ministry&place=nk&asOf=2021-01-11").json();
        assertThat(f.get("value").toString()).isEqualTo("43000");
        assertThat(f.get("qualifier").asText()).isEqualTo("about");
        assertThat(f.get("reportedAsOf").asText()).isEqualTo("2020-12-21");
        assertThat(f.get("approximate").asBoolean()).isFalse();
    }

    @Test
    void the_reconciled_view_keeps_sources_apart_with_their_spread_and_names_the_silent() {
        JsonNode r = node.get("/api/v1/figures/reconciled?metric=returnees&place=nk&asOf=2021-01-11").json();
        assertThat(r.get("figures")).extracting(x -> x.get("source").asText())
                .containsExactly("ru-defence-ministry", "ru-president", "ru-unnamed");
        // like with like: an "about" figure of an older date, a lower bound and one exact figure leave no difference to take
        assertThat(r.at("/spread/comparisons")).isEmpty();
        assertThat(r.at("/spread/apart")).extracting(x -> x.get("source").asText() + " " + x.get("why").asText() + " "
                + x.get("reportedAsOf").asText()).containsExactly("ru-defence-ministry approximate_value 2020-12-21",
                "ru-president lower_bound 2021-01-11", "ru-unnamed only_one_of_its_date 2021-01-11");
        assertThat(r.toString()).doesNotContain("5241"); // 48241 - 43000 mixed an approximate figure of 21 December with an exact one
        assertThat(r.get("noReport")).extracting(x -> x.get("source").asText()).contains("unhcr");
        assertThat(r.toString()).doesNotContain("139241"); // 43000 + 48241 + 48000: never a sum of sources
    }

    @Test
    void a_series_gives_one_point_per_day_with_empty_days_before_the_first_report() {
        JsonNode s = node.get("/api/v1/figures/series?metric=returnees&source=ru-defence-ministry&place=nk&from=2020-11-30&to=2020-12-04").json();
        JsonNode points = s.get("points");
        assertThat(points).hasSize(5);
        assertThat(points.get(0).get("value").isNull()).isTrue();
        assertThat(points.get(1).get("value").toString()).isEqualTo("27000");
        assertThat(points.get(1).get("qualifier").asText()).isEqualTo("more_than");
        assertThat(points.get(4).get("value").toString()).isEqualTo("28000");
    }

    @Test
    void a_series_range_that_is_reversed_or_too_long_is_a_400() {
        var reversed = node.get("/api/v1/figures/series?metric=returnees&source=ru-defence-ministry&place=nk&from=2021-01-02&to=2021-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().at("/errors/0/pointer").asText()).isEqualTo("?to");
        var tooLong = node.get("/api/v1/figures/series?metric=returnees&source=ru-defence-ministry&place=nk&from=2000-01-01&to=2021-01-01");
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void a_source_that_covered_only_some_children_is_shown_as_partial_not_as_silent() {
        String report = "{\"id\":\"00000000-0000-4000-8000-0000000000f1\",\"metric\":\"returnees\",\"kind\":\"total\",\"value\":40,"
                + "\"asOf\":\"2021-01-10\",\"place\":\"nkdfa-province-martuni\",\"source\":\"nk-de-facto-authorities\","
                + "\"attribution\":\"40 people returned to Martuni\",\"document\":{\"publisher\":\"test\"}}";
        assertThat(node.post("/api/v1/reports", report).status()).isEqualTo(201);
        JsonNode r = node.get("/api/v1/figures/reconciled?metric=returnees&place=nkdfa-territory&asOf=2021-01-11").json();
        assertThat(r.get("figures")).isEmpty();
        assertThat(r.at("/partial/0/source").asText()).isEqualTo("nk-de-facto-authorities");
        assertThat(r.at("/partial/0/from/0").asText()).isEqualTo("nkdfa-province-martuni");
        assertThat(r.get("noReport")).extracting(x -> x.get("source").asText()).doesNotContain("nk-de-facto-authorities");
        JsonNode f = node.get("/api/v1/figures?metric=returnees&source=nk-de-facto-authorities&place=nkdfa-territory&asOf=2021-01-11").json();
        assertThat(f.get("partial").asBoolean()).isTrue();
        assertThat(f.get("value").isNull()).isTrue();
        String text = node.get("/api/v1/bulletins/2021-01-11?format=text&size=" + node.truce.ledger().size(), node.token).body();
        assertThat(text).contains("figures exist for only part of");
    }

    @Test
    void catalog_lists_are_paginated() {
        JsonNode first = node.get("/api/v1/sources?limit=5").json();
        assertThat(first.get("items")).hasSize(5);
        assertThat(first.get("next").asInt()).isEqualTo(5);
        int total = first.get("total").asInt();
        JsonNode last = node.get("/api/v1/sources?offset=" + (total - 2) + "&limit=5").json();
        assertThat(last.get("items")).hasSize(2);
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void a_place_keeps_every_name_with_who_uses_it() {
        JsonNode places = node.get("/api/v1/places?limit=100").json().get("items");
        JsonNode town = null;
        for (JsonNode p : places) if (p.get("id").asText().equals("town-khankendi-stepanakert")) town = p;
        assertThat(town).isNotNull();
        assertThat(town.get("names")).extracting(n -> n.get("name").asText()).contains("Stepanakert", "Khankendi");
    }

    @Test
    void declaring_a_catalog_item_again_is_a_retry_and_other_content_under_its_id_is_a_conflict() {
        String source = "{\"id\":\"test-body\",\"roles\":[\"media\"],\"names\":{\"en\":\"a test outlet\"}}";
        assertThat(node.post("/api/v1/sources", source).status()).isEqualTo(201);
        assertThat(node.post("/api/v1/sources", source).status()).isEqualTo(200);
        String other = "{\"id\":\"test-body\",\"roles\":[\"media\"],\"names\":{\"en\":\"another name\"}}";
        assertThat(node.post("/api/v1/sources", other).status()).isEqualTo(409);
    }

    @Test
    void places_in_one_request_may_refer_to_each_other() {
        String two = "[{\"id\":\"p-east\",\"kind\":\"district\",\"names\":[{\"lang\":\"en\",\"name\":\"East\",\"usedBy\":[\"common\"]}],"
                + "\"overlaps\":[\"p-west\"]},"
                + "{\"id\":\"p-west\",\"kind\":\"district\",\"names\":[{\"lang\":\"en\",\"name\":\"West\",\"usedBy\":[\"common\"]}],"
                + "\"overlaps\":[\"p-east\"]}]";
        var r = node.post("/api/v1/places", two);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).allSatisfy(x -> assertThat(x.get("created").asBoolean()).isTrue());
    }
}
