package org.truce.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How well the extraction reads a corpus of real sentences, each with the figures a careful person
 * would record ({@code <lang>.json}: items of text, language, document date and expected figures).
 * A proposal is matched to an expected figure of its item by metric and value; then each field is
 * compared. Counted per language: figures expected and found, figures with every field right,
 * proposals, proposals with a value no expected figure has ("wrong value"), and matched proposals
 * naming another source than expected ("wrong source"), and each field's right answers. Not thread-safe.
 */
public final class Scorecard {
    /** The fields compared once metric and value match. */
    public static final List<String> FIELDS = List.of("qualifier", "kind", "since", "asOf", "place", "source", "breakdown");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The counts of one language. */
    public static final class Counts {
        public int items;
        public int expected;
        public int found;
        public int allRight;
        public int proposals;
        public int wrongValue;
        public int wrongSource;
        public final Map<String, Integer> right = new LinkedHashMap<>();
        /** A line per miss, for reading what to fix: item id, what was expected or proposed. */
        public final List<String> misses = new ArrayList<>();

        Counts() {
            FIELDS.forEach(f -> right.put(f, 0));
        }

        public double recall() {
            return expected == 0 ? 1 : (double) found / expected;
        }

        public double everyField() {
            return expected == 0 ? 1 : (double) allRight / expected;
        }

        public double precision() {
            return proposals == 0 ? 1 : (double) (proposals - wrongValue) / proposals;
        }

        public double field(String f) {
            return found == 0 ? 1 : (double) right.get(f) / found;
        }
    }

    private final Extractor extractor;
    private final Map<String, Counts> byLang = new LinkedHashMap<>();

    public Scorecard(Extractor extractor) {
        this.extractor = extractor;
    }

    public Map<String, Counts> counts() {
        return byLang;
    }

    /** Scores every item of one corpus file. */
    public void score(Path file) throws IOException {
        for (JsonNode item : JSON.readTree(Files.readAllBytes(file))) score(item);
    }

    void score(JsonNode item) {
        String lang = item.get("lang").asText();
        Counts c = byLang.computeIfAbsent(lang, k -> new Counts());
        c.items++;
        LocalDate date = item.hasNonNull("documentDate") ? LocalDate.parse(item.get("documentDate").asText()) : null;
        List<Proposal> proposed = new ArrayList<>(extractor.read(item.get("text").asText(), lang, date).proposals());
        c.proposals += proposed.size();
        String id = item.path("id").asText();
        for (JsonNode want : item.path("figures")) {
            c.expected++;
            Proposal match = null;
            for (Proposal p : proposed) {
                if (p.metric().equals(want.get("metric").asText()) && p.value().compareTo(new BigDecimal(want.get("value").asText())) == 0) {
                    match = p;
                    break;
                }
            }
            if (match == null) {
                c.misses.add(id + ": not found " + want.get("metric").asText() + " " + want.get("value").asText());
                continue;
            }
            proposed.remove(match);
            c.found++;
            boolean all = true;
            for (String f : FIELDS) {
                boolean ok = same(f, match, want);
                if (ok) c.right.merge(f, 1, Integer::sum);
                else {
                    all = false;
                    String why = match.why().get(f);
                    c.misses.add(id + ": " + f + " " + got(f, match) + " (expected " + want.path(f) + ")" + (why == null ? "" : " because \"" + why + "\""));
                }
            }
            if (!Objects.equals(match.source(), text(want, "source")) && match.source() != null) c.wrongSource++;
            if (all) c.allRight++;
        }
        for (Proposal extra : proposed) {
            c.wrongValue++;
            c.misses.add(id + ": proposed " + extra.metric() + " " + extra.value().toPlainString() + " (no such figure)");
        }
    }

    private static boolean same(String field, Proposal p, JsonNode want) {
        return switch (field) {
            case "qualifier" -> p.qualifier().wire().equals(want.path("qualifier").asText("exact"));
            case "kind" -> p.kind().wire().equals(want.path("kind").asText("total"));
            case "since" -> Objects.equals(p.since() == null ? null : p.since().toString(), text(want, "since"));
            case "asOf" -> Objects.equals(p.asOf() == null ? null : p.asOf().toString(), text(want, "asOf"));
            case "place" -> Objects.equals(p.place(), text(want, "place"));
            case "source" -> Objects.equals(p.source(), text(want, "source"));
            default -> {
                Map<String, BigDecimal> b = new LinkedHashMap<>();
                want.path("breakdown").properties().forEach(e -> b.put(e.getKey(), new BigDecimal(e.getValue().asText())));
                if (b.size() != p.breakdown().size()) yield false;
                for (var e : b.entrySet()) {
                    BigDecimal other = p.breakdown().get(e.getKey());
                    if (other == null || other.compareTo(e.getValue()) != 0) yield false;
                }
                yield true;
            }
        };
    }

    private static String got(String field, Proposal p) {
        return switch (field) {
            case "qualifier" -> p.qualifier().wire();
            case "kind" -> p.kind().wire();
            case "since" -> String.valueOf(p.since());
            case "asOf" -> String.valueOf(p.asOf());
            case "place" -> String.valueOf(p.place());
            case "source" -> String.valueOf(p.source());
            default -> p.breakdown().toString();
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The per-language table, as the bench prints it. */
    public String table() {
        StringBuilder s = new StringBuilder(String.format("%-4s %5s %8s %7s %8s %9s %6s %6s", "lang", "items", "figures", "found",
                "allRight", "precision", "wrongV", "wrongS"));
        for (String f : FIELDS) s.append(String.format(" %9s", f));
        s.append('\n');
        for (var e : byLang.entrySet()) {
            Counts c = e.getValue();
            s.append(String.format("%-4s %5d %8d %6.1f%% %7.1f%% %8.1f%% %6d %6d", e.getKey(), c.items, c.expected, 100 * c.recall(),
                    100 * c.everyField(), 100 * c.precision(), c.wrongValue, c.wrongSource));
            for (String f : FIELDS) s.append(String.format(" %8.1f%%", 100 * c.field(f)));
            s.append('\n');
        }
        return s.toString();
    }
}
