package org.truce.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The check that a name marked common is every party's, not one side's: a name that all use in a
 * language may not contain, as a word, the name one side alone gives in that language to a place on
 * which the sides share no name there ("Goris – Lachin – Stepanakert road" marked common, while
 * Stepanakert is one side's name and the other says Khankendi). A name that merely shares a word with
 * one side's name of a place that has a common name ("Nagorno-Karabakh" beside the side's "Karabakh")
 * is not caught: that place is already named neutrally. Reads names only; no party or language is
 * written into the code. Stateless.
 */
public final class CommonNames {
    private CommonNames() {}

    /** A common name that carries one side's name, with the place whose side-name it carries. */
    public record Conflict(String id, String lang, String common, String sideName, String of, List<String> usedBy) {
        @Override
        public String toString() {
            return id + ": the " + lang + " name \"" + common + "\" is marked common but carries \"" + sideName
                    + "\", the name of " + of + " used only by " + String.join(", ", usedBy);
        }
    }

    /** Every conflict among the named things (places or map features, by id). */
    public static List<Conflict> conflicts(Map<String, List<PlaceName>> named) {
        Map<String, Map<String, Side>> sideOnly = sideOnlyNames(named);
        List<Conflict> out = new ArrayList<>();
        named.forEach((id, names) -> {
            for (PlaceName n : names) {
                if (!n.common()) continue;
                sideOnly.getOrDefault(n.lang(), Map.of()).forEach((name, side) -> {
                    if (containsWord(n.name(), name)) out.add(new Conflict(id, n.lang(), n.name(), name, side.of(), side.usedBy()));
                });
            }
        });
        return List.copyOf(out);
    }

    private record Side(String of, List<String> usedBy) {}

    /** Per language, the names one side alone gives to a place on which no name is common in that language. */
    private static Map<String, Map<String, Side>> sideOnlyNames(Map<String, List<PlaceName>> named) {
        Map<String, Map<String, Side>> out = new LinkedHashMap<>();
        named.forEach((id, names) -> {
            for (PlaceName n : names) {
                if (n.common() || !PlaceNames.contested(names, n.lang())) continue;
                if (names.stream().anyMatch(o -> o.lang().equals(n.lang()) && o.common())) continue;
                out.computeIfAbsent(n.lang(), k -> new LinkedHashMap<>()).putIfAbsent(n.name(), new Side(id, n.usedBy()));
            }
        });
        return out;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}-])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}-])").matcher(text).find();
    }
}
