package org.truce.names;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.support.TestNode;

/**
 * Every contested place — a place or map feature of the catalog on which the sides' names differ in a
 * language and none is common there — is shown with every side's name, in every language, in every
 * output: the demo bulletins (text, JSON, page), the map's layer JSON and GeoJSON download, the map
 * page, the places CSV and the PDF bulletin (its map key, read back with PDFBox). The names expected
 * are worked out here from the catalog alone (each side's name in the language, else its English
 * form), not by the code under test.
 */
class ContestedNamesTest {
    static final List<String> LANGUAGES = List.of("en", "ru", "hy", "az", "de");
    static final List<String> MAP_DAYS = List.of("2020-11-10", "2021-01-05");
    @TempDir
    static Path dir;
    static TestNode node;
    /** Each named thing's names as the API gives them, by id. */
    static Map<String, JsonNode> named = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        for (JsonNode p : node.get("/api/v1/places?limit=500").json().get("items")) named.put(p.get("id").asText(), p.get("names"));
        for (JsonNode f : node.get("/api/v1/features").json()) named.put(f.get("id").asText(), f.get("names"));
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    /** Each side's name for a reader of {@code lang}, where the sides' names differ there and none is common; else empty. */
    static Set<String> sideNames(JsonNode names, String lang) {
        boolean any = false;
        for (JsonNode n : names) any |= n.get("lang").asText().equals(lang);
        String in = any ? lang : "en";
        Map<Set<String>, List<JsonNode>> sides = new LinkedHashMap<>();
        for (JsonNode n : names) {
            Set<String> usedBy = new TreeSet<>();
            n.get("usedBy").forEach(u -> usedBy.add(u.asText()));
            if (usedBy.contains("common")) {
                if (n.get("lang").asText().equals(in)) return Set.of();
                continue;
            }
            sides.computeIfAbsent(usedBy, k -> new ArrayList<>()).add(n);
        }
        String commonEnglish = null;
        for (JsonNode n : names) {
            if (n.get("lang").asText().equals("en") && n.get("usedBy").toString().contains("\"common\"")) commonEnglish = n.get("name").asText();
        }
        Set<String> out = new LinkedHashSet<>();
        boolean commonGoesBy = false;
        for (List<JsonNode> side : sides.values()) {
            String inLang = first(side, in);
            String english = first(side, "en");
            out.add(inLang != null ? inLang : english != null ? english : commonEnglish);
            commonGoesBy |= english == null || english.equals(commonEnglish);
        }
        if (!sides.isEmpty() && commonEnglish != null && !commonGoesBy) out.add(commonEnglish);
        out.remove(null);
        return out.size() > 1 ? out : Set.of();
    }

    private static String first(List<JsonNode> side, String lang) {
        return side.stream().filter(n -> n.get("lang").asText().equals(lang)).map(n -> n.get("name").asText()).sorted().findFirst().orElse(null);
    }

