package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.truce.ingest.DemoPublications;
import org.truce.support.DemoNodeExtension;
import org.truce.support.TestNode;

/**
 * Every published demo bulletin, in every language and format, cites for each line the document that
 * carried the figure, quotes only verbatim words (marked with their language), and never cites an
 * internal file; no resource of the build names one.
 */
@ExtendWith(DemoNodeExtension.class)
class DemoCitationsTest {
    static final List<String> LANGS = List.of("en", "ru", "hy", "az", "de");
    static final List<String> INTERNAL = List.of("Truce seed facts", "shared/seed", "facts.md");
    TestNode node;

    @Test
    void every_line_of_every_published_demo_bulletin_cites_a_real_document_in_every_language() {
        List<LocalDate> dates = DemoPublications.dates();
        assertThat(dates).contains(LocalDate.of(2021, 1, 11));
        int lines = 0;
        for (LocalDate date : dates) {
            for (String lang : LANGS) {
                String at = date + " " + lang;
                JsonNode b = node.get("/api/v1/bulletins/" + date + "?lang=" + lang).json();
                for (JsonNode section : b.get("sections")) {
                    for (JsonNode line : section.get("lines")) {
                        if (line.get("value").isNull()) continue; // a partial-coverage note states no figure
                        lines++;
                        assertThat(line.get("citations")).as("citations of " + line.get("text") + " in " + at).isNotEmpty();
                        for (JsonNode c : line.get("citations")) citesItsDocument(c, at, lang);
                    }
                }
                String text = node.get("/api/v1/bulletins/" + date + "?lang=" + lang + "&format=text").body();
                String page = node.get("/bulletins/" + date + "?lang=" + lang).body();
                for (String internal : INTERNAL) {
                    assertThat(b.toString()).as("JSON of " + at).doesNotContain(internal);
                    assertThat(text).as("text of " + at).doesNotContain(internal);
                    assertThat(page).as("page of " + at).doesNotContain(internal);
                }
                for (JsonNode section : b.get("sections")) {
                    for (JsonNode line : section.get("lines")) {
                        for (JsonNode c : line.path("citations")) {
                            assertThat(text).as("text of " + at).contains(c.get("text").asText());
                            String url = c.at("/document/url").asText(null);
                            if (url != null) assertThat(page).as("page of " + at).contains("<a href=\"" + url + "\">");
                            String kind = c.get("kind").asText();
                            if (kind.equals("paraphrase") && !c.get("lang").asText().equals(lang)) continue; // left to the JSON
                            assertThat(page).as("page of " + at).contains("<bdi class=\"" + (kind.equals("quote") ? "quoted" : "paraphrased")
                                    + "\" lang=\"" + c.get("lang").asText() + "\">");
                        }
                    }
                }
            }
        }
        assertThat(lines).as("figure lines checked").isGreaterThanOrEqualTo(dates.size() * LANGS.size());
    }

    @Test
    void a_meeting_in_the_bulletin_cites_the_document_that_reported_it() {
        String text = node.get("/api/v1/bulletins/2021-01-11?format=text").body();
        assertThat(text).contains("the trilateral meeting of Putin, Aliyev and Pashinyan")
                .contains("Document: \u201CPress statements following talks with President of Azerbaijan Ilham Aliyev and Prime Minister "
                        + "of Armenia Nikol Pashinyan\u201D, newskitchen.eu / kremlin.ru, 11 January 2021, https://newskitchen.eu/");
    }

    private static void citesItsDocument(JsonNode c, String at, String lang) {
        JsonNode doc = c.get("document");
        assertThat(doc.isObject()).as("document of a demo citation in " + at + ": " + c).isTrue();
        assertThat(doc.get("title").asText("")).as("title in " + at).isNotBlank();
        assertThat(doc.get("publisher").asText("")).as("publisher in " + at).isNotBlank();
        assertThat(doc.get("date").asText("")).as("date in " + at).matches("\\d{4}-\\d{2}-\\d{2}");
        String text = c.get("text").asText();
        assertThat(text).contains(doc.get("title").asText()).contains(doc.get("publisher").asText());
        if (!doc.get("url").isNull()) assertThat(text).contains(doc.get("url").asText());
        assertThat(c.get("lang").asText("")).as("language of the words in " + at).isNotBlank();
        String words = c.get("words").asText();
        if (c.get("kind").asText().equals("quote")) {
            assertThat(text).as("a quote is printed in quotation marks: " + text)
                    .containsAnyOf("\u201C" + words + "\u201D", "\u00AB" + words + "\u00BB", "\u201E" + words + "\u201C");
        } else if (c.get("lang").asText().equals(lang)) {
            assertThat(c.get("kind").asText()).isEqualTo("paraphrase");
            assertThat(text).as("a paraphrase is never printed as a quote: " + text)
                    .contains(words)
                    .doesNotContain("\u201C" + words).doesNotContain("\u00AB" + words).doesNotContain("\u201E" + words);
        } else {
            // a summary in another language than the reader's stays in the JSON: only a verbatim quote is printed foreign
            assertThat(c.get("kind").asText()).isEqualTo("paraphrase");
            assertThat(text).as("a foreign summary is not printed: " + text).doesNotContain(words);
        }
    }

    @Test
    void no_resource_of_the_build_cites_an_internal_file() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!(name.endsWith(".json") || name.endsWith(".properties") || name.endsWith(".geojson") || name.endsWith(".sql"))) continue;
                String s = Files.readString(f, StandardCharsets.UTF_8);
                assertThat(s).as(f.toString()).doesNotContain("Truce seed facts").doesNotContain("shared/seed");
            }
        }
    }
}
