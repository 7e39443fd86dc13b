package org.truce.catalog;

import java.util.List;

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
     * each side's name, never one side's alone, in the order {@link PlaceNames} documents; English
     * when the place has no name for that language at all, the id when it has none either.
     */
    public String displayName(String lang) {
        return PlaceNames.display(names, lang, id);
    }
}
