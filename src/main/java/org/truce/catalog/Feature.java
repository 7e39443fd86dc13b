package org.truce.catalog;

import java.util.List;

/**
 * A feature of the map: what it is and what each side calls it. Its geometry is not here: it is a
 * history of versions, each valid for an interval, kept by {@code org.truce.places}. Immutable.
 *
 * @param place the gazetteer place it draws, if any (the extent of "nk", say)
 * @param illustrative its geometry is a sketch, not authoritative; every output that shows it says so
 */
public record Feature(String id, FeatureKind kind, String cls, List<PlaceName> names, String place, boolean illustrative) {
    public Feature {
        names = List.copyOf(names);
    }
}
