package org.truce.catalog;


/** The capacities in which a body takes part; one body can hold several. */
public enum Role {
    PARTY, SIGNATORY, MEDIATOR, PEACEKEEPERS, DE_FACTO_AUTHORITY, INTERNATIONAL_ORGANISATION, MEDIA,
    /** A body that verifies allegations and records findings (a joint monitoring centre). */
    MONITOR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role fromWire(String s) {
        for (Role r : values()) if (r.wire().equals(s)) return r;
        throw new IllegalArgumentException("role must be one of party, signatory, mediator, peacekeepers, "
                + "de_facto_authority, international_organisation, media, monitor");
    }
}
