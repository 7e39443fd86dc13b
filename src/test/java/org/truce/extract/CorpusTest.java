package org.truce.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.catalog.Alias;

/**
 * The extraction against the corpus of real sentences ({@code src/test/resources/extraction/corpus}):
 * the corpus is what it claims (at least 150 items, each quoting a public page by address), no
 * proposal names a source the sentence does not, and no language reads less than its floor
 * ({@code floors.properties}, as last measured). The per-field table is {@code ./truce bench --extraction}.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/extraction/corpus");
    static final List<String> LANGUAGES = List.of("en", "ru", "hy", "az", "de");
    @TempDir
    static Path dir;
    static Truce truce;
    static Scorecard card;

    @BeforeAll
    static void score() throws Exception {
        truce = Truce.open(dir, Clock.systemUTC());
        truce.loadDemo();
        long size = truce.ledger().size();
        List<Alias> aliases = new ArrayList<>();
        for (JsonNode a : new ObjectMapper().readTree(Files.readAllBytes(CORPUS.resolve("aliases.json")))) {
            aliases.add(new Alias(Alias.Kind.of(a.get("kind").asText()), a.get("alias").asText(), a.get("id").asText()));
        }
        card = new Scorecard(new Extractor(truce.figures().sources(size), truce.figures().places(size), aliases));
        for (String lang : LANGUAGES) card.score(CORPUS.resolve(lang + ".json"));
    }

    @AfterAll
    static void close() {
        truce.close();
    }

    @Test
    void the_corpus_holds_at_least_150_items_in_five_languages_each_from_a_public_page() throws Exception {
        int items = 0;
        for (String lang : LANGUAGES) {
            JsonNode all = new ObjectMapper().readTree(Files.readAllBytes(CORPUS.resolve(lang + ".json")));
            assertThat(all.size()).as(lang).isGreaterThanOrEqualTo(20);
            for (JsonNode item : all) {
                assertThat(item.at("/document/url").asText()).as(item.get("id").asText()).startsWith("http");
                assertThat(item.get("lang").asText()).isEqualTo(lang);
            }
            items += all.size();
        }
        assertThat(items).isGreaterThanOrEqualTo(150);
    }

    @Test
    void no_proposal_names_a_source_other_than_the_one_the_text_cites() {
        card.counts().forEach((lang, c) -> assertThat(c.wrongSource).as(lang + ": " + c.misses).isZero());
    }

    @Test
    void no_language_reads_less_than_its_floor() throws Exception {
        Properties floors = new Properties();
        try (InputStream in = CorpusTest.class.getResourceAsStream("/extraction/floors.properties")) {
            floors.load(in);
        }
        List<String> below = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Scorecard.Counts c = card.counts().get(lang);
            check(below, lang, "found", c.recall(), floors);
            check(below, lang, "allRight", c.everyField(), floors);
            check(below, lang, "precision", c.precision(), floors);
        }
        assertThat(below).as(card.table()).isEmpty();
    }

    private static void check(List<String> below, String lang, String what, double measured, Properties floors) {
        double floor = Double.parseDouble(floors.getProperty(lang + "." + what));
        if (measured + 1e-9 < floor) below.add(lang + "." + what + " " + String.format("%.3f", measured) + " < " + floor);
    }
}
