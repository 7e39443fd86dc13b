package org.truce.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.truce.app.Truce;
import org.truce.catalog.Alias;
import org.truce.extract.Extractor;
import org.truce.extract.Scorecard;

/**
 * {@code truce bench --extraction}: the extraction read against the corpus of real sentences in
 * {@code src/test/resources/extraction/corpus} (one {@code <lang>.json} per language, and the alias
 * table an office would keep, {@code aliases.json}), on the demo catalog; prints per language the
 * figures found, those with every field right, precision, the proposals with a wrong value or source,
 * and each field's share right; and the time it took.
 */
final class ExtractionBench {
    private ExtractionBench() {}

    static void run(Path dir, Path corpus, boolean misses) throws Exception {
        if (!Files.isDirectory(corpus)) throw new IllegalArgumentException("--corpus " + corpus + " is no directory (run from the repository's root)");
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            truce.loadDemo();
            long size = truce.ledger().size();
            Scorecard card = new Scorecard(new Extractor(truce.figures().sources(size), truce.figures().places(size), aliases(corpus)));
            long t0 = System.nanoTime();
            List<Path> files;
            try (Stream<Path> s = Files.list(corpus)) {
                files = s.filter(p -> p.getFileName().toString().matches("[a-z]{2}\\.json")).sorted().toList();
            }
            for (Path f : files) card.score(f);
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("Truce extraction bench: corpus %s, %d files, read in %.0f ms%n", corpus, files.size(), ms);
            System.out.print(card.table());
            if (misses) card.counts().forEach((lang, c) -> c.misses.forEach(m -> System.out.println("  " + m)));
        }
    }

    /** The corpus's alias table ({@code aliases.json}: an array of {kind, alias, id}); empty when there is none. */
    static List<Alias> aliases(Path corpus) throws Exception {
        Path file = corpus.resolve("aliases.json");
        List<Alias> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (JsonNode a : new ObjectMapper().readTree(Files.readAllBytes(file))) {
            out.add(new Alias(Alias.Kind.of(a.get("kind").asText()), a.get("alias").asText(), a.get("id").asText()));
        }
        return out;
    }
}
