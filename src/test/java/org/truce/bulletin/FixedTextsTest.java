package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md principle 1: the fixed texts use no loaded words, in any language. */
class FixedTextsTest {
    /** Stems, so every inflection is caught (освобожд- covers освобождённый, освобождение, ...). */
    static final List<String> LOADED = List.of("liberat", "occupi", "occupy", "occupation", "aggress", "terroris",
            "genocid", "puppet", "separatis", "освобож", "оккуп", "агресс", "террорис", "марионет", "сепаратис",
            "геноцид", "захватчик",
            // ACLED's "regains"/"overtakes" take a side on whose the territory is; the labels say who controls it now
            "regain", "overtak", "восстанавлива", "берёт");

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void no_fixed_text_uses_a_loaded_word(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/bulletin/messages_" + lang + ".properties")) {
            assertThat(in).as("resource for " + lang).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(p).isNotEmpty();
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key).toLowerCase(Locale.ROOT);
            for (String word : LOADED) assertThat(text).as(lang + ":" + key).doesNotContain(word);
        }
    }

    @org.junit.jupiter.api.Test
    void no_name_in_the_demo_catalog_uses_a_loaded_word() throws IOException {
        var seed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(getClass().getResourceAsStream("/demo/seed.json"));
        List<String> names = new java.util.ArrayList<>();
        for (String section : List.of("sources", "metrics")) {
            seed.get(section).forEach(item -> item.get("names").forEach(n -> names.add(n.asText())));
        }
        seed.get("places").forEach(p -> p.get("names").forEach(n -> names.add(n.get("name").asText())));
        assertThat(names).hasSizeGreaterThan(50);
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            // a body's own official name is kept as it is (Azerbaijan's State Commission on Prisoners of War, ...)
            if (lower.contains("prisoners of war") || lower.contains("военноплен")) continue;
            for (String word : LOADED) assertThat(lower).as(name).doesNotContain(word);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void every_language_has_every_message_of_english(String lang) throws IOException {
        Properties en = load("en");
        Properties other = load(lang);
        assertThat(other.stringPropertyNames()).containsAll(en.stringPropertyNames());
    }

    private Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/bulletin/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
