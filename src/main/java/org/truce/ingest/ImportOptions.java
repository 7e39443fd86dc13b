package org.truce.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the caller says of a whole upload: the sheet's locale (null: from its headers), whether a
 * changed row may correct the report of its key, and the values of fields that apply to every row
 * without a column of its own (the document cited, the source, the attribution ...). Immutable.
 */
public record ImportOptions(String locale, boolean corrections, Map<String, String> defaults) {
    /** The fields a whole file may give: those a row may lack a column for. */
    public static final Set<String> FILE_FIELDS = Set.of("metric", "source", "place", "kind", "qualifier", "asOf", "since",
            "attribution", "attributionKind", "attributionLang", "document.title", "document.publisher",
            "document.date", "document.url");

    public ImportOptions {
        Map<String, String> d = new LinkedHashMap<>();
        defaults.forEach((k, v) -> {
            if (!FILE_FIELDS.contains(k)) throw new IllegalArgumentException("a file cannot give " + k + " for every row");
            if (v != null && !v.isBlank()) d.put(k, v.trim());
        });
        defaults = java.util.Collections.unmodifiableMap(d);
        if (locale != null && locale.isBlank()) locale = null;
        if (locale != null && !locale.matches("[a-zA-Z]{2,3}([-_][A-Za-z]{2})?")) {
            throw new IllegalArgumentException("locale must be a language tag such as ru, en-GB or de");
        }
        if (locale != null) locale = locale.replace('_', '-');
    }
}
