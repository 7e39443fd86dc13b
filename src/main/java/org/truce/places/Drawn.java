package org.truce.places;

import org.truce.catalog.Feature;
import java.time.Instant;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A geometry version as the ledger recorded it: its entry's position and record time, its feature,
 * and the geometry prepared for repeated predicates. Immutable.
 */
public record Drawn(GeometryVersion version, Feature feature, long seq, Instant recordedAt, PreparedGeometry prepared) {
    static Drawn of(GeometryVersion v, Feature f, long seq, Instant recordedAt) {
        return new Drawn(v, f, seq, recordedAt, PreparedGeometryFactory.prepare(v.geometry()));
    }

    boolean visible(java.time.LocalDate asOf, long size) {
        return seq < size && version.validOn(asOf);
    }
}
