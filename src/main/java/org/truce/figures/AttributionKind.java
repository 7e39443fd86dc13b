package org.truce.figures;

/**
 * Whether a report's attribution is the body's own words, verbatim ({@code quote}), or a summary of
 * them ({@code paraphrase}). Only a quote is ever printed in quotation marks. A report that says
 * neither is a paraphrase: entries recorded before the field existed are read that way, so old
 * bytes are never re-interpreted as a body's verbatim words.
 */
public enum AttributionKind {
    QUOTE("quote"), PARAPHRASE("paraphrase");

    private final String wire;

    AttributionKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static AttributionKind fromWire(String s) {
        for (AttributionKind k : values()) if (k.wire.equals(s)) return k;
        throw new IllegalArgumentException("attributionKind must be quote or paraphrase");
    }
}
