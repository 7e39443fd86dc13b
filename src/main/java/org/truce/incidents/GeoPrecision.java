package org.truce.incidents;

import java.util.Optional;

/**
 * How precisely an incident's place is known, as ACLED's {@code geo_precision} (1 the exact place,
 * 2 near it, 3 only the district or region). The radius is how far the true place may lie from the
 * recorded point, used when two allegations are compared for duplicates. Stateless.
 */
public enum GeoPrecision {
    EXACT("exact", 1, 0), NEAR("near", 2, 5), DISTRICT("district", 3, 25);

    private final String wire;
    private final int acled;
    private final double radiusKm;

    GeoPrecision(String wire, int acled, double radiusKm) {
        this.wire = wire;
        this.acled = acled;
        this.radiusKm = radiusKm;
    }

    public String wire() {
        return wire;
    }

    public int acled() {
        return acled;
    }

    public double radiusKm() {
        return radiusKm;
    }

    public static Optional<GeoPrecision> parse(String s) {
        for (GeoPrecision p : values()) if (p.wire.equals(s)) return Optional.of(p);
        return Optional.empty();
    }
}