    /** The contested things of the catalog in {@code lang}, with each side's name. */
    static Map<String, Set<String>> contested(String lang) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        named.forEach((id, names) -> {
            Set<String> sides = sideNames(names, lang);
            if (!sides.isEmpty()) out.put(id, sides);
        });
        return out;
    }

    /** No contested place of the catalog appears in {@code text} by one side's name without the others'. */
    static void noContestedPlaceWithOneName(String what, String text, String lang) {
        String flat = unquoted(text).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        contested(lang).forEach((id, sides) -> {
            if (sides.stream().anyMatch(flat::contains)) {
                for (String name : sides) assertThat(flat).as(what + " names " + id + " by one side's name; missing " + name).contains(name);
            }
        });
    }

    /** The bulletin's JSON without the words its lines cite (the JSON form of a quotation), as text. */
    static String withoutCitedWords(JsonNode bulletin) {
        assertThat(bulletin.has("sections")).as("a bulletin, not a refusal: " + bulletin).isTrue();
        JsonNode copy = bulletin.deepCopy();
        for (JsonNode section : copy.get("sections")) {
            for (JsonNode line : section.get("lines")) ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove(List.of("citations", "quotes"));
        }
        return copy.toString();
    }

    /** A verbatim quote (an agreement's words, a body's) stays as it was said: it is not Truce naming a place. */
    static String unquoted(String text) {
        return text.replaceAll("(?s)<q\\b.*?</q>|<blockquote\\b.*?</blockquote>|«[^»]*»|“[^”]*”|„[^“]*“", "«»");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "hy", "az", "de"})
    void the_catalog_has_contested_places_in_every_language(String lang) {
        assertThat(contested(lang)).containsKeys("town-khankendi-stepanakert", "town-shusha-shushi",
                "settlement-stepanakert-khankendi", "settlement-shusha-shushi", "road-stepanakert-goris");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "hy", "az", "de"})
    void every_map_layer_names_each_contested_feature_by_every_sides_name(String lang) {
        int checked = 0;
        for (String day : MAP_DAYS) {
            for (String kind : List.of("zone", "line", "point", "hazard", "cleared")) {
                for (String url : List.of("/api/v1/layers/" + kind + "?asOf=" + day + "&lang=" + lang,
                        "/api/v1/layers/" + kind + "?asOf=" + day + "&lang=" + lang + "&download=1")) {
                    JsonNode fc = node.get(url).json();
                    assertThat(fc.get("lang").asText()).isEqualTo(lang);
                    for (JsonNode f : fc.get("features")) {
                        Set<String> sides = sideNames(f.at("/properties/names"), lang);
                        String name = f.at("/properties/name").asText();
                        for (String side : sides) assertThat(name).as(url + " " + f.at("/properties/feature")).contains(side);
                        List<String> listed = new ArrayList<>();
                        f.at("/properties/sideNames").forEach(n -> listed.add(n.get("name").asText()));
                        assertThat(listed).as("sideNames of " + f.at("/properties/feature")).containsAll(sides);
                        checked += sides.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertThat(checked).as("contested features checked").isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "hy", "az", "de"})
    void the_map_page_shows_every_sides_name_of_each_contested_feature(String lang) {
        for (String day : MAP_DAYS) {
            String html = node.get("/map?asOf=" + day + "&lang=" + lang).body();
            noContestedPlaceWithOneName("/map " + day, html, lang);
            for (JsonNode f : node.get("/api/v1/layers/point?asOf=" + day + "&lang=" + lang).json().get("features")) {
                for (String side : sideNames(f.at("/properties/names"), lang)) {
                    assertThat(html).as("/map " + f.at("/properties/feature")).contains(side);
                }
            }
        }
        String hy = node.get("/map?asOf=2021-01-05&lang=" + lang).body();
        assertThat(hy).contains(expected(lang, "settlement-stepanakert-khankendi")).contains(expected(lang, "settlement-shusha-shushi"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "hy", "az", "de"})
    void no_demo_bulletin_names_a_contested_place_by_one_sides_name(String lang) {
        Set<String> dates = new TreeSet<>(List.of("2021-01-13"));
        for (JsonNode p : node.get("/api/v1/publications").json().get("items")) dates.add(p.get("date").asText());
        assertThat(dates).hasSizeGreaterThan(3);
        for (String date : dates) {
            // 13 January is a draft: read it signed in
            noContestedPlaceWithOneName(date + " text", node.get("/api/v1/bulletins/" + date + "?format=text&lang=" + lang, node.token).body(), lang);
            noContestedPlaceWithOneName(date + " json", withoutCitedWords(node.get("/api/v1/bulletins/" + date + "?lang=" + lang, node.token).json()), lang);
            noContestedPlaceWithOneName(date + " page", node.get("/bulletins/" + date + "?lang=" + lang, node.token).body(), lang);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "hy", "az", "de"})
    void the_pdf_bulletins_map_key_names_each_contested_feature_by_every_sides_name(String lang) throws Exception {
        String text = pdfText("/api/v1/bulletins/2021-01-11?format=pdf&lang=" + lang);
        noContestedPlaceWithOneName("PDF", text, lang);
        String flat = text.replaceAll("[\\s\\u00a0\\u202f]+", " ");
        for (String id : List.of("settlement-stepanakert-khankendi", "settlement-shusha-shushi", "road-stepanakert-goris")) {
            for (String side : sideNames(named.get(id), lang)) assertThat(flat).as("PDF key, " + id).contains(side);
        }
    }

    @org.junit.jupiter.api.Test
    void the_places_csv_carries_every_sides_name_of_each_contested_place() {
        String csv = node.get("/api/v1/places?format=csv&limit=500").body();
        for (String lang : LANGUAGES) {
            contested(lang).forEach((id, sides) -> {
                if (!id.startsWith("town-")) return;
                for (String side : sides) assertThat(csv).as("places CSV, " + id).contains(side);
            });
        }
    }

    /** The display the documented rule gives, from the feature's sideNames in the layer JSON. */
    private static String expected(String lang, String feature) {
        for (JsonNode f : node.get("/api/v1/layers/point?asOf=2021-01-05&lang=" + lang).json().get("features")) {
            if (f.at("/properties/feature").asText().equals(feature)) return f.at("/properties/name").asText();
        }
        throw new AssertionError("no feature " + feature);
    }

    private static String pdfText(String path) throws Exception {
        HttpResponse<byte[]> r = org.truce.support.TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
