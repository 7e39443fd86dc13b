package org.truce.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which name of a place to show in running text in one language — never one side's name alone where
 * the sides' names differ. The rule, from the names the catalog holds (no language or party is
 * written into the code):
 * <ol>
 *   <li>a language in which the place has no name at all shows the English display;</li>
 *   <li>a name in the language that all use ("common") is shown alone;</li>
 *   <li>otherwise each side (the bodies that use a name together) contributes its name in the language,
 *       or its English (Latin) form when it has none in it;</li>
 *   <li>a side that alone supplied a name in the language comes first — in the model case, the
 *       Armenian-language name of the Armenian side in Armenian, the Azerbaijani-language name of the
 *       Azerbaijani side in Azerbaijani; every other order is the alphabetical order of the sides'
 *       Latin forms ("Khankendi / Stepanakert", "Ханкенди / Степанакерт").</li>
 * </ol>
 * Stateless.
 */
final class PlaceNames {
    private static final String LATIN = "en";

    private PlaceNames() {}

    /** The name to show, or empty when the place has no name at all in the language (the caller falls back to English). */
    static Optional<String> display(List<PlaceName> names, String lang) {
        if (names.stream().noneMatch(n -> n.lang().equals(lang))) return Optional.empty();
        for (PlaceName n : names) if (n.lang().equals(lang) && n.common()) return Optional.of(n.name());
        List<Side> sides = sides(names, lang);
        if (sides.isEmpty()) return Optional.empty();
        List<Side> own = sides.stream().filter(Side::inLanguage).toList();
        Comparator<Side> latin = Comparator.comparing(Side::latin, String.CASE_INSENSITIVE_ORDER);
        Comparator<Side> order = own.size() == 1 && sides.size() > 1
                ? Comparator.<Side, Boolean>comparing(s -> !s.inLanguage()).thenComparing(latin)
                : latin;
        return Optional.of(sides.stream().sorted(order).map(Side::shown).distinct().collect(Collectors.joining(" / ")));
    }

    /** One side's name: as shown in the language, its Latin form for ordering, and whether it is in the language. */
    private record Side(String shown, String latin, boolean inLanguage) {}

    private static List<Side> sides(List<PlaceName> names, String lang) {
        Map<Set<String>, List<PlaceName>> bySide = new LinkedHashMap<>();
        for (PlaceName n : names) {
            if (n.common()) continue;
            bySide.computeIfAbsent(new TreeSet<>(n.usedBy()), k -> new ArrayList<>()).add(n);
        }
        List<Side> out = new ArrayList<>();
        for (List<PlaceName> sideNames : bySide.values()) {
            Optional<String> inLang = first(sideNames, lang);
            Optional<String> latin = first(sideNames, LATIN);
            if (inLang.isEmpty() && latin.isEmpty()) continue;
            out.add(new Side(inLang.orElseGet(latin::get), latin.orElseGet(inLang::get), inLang.isPresent()));
        }
        return out;
    }

    private static Optional<String> first(List<PlaceName> names, String lang) {
        return names.stream().filter(n -> n.lang().equals(lang)).map(PlaceName::name).sorted().findFirst();
    }
}
