package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.support.TestNode;

/**
 * Issue 15, "native grammar": renders the demo's bulletins of every published date (text and page) and
 * the main pages in each language other than English, and checks that no phrasing a native review
 * rejected ({@code known-bad/<lang>.txt}) comes back, and that no English fixed text (a run of three or
 * more words of any English pattern) appears outside a quotation. One demo node serves every language.
 */
class KnownBadPhrasingsTest {
    static final Path KNOWN_BAD = Path.of("src/test/resources/known-bad");
    static final List<String> PAGES = List.of("/", "/bulletins", "/map", "/figures", "/check", "/feedback", "/agreements");
    /** A quotation's words, in the marks of each language: «…», „…“, “…”. */
    static final Pattern QUOTED = Pattern.compile("«[^«»]*»|„[^„“]*“|“[^“”]*”");
    static Path dir;
    static TestNode node;
    static Map<String, String> rendered = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("truce-known-bad");
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        node.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Every output of {@code lang} this test reads, by the address it came from. */
    static Map<String, String> outputs(String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> dates = new ArrayList<>();
        node.get("/api/v1/publications").json().get("items").forEach(p -> dates.add(p.get("date").asText()));
        assertThat(dates).as("published demo dates").isNotEmpty();
        for (String date : new TreeSet<>(dates)) {
            out.put(date + " text", get("/api/v1/bulletins/" + date + "?format=text&lang=" + lang));
            out.put(date + " page", visible(get("/bulletins/" + date + "?lang=" + lang), lang));
        }
        for (String page : PAGES) out.put(page, visible(get(page + "?lang=" + lang), lang));
        return out;
    }

    static String get(String path) {
        var r = node.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.body();
    }

    /**
     * The text a reader sees: no scripts, styles or tags. Text marked as another language's reads as «…»:
     * a quotation element, an element whose {@code lang} is not the page's, and a place's names in other
     * languages (listed as such, class {@code other-name}).
     */
    static String visible(String html, String lang) {
        return html.replaceAll("(?s)<script\\b.*?</script>|<style\\b.*?</style>", " ")
                .replaceAll("(?s)<q\\b[^>]*>.*?</q>|<blockquote\\b[^>]*>.*?</blockquote>", "«…»")
                .replaceAll("(?s)<(span|bdi|q|p|li|td|dd|cite|blockquote)\\b[^>]*\\blang=\"(?!" + lang + "\\b)[a-z-]+\"[^>]*>.*?</\\1>", "«…»")
                .replaceAll("(?s)<(span|bdi) class=\"other-name\"[^>]*>.*?</\\1>", "«…»")
                .replaceAll("<[^>]+>", " ").replace("&nbsp;", "\u00a0").replaceAll("[ \\t]+", " ");
    }

    /** The text with each quotation's words elided, its marks kept. */
    static String unquoted(String text) {
        return QUOTED.matcher(text).replaceAll(m -> m.group().charAt(0) + "…" + m.group().charAt(m.group().length() - 1));
    }

    static List<String> knownBad(String lang) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(KNOWN_BAD.resolve(lang + ".txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) out.add(line);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "de", "hy", "az"})
    void no_known_bad_phrasing_returns(String lang) throws IOException {
        List<String> bad = knownBad(lang);
        List<String> problems = new ArrayList<>();
        outputs(lang).forEach((where, text) -> {
            String plain = unquoted(text);
            for (String phrase : bad) {
                int at = plain.indexOf(phrase);
                if (at >= 0) problems.add(where + ": \"" + phrase + "\" in …" + plain.substring(Math.max(0, at - 60),
                        Math.min(plain.length(), at + phrase.length() + 60)).replace('\n', ' ') + "…");
            }
        });
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "de", "hy", "az"})
    void no_english_fixed_text_appears_outside_a_quotation(String lang) throws IOException {
        Set<String> english = englishRuns();
        List<String> problems = new ArrayList<>();
        outputs(lang).forEach((where, text) -> {
            String plain = unquoted(text);
            for (String run : english) if (plain.contains(run)) problems.add(where + ": \"" + run + "\"");
        });
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void the_english_runs_are_found_and_quotations_elided() throws IOException {
        assertThat(englishRuns()).contains("had returned to", "No figure on this from:");
        assertThat(unquoted("по данным X: «As of January 11, a total» и „more than“")).isEqualTo("по данным X: «…» и „…“");
        assertThat(knownBad("ru")).contains("по данным источника «");
    }

    /** The literal runs of three or more Latin words in every English pattern of the bulletin and page bundles. */
    static Set<String> englishRuns() throws IOException {
        Set<String> out = new TreeSet<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("src/main/resources/bulletin/messages_en.properties")));
        for (String bundle : Messages.UI_BUNDLES) files.add(Path.of("src/main/resources/ui/" + bundle + "/messages_en.properties"));
        for (Path f : files) {
            Properties p = TranslationsTest.load(f);
            for (String key : p.stringPropertyNames()) {
                if (key.equals("locale")) continue;
                for (String literal : literals(p.getProperty(key))) {
                    for (String run : literal.split("[^A-Za-z’'\\-:, ]+")) {
                        String t = run.strip();
                        if (t.split("\\s+").length >= 3 && t.matches(".*[a-z].*")) out.add(t);
                    }
                }
            }
        }
        return out;
    }

    /** The literal text of an ICU pattern, outside its arguments' syntax (the words of sub-messages included). */
    static List<String> literals(String pattern) {
        MessagePattern mp = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL);
        mp.parse(pattern);
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < mp.countParts(); i++) {
            MessagePattern.Part a = mp.getPart(i);
            MessagePattern.Part b = mp.getPart(i + 1);
            if (!ends(a.getType()) || !starts(b.getType())) continue;
            if (b.getIndex() > a.getLimit()) out.add(pattern.substring(a.getLimit(), b.getIndex()).replace("''", "'"));
        }
        return out;
    }

    private static boolean ends(MessagePattern.Part.Type t) {
        return t == MessagePattern.Part.Type.MSG_START || t == MessagePattern.Part.Type.ARG_LIMIT
                || t == MessagePattern.Part.Type.SKIP_SYNTAX || t == MessagePattern.Part.Type.REPLACE_NUMBER
                || t == MessagePattern.Part.Type.INSERT_CHAR;
    }

    private static boolean starts(MessagePattern.Part.Type t) {
        return t == MessagePattern.Part.Type.ARG_START || t == MessagePattern.Part.Type.MSG_LIMIT
                || t == MessagePattern.Part.Type.SKIP_SYNTAX || t == MessagePattern.Part.Type.REPLACE_NUMBER
                || t == MessagePattern.Part.Type.INSERT_CHAR;
    }
}
