package org.truce.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A word list per key and language, from resource files a translator extends without touching code
 * ({@code /ingest/<base>_<lang>.properties}, UTF-8, {@code key=word|other word}). Words are compared
 * {@link #normal normalised}. Immutable once loaded; thread-safe.
 */
final class Words {
    static final List<String> LANGUAGES = List.of("en", "ru", "hy", "az", "de");
    /** key -> language -> words, in file order. */
    private final Map<String, Map<String, List<String>>> words;

    private Words(Map<String, Map<String, List<String>>> words) {
        this.words = words;
    }

    static Words load(String base) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            String path = "/ingest/" + base + "_" + lang + ".properties";
            Properties p = new Properties();
            try (InputStream in = Words.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("missing resource " + path);
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (String key : p.stringPropertyNames()) {
                List<String> list = new ArrayList<>();
                for (String w : p.getProperty(key).split("\\|")) if (!w.isBlank()) list.add(w.trim());
                out.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(lang, List.copyOf(list));
            }
        }
        return new Words(out);
    }

    /** The words of {@code key} in {@code lang} (empty when none). */
    List<String> of(String key, String lang) {
        return words.getOrDefault(key, Map.of()).getOrDefault(lang, List.of());
    }

    java.util.Set<String> keys() {
        return words.keySet();
    }

    /** The form words and labels are compared in: {@link org.truce.catalog.Alias#normal}. */
    static String normal(String s) {
        return org.truce.catalog.Alias.normal(s);
    }
}
