package org.truce.bulletin;

/**
 * What an issued bulletin is: the first publication of its date, a republication of it (a revision),
 * or a draft computed at a size no publication names. Its {@link #wire()} form is what the JSON says.
 */
public enum Status {
    PUBLISHED("published"),
    REPUBLISHED("republished"),
    DRAFT("draft");

    private final String wire;

    Status(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
