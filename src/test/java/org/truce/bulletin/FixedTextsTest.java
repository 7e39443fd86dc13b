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
            "геноцид", "захватчик");

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
