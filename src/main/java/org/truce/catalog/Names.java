package org.truce.catalog;

import java.util.Map;

/** Picks the name in a language, falling back to English, then to the neutral id. */
public final class Names {
    private Names() {}

    public static String pick(Map<String, String> names, String lang, String fallback) {
        String name = names.get(lang);
        if (name == null) name = names.get("en");
        return name == null ? fallback : name;
    }
}
