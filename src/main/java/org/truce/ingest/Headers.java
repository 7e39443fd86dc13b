package org.truce.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The column headers a sheet may use for each field of a report, in the five languages
 * ({@code /ingest/headers_<lang>.properties}): "Показатель" and "Metric" both name the metric. A
 * header also tells the sheet's language, which decides its ambiguous numbers and dates when the
 * caller declares no locale. Immutable; thread-safe.
 */
public final class Headers {
    /** A header recognised: the field it names and the languages it is a word of. */
    public record Match(String field, Set<String> languages) {}

    private static final Headers DEFAULT = new Headers(Words.load("headers"));
    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, Set<String>> languages = new HashMap<>();

    private Headers(Words words) {
        for (String field : words.keys()) {
            for (String lang : Words.LANGUAGES) {
                for (String w : words.of(field, lang)) {
                    String n = Words.normal(w);
                    String other = fields.putIfAbsent(n, field);
                    if (other != null && !other.equals(field)) {
                        throw new IllegalStateException("header word \"" + w + "\" names both " + other + " and " + field);
                    }
                    languages.computeIfAbsent(n, k -> new HashSet<>()).add(lang);
                }
            }
        }
    }

    public static Headers standard() {
        return DEFAULT;
    }

    /** The field a header names: a header word, or a field's own name ("asOf", "document.title", "breakdown.children"). */
    public Optional<Match> match(String header) {
        String n = Words.normal(header);
        String field = fields.get(n);
        if (field != null) return Optional.of(new Match(field, Set.copyOf(languages.get(n))));
        for (String f : fields.values()) if (f.equalsIgnoreCase(header.trim())) return Optional.of(new Match(f, Set.of()));
        if (n.startsWith("breakdown.") && n.length() > 10) return Optional.of(new Match(n, Set.of()));
        return Optional.empty();
    }

    /** Whether an import reads {@code field}: a field with header words, or a breakdown ({@code breakdown.children}). */
    public boolean reads(String field) {
        return fields.containsValue(field) || (field.startsWith("breakdown.") && field.length() > 10);
    }

    /** The fields that have header words, sorted. */
    public List<String> fields() {
        return fields.values().stream().distinct().sorted().toList();
    }

    /** The one language most headers are words of, counting only words of one language; null when none leads. */
    public String language(List<String> headers) {
        Map<String, Integer> votes = new HashMap<>();
        for (String h : headers) {
            Set<String> langs = languages.get(Words.normal(h));
            if (langs != null && langs.size() == 1) votes.merge(langs.iterator().next(), 1, Integer::sum);
        }
        String best = null;
        int top = 0;
        boolean tie = false;
        for (var e : votes.entrySet()) {
            if (e.getValue() > top) {
                best = e.getKey();
                top = e.getValue();
                tie = false;
            } else if (e.getValue() == top) {
                tie = true;
            }
        }
        return tie ? null : best;
    }
}
