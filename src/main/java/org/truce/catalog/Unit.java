package org.truce.catalog;

import java.util.Map;
import java.util.Set;

/**
 * A unit things are counted in, declared in the catalog beside the built-in ones (people, hectares,
 * kilometres ...): observation posts, patrols, vehicles. Its names are ICU plural patterns per language
 * on the argument {@code n} ("{n, plural, one {# observation post} other {# observation posts}}"), so a
 * bulletin says "12 observation posts" in each language's own plural forms. Immutable.
 */
public record Unit(String id, Map<String, String> names) {
    /** The units every node knows, with their words in the bulletin's message files. */
    public static final Set<String> BUILT_IN = Set.of("people", "ha", "km", "items", "bodies", "buildings", "requests", "boardings");

    public Unit {
        names = Map.copyOf(names);
    }

    /** The pattern of {@code lang}, else English's. */
    public String pattern(String lang) {
        return names.getOrDefault(lang, names.get("en"));
    }
}
