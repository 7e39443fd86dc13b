package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/** {@code POST /api/v1/drafts/from-text} over real HTTP against a demo node: proposals, never a write. */
@ExtendWith(DemoNodeExtension.class)
class ExtractApiTest {
    /** Two sentences in the form of the Russian Defence Ministry's daily briefings (its figures of 2 December 2020, as TASS carried them). */
    static final String BRIEFING = "За сутки из Еревана в Степанакерт вернулись 1 168 беженцев, по данным Министерства обороны России. "
            + "Всего с 14 ноября в Нагорный Карабах вернулись более 27 000 человек. В брифинге участвовали 3 генерала.";
    TestNode node;

    static String body(String text, String lang) {
        ObjectNode b = TestNode.JSON.createObjectNode().put("text", text);
        if (lang != null) b.put("lang", lang);
        b.putObject("document").put("title", "Брифинг").put("publisher", "ТАСС").put("date", "2020-12-02")
                .put("url", "https://example.org/briefing");
        return b.toString();
    }

    @Test
    void a_russian_briefing_yields_its_figures_each_with_why_and_writes_nothing() {
        long size = node.truce.ledger().size();
        TestNode.Response r = node.post("/api/v1/drafts/from-text", body(BRIEFING, null));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("lang").asText()).isEqualTo("ru");
        assertThat(a.get("langDetected").asBoolean()).isTrue();
        JsonNode day = a.at("/proposals/0");
        assertThat(day.get("metric").asText()).isEqualTo("returnees");
        assertThat(day.get("value").decimalValue()).isEqualByComparingTo("1168");
        assertThat(day.get("kind").asText()).isEqualTo("increment");
        assertThat(day.get("asOf").asText()).isEqualTo("2020-12-02");
        assertThat(day.get("since").asText()).isEqualTo("2020-12-01");
        assertThat(day.get("place").asText()).as("Yerevan is where they came from").isEqualTo("town-khankendi-stepanakert");
        assertThat(day.get("source").asText()).isEqualTo("ru-defence-ministry");
        assertThat(day.at("/why/source").asText()).contains("по данным").contains("Министерства обороны России");
        assertThat(day.at("/quote/text").asText()).startsWith("За сутки").endsWith("России.");
        assertThat(BRIEFING.substring(day.at("/quote/start").asInt(), day.at("/quote/end").asInt())).isEqualTo(day.at("/quote/text").asText());
        assertThat(day.at("/draft/attribution").asText()).isEqualTo(day.at("/quote/text").asText());
        assertThat(day.at("/draft/attributionKind").asText()).isEqualTo("quote");
        assertThat(day.at("/draft/document/publisher").asText()).isEqualTo("ТАСС");

        JsonNode total = a.at("/proposals/1");
        assertThat(total.get("value").decimalValue()).isEqualByComparingTo("27000");
        assertThat(total.get("qualifier").asText()).isEqualTo("more_than");
        assertThat(total.get("kind").asText()).isEqualTo("total");
        assertThat(total.get("place").asText()).isEqualTo("nk");
        assertThat(total.get("source").asText()).as("the paragraph cites one body only").isEqualTo("ru-defence-ministry");
        assertThat(total.at("/why/source").asText()).startsWith("in the paragraph: по данным");
        assertThat(total.get("asOf").asText()).as("'since 14 November' dates no figure: the sentence before does").isEqualTo("2020-12-02");
        assertThat(total.at("/why/asOf").asText()).isEqualTo("in the paragraph: За сутки");
        assertThat(total.get("undecided").toString()).doesNotContain("asOf");
        assertThat(a.get("proposals")).hasSize(2);
        assertThat(a.at("/notUnderstood/0/numbers/0").asText()).isEqualTo("3");
        assertThat(node.truce.ledger().size()).isEqualTo(size);
    }

    @Test
    void bad_input_is_refused_naming_the_field() {
        TestNode.Response none = node.post("/api/v1/drafts/from-text", "{\"lang\":\"ru\"}");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("/text").contains("is required");
        TestNode.Response french = node.post("/api/v1/drafts/from-text", body("Il y a 3 jours.", "fr"));
        assertThat(french.status()).isEqualTo(422);
        assertThat(french.body()).contains("/lang").contains("must be one of");
        TestNode.Response date = node.post("/api/v1/drafts/from-text", body("x", null).replace("2020-12-02", "2 December"));
        assertThat(date.status()).isEqualTo(422);
        assertThat(date.body()).contains("/document/date");
        assertThat(node.post("/api/v1/drafts/from-text", body("x", null), null).status()).isEqualTo(401);
    }
}
