package org.truce.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.catalog.Alias;

/**
 * The news report the product grew from ({@code extraction/seed-article.txt}, SouthFront, 11 January
 * 2021) read against the demo catalog: exactly its seven figures, each with its qualifier, kind, date,
 * breakdown, and the source the text names (or none), and its two crowd sizes listed as not understood.
 */
class SeedArticleTest {
    @TempDir
    static Path dir;
    static Truce truce;
    static Extraction read;

    @BeforeAll
    static void read() throws Exception {
        truce = Truce.open(dir, Clock.systemUTC());
        truce.loadDemo();
        long size = truce.ledger().size();
        // the labels this carrier uses that are no name in the catalog: an office's alias table
        List<Alias> aliases = List.of(new Alias(Alias.Kind.PLACE, "Karabakh", "nk"),
                new Alias(Alias.Kind.SOURCE, "State Service of Emergency Situations of Artsakh", "nk-emergency-service"));
        Extractor extractor = new Extractor(truce.figures().sources(size), truce.figures().places(size), aliases);
        String text;
        try (var in = SeedArticleTest.class.getResourceAsStream("/extraction/seed-article.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        read = extractor.read(text, null, LocalDate.of(2021, 1, 11));
    }

    @AfterAll
    static void close() {
        truce.close();
    }

    static String line(Proposal p) {
        return p.metric() + " " + p.value().toPlainString() + " " + p.qualifier().wire() + " " + p.kind().wire() + " " + p.asOf()
                + " place=" + p.place() + " source=" + p.source() + (p.breakdown().isEmpty() ? "" : " " + p.breakdown());
    }

    @Test
    void the_seed_article_yields_exactly_its_figures() {
        assertThat(read.lang()).isEqualTo("en");
        assertThat(read.proposals()).extracting(SeedArticleTest::line).containsExactly(
                "returnees 48241 exact total 2021-01-11 place=nk source=null",
                "land_cleared 479.2 more_than total 2021-01-11 place=null source=ru-unnamed",
                "roads_cleared 182.8 about total 2021-01-11 place=null source=ru-unnamed",
                "explosive_objects_destroyed 23000 exact total 2021-01-11 place=null source=ru-unnamed",
                "medical_assistance 1200 exact total 2021-01-11 place=nk source=null {children=153}",
                "remains_recovered 14 exact increment 2021-01-11 place=nk source=nk-emergency-service",
                "remains_recovered 1211 exact total 2021-01-11 place=null source=nk-emergency-service");
    }

    @Test
    void each_proposal_says_why_and_quotes_its_sentence_at_its_offsets() throws Exception {
        String text;
        try (var in = SeedArticleTest.class.getResourceAsStream("/extraction/seed-article.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Proposal land = read.proposals().get(1);
        assertThat(text.substring(land.start(), land.end())).isEqualTo(land.sentence()).startsWith("As of January 11, Russia reported");
        assertThat(land.why()).containsEntry("metric", "hectares of land").containsEntry("qualifier", "more than")
                .containsEntry("value", "479.2").containsEntry("asOf", "January 11").containsEntry("source", "Russia … reported");
        assertThat(land.undecided()).containsExactly("place");
        Proposal bodies = read.proposals().get(5);
        assertThat(bodies.why()).containsEntry("kind", "more");
        assertThat(bodies.undecided()).as("the day the 14 are counted from is not said").contains("since");
        assertThat(read.proposals().get(0).undecided()).isEmpty();
        assertThat(read.proposals().get(0).confidence()).isGreaterThan(bodies.confidence());
    }

    @Test
    void numbers_no_rule_reads_are_listed_not_dropped() {
        assertThat(read.notUnderstood()).extracting(u -> u.numbers().toString()).containsExactly("[30, 15]");
        assertThat(read.notUnderstood().get(0).sentence()).startsWith("About 30 demonstrators");
    }
}
