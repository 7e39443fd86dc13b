package org.truce.cases;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of case and the statuses each passes through, in the terms of the bodies that keep them
 * (ICRC tracing: reported, traced, found; exchanges: captured, held, exchanged, released).
 */
public enum CaseKind {
    DETAINEE("detainee", List.of("captured", "held", "exchanged", "released")),
    MISSING("missing", List.of("reported", "traced", "found")),
    REMAINS("remains", List.of("recovered", "identified", "handed_over"));

    private final String wire;
    private final List<String> statuses;

    CaseKind(String wire, List<String> statuses) {
        this.wire = wire;
        this.statuses = statuses;
    }

    public String wire() {
        return wire;
    }

    public List<String> statuses() {
        return statuses;
    }

    public static Optional<CaseKind> parse(String s) {
        for (CaseKind k : values()) if (k.wire.equals(s)) return Optional.of(k);
        return Optional.empty();
    }
}
