package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceNames;
import org.truce.support.TestNode;

/**
 * Issue 15's reading test: every published demo bulletin, in each of the five languages, read as JSON
 * and as text, has no figure line without a cited document, no internal citation, no value Truce
 * computed without the label that says so (and no unlabelled value a body did not publish), no
 * contested place named by one side's name alone, and none of the phrasings a native review rejected
 * ({@code known-bad/<lang>.txt}). The expectations are worked out here from the catalog, the message
 * patterns and the reports each line rests on, not from the composer's own decisions.
 */
class EveryDemoBulletinTest {
    static final List<String> INTERNAL = List.of("Truce seed facts", "shared/seed", "facts.md");
    /** A quotation's words, in the marks of each language: «…», „…“, “…”. */
    static final Pattern QUOTED = Pattern.compile("«[^«»]*»|„[^„“]*“|“[^“”]*”");
    static final String HOLE = "\u0000";
    static Path dir;
    static TestNode node;
    static List<String> dates = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("truce-every-bulletin");
        node = TestNode.withDemo(dir);
        node.get("/api/v1/publications?limit=100").json().get("items").forEach(p -> dates.add(p.get("date").asText()));
        dates = List.copyOf(new TreeSet<>(dates));
        assertThat(dates).as("the demo publishes bulletins").hasSizeGreaterThan(3);
    }

    @AfterAll
    static void stop() throws IOException {
        node.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "hy", "az", "de"})
    void every_demo_bulletin_is_cited_labelled_named_by_every_side_and_free_of_known_bad_phrasing(String lang) throws IOException {
        Messages m = Messages.of(lang).orElseThrow();
        List<String> problems = new ArrayList<>();
        List<String> knownBad = knownBad(lang);
        int lines = 0;
        for (String date : dates) {
            JsonNode json = node.get("/api/v1/bulletins/" + date + "?format=json&lang=" + lang).json();
            String text = node.get("/api/v1/bulletins/" + date + "?format=text&lang=" + lang).body();
            assertThat(json.get("published").asBoolean()).as(date + " is published").isTrue();
            for (JsonNode section : json.get("sections")) {
                for (JsonNode line : section.get("lines")) {
                    if (line.get("value").isNull()) continue;
                    lines++;
                    uncited(date, line, problems);
                    unlabelled(date, line, m, problems);
                }
            }
            for (JsonNode metric : json.at("/keyFigures/metrics")) {
                for (JsonNode f : metric.get("figures")) {
                    if (f.get("derived").asBoolean() && !hasFragments(f.get("text").asText(), m, "key_figures.derived")) {
                        problems.add(date + ": key figure of " + f.get("source").asText() + " computed by Truce without its label");
                    }
                }
            }
            for (String internal : INTERNAL) if (text.contains(internal)) problems.add(date + ": cites an internal file (" + internal + ")");
            for (String bad : knownBad) if (text.contains(bad)) problems.add(date + ": known-bad phrasing \"" + bad + "\"");
            oneSidedNames(date, QUOTED.matcher(text).replaceAll("«»"), lang, problems);
        }
        assertThat(lines).as("figure lines read in " + lang).isGreaterThan(dates.size());
        assertThat(problems).as(lang).isEmpty();
    }

    /** A figure line rests on documents: every citation names one, or says the body reported directly. */
    private static void uncited(String date, JsonNode line, List<String> problems) {
        JsonNode citations = line.get("citations");
        if (citations == null || citations.isEmpty()) {
            problems.add(date + ": a line of " + line.get("source").asText() + " cites nothing");
            return;
        }
        java.util.Set<String> printed = new java.util.HashSet<>();
        for (JsonNode q : line.get("quotes")) {
            if (!printed.add(q.asText())) problems.add(date + ": a citation of " + line.get("source").asText() + " is printed twice");
        }
        for (JsonNode c : citations) {
            if (c.get("document").isNull() || c.at("/document/publisher").asText().isBlank()) {
                problems.add(date + ": a citation of " + line.get("source").asText() + " names no document");
            }
        }
    }

    /**
     * A value the body published is one of the reports the line rests on; any other value is Truce's sum
     * and must be marked derived, with the label of the reader's language in the line.
     */
    private static void unlabelled(String date, JsonNode line, Messages m, List<String> problems) {
        String value = line.get("value").asText();
        boolean published = false;
        for (JsonNode part : line.get("parts")) published |= new java.math.BigDecimal(part.get("value").asText())
                .compareTo(new java.math.BigDecimal(value)) == 0 && line.get("parts").size() == 1;
        boolean derived = line.get("derived").asBoolean();
        if (!published && !derived) problems.add(date + ": " + line.get("source").asText() + " is given " + value + ", which it did not publish, unlabelled");
        if (derived && !hasFragments(line.get("text").asText(), m, "derived.sum")) {
            problems.add(date + ": the sum for " + line.get("source").asText() + " lacks the label \"" + m.format("derived.sum", holes("derived.sum")) + "\"");
        }
    }

    /** Whether every fixed piece of the pattern {@code key} (its text between arguments) stands in {@code text}, in order. */
    private static boolean hasFragments(String text, Messages m, String key) {
        int at = 0;
        for (String piece : m.format(key, holes(key)).split(HOLE)) {
            String fixed = piece.strip();
            if (fixed.isEmpty()) continue;
            int found = text.indexOf(fixed, at);
            if (found < 0) return false;
            at = found + fixed.length();
        }
        return true;
    }

    private static Map<String, Object> holes(String key) {
        Map<String, Object> args = new HashMap<>();
        for (String name : List.of("amount", "asOf", "source", "source_gen", "source_dat", "source_nom")) args.put(name, HOLE);
        return args;
    }

    /** A contested place is never named by one side's name alone: where any side's name appears, the full display does. */
    private static void oneSidedNames(String date, String unquoted, String lang, List<String> problems) {
        long size = node.truce.ledger().size();
        for (Place place : node.truce.figures().places(size)) {
            if (!PlaceNames.contested(place.names(), lang)) continue;
            String display = place.displayName(lang);
            String rest = unquoted.replace(display, "");
            for (PlaceNames.Named n : PlaceNames.named(place.names(), lang)) {
                if (!n.common() && Pattern.compile("(?<![\\p{L}])" + Pattern.quote(n.name()) + "(?![\\p{L}])").matcher(rest).find()) {
                    problems.add(date + ": " + place.id() + " named \"" + n.name() + "\" alone, not \"" + display + "\"");
                }
            }
        }
    }

    private static List<String> knownBad(String lang) throws IOException {
        Path file = Path.of("src/test/resources/known-bad/" + lang + ".txt");
        if (!Files.exists(file)) return List.of();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
