package org.truce.places;

import org.truce.catalog.FeatureKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Land release totals (IMAS 07.11) from the map as of a day: the area of each class of hazard area
 * (suspected, confirmed) and of released land (cancelled, reduced, cleared), geodesic, in hectares.
 * Areas of one class are unioned before they are measured, so overlapping records are not counted
 * twice; with a zone given, only the part inside it counts. Stateless.
 */
public final class LandRelease {
    private LandRelease() {}

    /** Hectares per class, every class present (0 when none), hazard classes first. */
    public static Map<String, Double> totals(MapBook map, LocalDate asOf, long size, Geometry within) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (FeatureKind kind : List.of(FeatureKind.HAZARD, FeatureKind.CLEARED)) {
            for (String cls : kind.classes()) {
                List<Geometry> parts = new ArrayList<>();
                for (Drawn d : map.layer(kind, within == null ? null : within.getEnvelopeInternal(), asOf, size)) {
                    if (cls.equals(d.feature().cls())) parts.add(d.version().geometry());
                }
                double ha = 0;
                if (!parts.isEmpty()) {
                    Geometry union = UnaryUnionOp.union(parts);
                    ha = Geodesy.areaHectares(within == null ? union : union.intersection(within));
                }
                out.put(cls, ha);
            }
        }
        return out;
    }

    /** Land released as of the day: cancelled + reduced + cleared, in hectares. */
    public static double released(Map<String, Double> totals) {
        return totals.get("cancelled") + totals.get("reduced") + totals.get("cleared");
    }
}
