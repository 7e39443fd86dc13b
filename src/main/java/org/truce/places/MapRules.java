package org.truce.places;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.truce.catalog.FeatureKind;
import org.truce.catalog.Feature;
import org.truce.catalog.Catalog;
import org.truce.record.Violation;

/**
 * Checks map facts against the record: the feature exists (or is declared earlier in the same
 * request) and its kind takes the geometry's type; sources, parties and controllers are in the
 * catalog; control is recorded for areas of control only; statuses fit the point's class; dates lie
 * between 1900 and 2100 (a status between 1900 and today). Reads the projections; stateless.
 */
final class MapRules {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 1, 1);
    private final MapBook map;
    private final Catalog catalog;

    MapRules(MapBook map, Catalog catalog) {
        this.map = map;
        this.catalog = catalog;
    }

    /** @param pending features declared earlier in the same request */
    List<Violation> check(MapFact fact, String at, Map<String, Feature> pending, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (fact instanceof MapFact.FeatureDeclared d) {
            String place = d.feature().place();
            if (place != null && catalog.place(place, Long.MAX_VALUE).isEmpty()) v.add(new Violation(at + "/place", "unknown place: " + place));
        } else if (fact instanceof MapFact.GeometryRecorded g) {
            geometry(g.version(), at, pending, v);
        } else {
            status(((MapFact.StatusReported) fact).status(), at, pending, today, v);
        }
        return v;
    }

    private void geometry(GeometryVersion g, String at, Map<String, Feature> pending, List<Violation> v) {
        Feature f = feature(g.feature(), pending);
        if (f == null) {
            v.add(new Violation(at + "/feature", "unknown feature: " + g.feature() + " (declare it first)"));
        } else {
            if (!accepts(f.kind(), g.geometry())) {
                v.add(new Violation(at + "/geometry", "a " + f.kind().wire() + " takes " + geometryNoun(f.kind()) + ", not a "
                        + g.geometry().getGeometryType()));
            }
            if (g.controlledBy() != null && !"area_of_control".equals(f.cls())) {
                v.add(new Violation(at + "/controlledBy", "is for areas of control only; " + f.id() + " is a " + f.cls()));
            }
        }
        source(g.source(), at + "/source", v);
        source(g.party(), at + "/party", v);
        source(g.controlledBy(), at + "/controlledBy", v);
        range(g.validFrom(), at + "/validFrom", LATEST, v);
        range(g.validTo(), at + "/validTo", LATEST, v);
    }

    private void status(StatusReport s, String at, Map<String, Feature> pending, LocalDate today, List<Violation> v) {
        Feature f = feature(s.feature(), pending);
        if (f == null) {
            v.add(new Violation(at + "/feature", "unknown feature: " + s.feature()));
        } else {
            List<String> allowed = StatusReport.statusesOf(f.cls());
            if (allowed.isEmpty()) v.add(new Violation(at + "/feature", "a " + f.cls() + " has no status; checkpoints, border crossings and heritage sites do"));
            else if (!allowed.contains(s.status())) v.add(new Violation(at + "/status", "must be one of " + allowed + " for a " + f.cls()));
        }
        source(s.source(), at + "/source", v);
        range(s.from(), at + "/from", today.plusDays(1), v);
    }

    private Feature feature(String id, Map<String, Feature> pending) {
        if (pending.containsKey(id)) return pending.get(id);
        return map.feature(id, Long.MAX_VALUE).orElse(null);
    }

    private void source(String id, String at, List<Violation> v) {
        if (id != null && catalog.source(id, Long.MAX_VALUE).isEmpty()) v.add(new Violation(at, "unknown source: " + id));
    }

    private static void range(LocalDate d, String at, LocalDate before, List<Violation> v) {
        if (d != null && (d.isBefore(EARLIEST) || !d.isBefore(before))) {
            v.add(new Violation(at, "must lie between 1900-01-01 and " + before.minusDays(1)));
        }
    }

    /** Lines are lines, points are points, everything else is an area. */
    static boolean accepts(FeatureKind kind, Geometry g) {
        return switch (kind) {
            case LINE -> g instanceof LineString || g instanceof MultiLineString;
            case POINT -> g instanceof Point;
            default -> g instanceof Polygon || g instanceof MultiPolygon;
        };
    }

    private static String geometryNoun(FeatureKind kind) {
        return switch (kind) {
            case LINE -> "a LineString or MultiLineString";
            case POINT -> "a Point";
            default -> "a Polygon or MultiPolygon";
        };
    }
}
