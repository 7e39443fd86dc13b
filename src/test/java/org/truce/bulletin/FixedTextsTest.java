package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * DESIGN.md principle 1: the names in the demo catalog use no loaded word. The message bundles and the
 * templates are checked by {@link TranslationsTest}; both read the stems from {@code i18n/loaded-words.txt}.
 */
class FixedTextsTest {
    @org.junit.jupiter.api.Test
    void no_name_in_the_demo_catalog_uses_a_loaded_word() throws IOException {
        var seed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(getClass().getResourceAsStream("/demo/seed.json"));
        List<String> names = new java.util.ArrayList<>();
        for (String section : List.of("sources", "metrics")) {
            seed.get(section).forEach(item -> item.get("names").forEach(n -> names.add(n.asText())));
        }
        // the declined forms of source names (forms.<lang>.<form>) are names too
        seed.get("sources").forEach(s -> {
            if (s.has("forms")) s.get("forms").forEach(byForm -> byForm.forEach(n -> names.add(n.asText())));
        });
        seed.get("places").forEach(p -> p.get("names").forEach(n -> names.add(n.get("name").asText())));
        assertThat(names).hasSizeGreaterThan(50);
        List<TranslationsTest.Stem> stems = TranslationsTest.loadedWords();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            // a body's own official name is kept as it is (Azerbaijan's State Commission on Prisoners of War, ...)
            if (lower.contains("prisoners of war") || lower.contains("военноплен")) continue;
            assertThat(TranslationsTest.loadedIn(name, stems)).as(name).isEmpty();
        }
    }
}
