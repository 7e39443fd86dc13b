package org.truce.places;

import org.truce.catalog.Feature;

/** The facts of the map, one type per ledger entry type. Immutable records. */
public sealed interface MapFact {
    String FEATURE = "feature.declared";
    String GEOMETRY = "geometry.recorded";
    String STATUS = "status.reported";
    /** Every entry type of this capability. */
    java.util.Set<String> TYPES = java.util.Set.of(FEATURE, GEOMETRY, STATUS);

    String type();

    String clientId();

    record FeatureDeclared(Feature feature) implements MapFact {
        public String type() { return FEATURE; }
        public String clientId() { return "feature:" + feature.id(); }
    }

    record GeometryRecorded(GeometryVersion version) implements MapFact {
        public String type() { return GEOMETRY; }
        public String clientId() { return version.id(); }
    }

    record StatusReported(StatusReport status) implements MapFact {
        public String type() { return STATUS; }
        public String clientId() { return status.id(); }
    }
}
