package org.truce.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What a feature of the map is, and the classes each kind has. Hazard and released areas use the
 * land release terms of IMAS 07.11 (suspected and confirmed hazardous areas; land cancelled by
 * non-technical survey, reduced by technical survey, cleared).
 */
public enum FeatureKind {
    LINE("line", List.of("line_of_contact", "demarcation_proposal", "road", "railway")),
    ZONE("zone", List.of("area_of_control", "administrative_unit", "peacekeeping_zone", "corridor", "buffer")),
    POINT("point", List.of("post", "checkpoint", "border_crossing", "heritage_site", "settlement")),
    HAZARD("hazard", List.of("suspected", "confirmed")),
    CLEARED("cleared", List.of("cancelled", "reduced", "cleared"));

    private final String wire;
    private final List<String> classes;

    FeatureKind(String wire, List<String> classes) {
        this.wire = wire;
        this.classes = classes;
    }

    public String wire() {
        return wire;
    }

    public List<String> classes() {
        return classes;
    }

    public static Optional<FeatureKind> parse(String s) {
        for (FeatureKind k : values()) if (k.wire.equals(s)) return Optional.of(k);
        return Optional.empty();
    }

    public static String wireNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(FeatureKind::wire).toList());
    }
}
