package org.truce.figures;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A place with a neutral id and every name anyone uses for it. Units of different administrations
 * are separate places, each with its parent in its own hierarchy, linked by {@code overlaps}.
 * Immutable.
 *
 * @param administration the source id of the administration whose unit this is, or null
 * @param location WGS84 point, or null when not known
 */
public record Place(String id, String kind, String administration, String parent, List<PlaceName> names,
                    Point location, List<String> overlaps) {
    public record Point(double lat, double lon) {}

    public Place {
        names = List.copyOf(names);
        overlaps = List.copyOf(overlaps);
    }

    /**
     * The name to show in running text in {@code lang}: the name all use when there is one, otherwise
     * every name used in that language, alphabetically, joined by " / " — never one side's name alone.
     */
    public String displayName(String lang) {
        String shown = displayIn(lang);
        if (shown == null && !"en".equals(lang)) shown = displayIn("en");
        return shown == null ? id : shown;
    }

    private String displayIn(String lang) {
        List<PlaceName> inLang = names.stream().filter(n -> n.lang().equals(lang)).toList();
        for (PlaceName n : inLang) if (n.common()) return n.name();
        if (inLang.isEmpty()) return null;
        return inLang.stream().map(PlaceName::name).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(" / "));
    }
}
