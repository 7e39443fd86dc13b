package org.truce.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phrases of one language that say what a number counts, how it is qualified, whether it is an
 * increment, which breakdown it is, who says it and when: {@code /extraction/rules_<lang>.properties},
 * {@code key=phrase|other phrase}, compared {@link Folded#phrase folded}, longest first.
 * Immutable once loaded; thread-safe.
 */
final class ExtractionRules {
    static final List<String> LANGUAGES = List.of("en", "ru", "hy", "az", "de");
    private static final Map<String, ExtractionRules> LOADED = new ConcurrentHashMap<>();
    private final String lang;
    private final Map<String, List<String>> phrases;

    private ExtractionRules(String lang, Map<String, List<String>> phrases) {
        this.lang = lang;
        this.phrases = phrases;
    }

    static ExtractionRules of(String lang) {
        return LOADED.computeIfAbsent(lang, ExtractionRules::load);
    }

    private static ExtractionRules load(String lang) {
        String path = "/extraction/rules_" + lang + ".properties";
        Properties p = new Properties();
        try (InputStream in = ExtractionRules.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no extraction rules for language " + lang);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            List<String> list = new ArrayList<>();
            for (String w : p.getProperty(key).split("\\|")) if (!w.isBlank()) list.add(Folded.phrase(w));
            list.sort(Comparator.comparingInt(String::length).reversed());
            out.put(key, List.copyOf(list));
        }
        return new ExtractionRules(lang, out);
    }

    String lang() {
        return lang;
    }

    /** The phrases of {@code key}, longest first (empty when none). */
    List<String> phrases(String key) {
        return phrases.getOrDefault(key, List.of());
    }

    /** The metric ids with phrases, each with its phrases. */
    Map<String, List<String>> metrics() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        phrases.forEach((k, v) -> {
            if (k.startsWith("metric.")) out.put(k.substring(7), v);
        });
        return out;
    }

    /**
     * The short forms a text calls a body it named before ("оборонное ведомство", "the ministry"), by
     * the key word the body's name must hold ({@code source.short.<key>}).
     */
    Map<String, List<String>> shortForms() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        phrases.forEach((k, v) -> {
            if (k.startsWith("source.short.")) out.put(Folded.phrase(k.substring(13)), v);
        });
        return out;
    }

    /** The breakdown names with their nouns. */
    Map<String, List<String>> breakdowns() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        phrases.forEach((k, v) -> {
            if (k.startsWith("breakdown.") && !k.equals("breakdown.before")) out.put(k.substring(10), v);
        });
        return out;
    }
}
