package org.truce.places;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Geodesic distance between any two geometries: 0 when they meet; from a point, exact
 * ({@link Geodesy#distanceKm(Point, Geometry)}); between two extended geometries, the least distance
 * from the vertices of each (densified to about 250 m) to the other. Stateless.
 */
final class Distances {
    private static final double STEP_DEGREES = 0.002; // about 220 m of latitude, less of longitude here

    private Distances() {}

    static double km(Geometry a, Geometry b) {
        if (a.intersects(b)) return 0;
        if (a instanceof Point p) return Geodesy.distanceKm(p, b);
        if (b instanceof Point p) return Geodesy.distanceKm(p, a);
        return Math.min(fromVertices(a, b), fromVertices(b, a));
    }

    private static double fromVertices(Geometry from, Geometry to) {
        double best = Double.MAX_VALUE;
        for (Coordinate c : Densifier.densify(from, STEP_DEGREES).getCoordinates()) {
            best = Math.min(best, Geodesy.distanceKm(from.getFactory().createPoint(c), to));
        }
        return best;
    }
}
