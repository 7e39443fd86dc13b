package org.truce.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A body that reports. Its figures speak in its name; {@code reportsOn} lists the metrics it is known
 * to report on, so that silence ("no report") can be shown rather than hidden. Immutable.
 *
 * @param names name per language as it reads in running text (the nominative)
 * @param partOf the body it belongs to (a ministry's government), or null
 * @param forms per language, the name in the grammatical forms ({@link #FORMS}) that language's
 *     sentences need: Russian "по данным Министерства обороны России" takes the genitive, German
 *     "nach Angaben des Verteidigungsministeriums Russlands" the genitive with its article. A form
 *     missing here reads as the nominative name.
 */
public record Source(String id, Set<Role> roles, String partOf, Map<String, String> names, List<String> reportsOn,
        Map<String, Map<String, String>> forms) {
    /**
     * The form names a catalog may give: nominative, genitive, dative, accusative, instrumental, locative
     * (prepositional), ablative (Azerbaijani çıxışlıq).
     */
    public static final List<String> FORMS = List.of("nom", "gen", "dat", "acc", "ins", "loc", "abl");

    public Source {
        roles = Set.copyOf(roles);
        names = Map.copyOf(names);
        reportsOn = List.copyOf(reportsOn);
        Map<String, Map<String, String>> copy = new TreeMap<>();
        forms.forEach((lang, byForm) -> {
            for (String form : byForm.keySet()) {
                if (!FORMS.contains(form)) throw new IllegalArgumentException("unknown grammatical form " + form + "; known: " + FORMS);
            }
            if (!byForm.isEmpty()) copy.put(lang, Map.copyOf(byForm));
        });
        forms = Map.copyOf(copy);
    }

    /** A source whose name has no declined forms: every form reads as the nominative. */
    public Source(String id, Set<Role> roles, String partOf, Map<String, String> names, List<String> reportsOn) {
        this(id, roles, partOf, names, reportsOn, Map.of());
    }

    public String name(String lang) {
        return Names.pick(names, lang, id);
    }

    /** The name in {@code form} ({@link #FORMS}) in {@code lang}; the nominative {@link #name} when the catalog gives none. */
    public String name(String lang, String form) {
        String declined = forms.getOrDefault(lang, Map.of()).get(form);
        return declined != null ? declined : name(lang);
    }
}
