package org.truce.figures;

import java.util.Map;

/** Picks the name in a language, falling back to English, then to the neutral id. */
final class Names {
    private Names() {}

    static String pick(Map<String, String> names, String lang, String fallback) {
        String name = names.get(lang);
        if (name == null) name = names.get("en");
        return name == null ? fallback : name;
    }
}
