package org.truce.catalog;

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
 * Which name of a place to show in one language — never one side's name alone where the sides' names
 * differ. The one rule every output uses (bulletins, pages, map layers and labels, exports, PDFs),
 * from the names the catalog holds (no language or party is written into the code):
 * <ol>
 *   <li>a language in which the place has no name at all shows the English display;</li>
 *   <li>a name in the language that all use ("common") is shown alone;</li>
 *   <li>otherwise each side (the bodies that use a name together) contributes its name in the language,
 *       or its English (Latin) form when it has none in it — the common English name where the side has
 *       no English name of its own; where the place has a common English name but no common name in the
 *       language, the parties that use the common name are a side too, unless a side already goes by it;</li>
 *   <li>a side that alone supplied a name in the language comes first — in the model case, the
 *       Armenian-language name of the Armenian side in Armenian, the Azerbaijani-language name of the
 *       Azerbaijani side in Azerbaijani; every other order is the alphabetical order of the sides'
 *       Latin forms ("Khankendi / Stepanakert", "Ханкенди / Степанакерт").</li>
 * </ol>
 * Stateless.
 */
public final class PlaceNames {
    /** The language whose names stand in where a side has none in the reader's language (Latin script). */
    public static final String LATIN = "en";
    static final String SEPARATOR = " / ";

    private PlaceNames() {}

    /**
     * One name as a reader of a language is shown it, with who uses it.
     *
     * @param lang the language the name is in: the reader's, or {@link #LATIN} where its side has none there
     */
    public record Named(String name, String lang, List<String> usedBy) {
        public Named {
            usedBy = List.copyOf(usedBy);
        }

        public boolean common() {
            return usedBy.contains(PlaceName.COMMON);
        }
    }

    /** The name to show in {@code lang}; English when the names have none in it; {@code fallback} when none in English either. */
    public static String display(List<PlaceName> names, String lang, String fallback) {
        return shown(names, lang).or(() -> shown(names, LATIN)).orElse(fallback);
    }

    /**
     * Every name a reader of {@code lang} is shown, in the order of the display: the common name first
     * when there is one, then each side's name (in the language, else its Latin form). English stands in
     * for a language in which the place has no name at all; empty when it has none in English either.
     */
    public static List<Named> named(List<PlaceName> names, String lang) {
        String in = has(names, lang) ? lang : has(names, LATIN) ? LATIN : null;
        if (in == null) return List.of();
        List<Named> out = new ArrayList<>();
        for (PlaceName n : names) if (n.lang().equals(in) && n.common()) out.add(new Named(n.name(), n.lang(), n.usedBy()));
        for (Side s : ordered(sides(names, in))) out.add(new Named(s.shown(), s.shownLang(), s.usedBy()));
        return List.copyOf(out);
    }

    /** Whether the sides' names differ in {@code lang}: no name there is common and more than one side names the place. */
    public static boolean contested(List<PlaceName> names, String lang) {
        String in = has(names, lang) ? lang : LATIN;
        if (names.stream().anyMatch(n -> n.lang().equals(in) && n.common())) return false;
        return sides(names, in).stream().map(Side::shown).distinct().count() > 1;
    }

    /** The name to show, or empty when the place has no name at all in the language (the caller falls back to English). */
    static Optional<String> shown(List<PlaceName> names, String lang) {
        if (!has(names, lang)) return Optional.empty();
        for (PlaceName n : names) if (n.lang().equals(lang) && n.common()) return Optional.of(n.name());
        List<Side> sides = sides(names, lang);
        if (sides.isEmpty()) return Optional.empty();
        return Optional.of(ordered(sides).stream().map(Side::shown).distinct().collect(Collectors.joining(SEPARATOR)));
    }

    /** One side's name: as shown in the language (and which language that is), its Latin form for ordering, who uses it. */
    private record Side(String shown, String shownLang, String latin, boolean inLanguage, List<String> usedBy) {}

    private static List<Side> ordered(List<Side> sides) {
        long own = sides.stream().filter(Side::inLanguage).count();
        Comparator<Side> latin = Comparator.comparing(Side::latin, String.CASE_INSENSITIVE_ORDER);
        Comparator<Side> order = own == 1 && sides.size() > 1
                ? Comparator.<Side, Boolean>comparing(s -> !s.inLanguage()).thenComparing(latin)
                : latin;
        return sides.stream().sorted(order).toList();
    }

    private static List<Side> sides(List<PlaceName> names, String lang) {
        Map<Set<String>, List<PlaceName>> bySide = new LinkedHashMap<>();
        for (PlaceName n : names) {
            if (n.common()) continue;
            bySide.computeIfAbsent(new TreeSet<>(n.usedBy()), k -> new ArrayList<>()).add(n);
        }
        // a side with no English name of its own uses the common one, as every party does
        Optional<String> commonLatin = names.stream().filter(n -> n.common() && n.lang().equals(LATIN)).map(PlaceName::name).findFirst();
        List<Side> out = new ArrayList<>();
        for (Map.Entry<Set<String>, List<PlaceName>> side : bySide.entrySet()) {
            Optional<String> inLang = first(side.getValue(), lang);
            Optional<String> latin = first(side.getValue(), LATIN).or(() -> commonLatin);
            if (inLang.isEmpty() && latin.isEmpty()) continue;
            out.add(new Side(inLang.orElseGet(latin::get), inLang.isPresent() ? lang : LATIN, latin.orElseGet(inLang::get),
                    inLang.isPresent(), List.copyOf(side.getKey())));
        }
        // where no name is common in the language, the parties that use the common English name are a side
        // of their own, unless a side already goes by it ("Xudavəng monastırı / Dadivank", not the first alone)
        boolean commonInLang = names.stream().anyMatch(n -> n.common() && n.lang().equals(lang));
        if (!out.isEmpty() && !commonInLang && commonLatin.isPresent()
                && out.stream().noneMatch(s -> s.latin().equals(commonLatin.get()))) {
            out.add(new Side(commonLatin.get(), LATIN, commonLatin.get(), false, List.of(PlaceName.COMMON)));
        }
        return out;
    }

    private static boolean has(List<PlaceName> names, String lang) {
        return names.stream().anyMatch(n -> n.lang().equals(lang));
    }

    private static Optional<String> first(List<PlaceName> names, String lang) {
        return names.stream().filter(n -> n.lang().equals(lang)).map(PlaceName::name).sorted().findFirst();
    }
}
