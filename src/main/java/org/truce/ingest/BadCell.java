package org.truce.ingest;

/** Why one cell cannot be read (a number or date that is ambiguous or malformed, an unknown label); the row's error. */
public final class BadCell extends RuntimeException {
    public BadCell(String detail) {
        super(detail, null, false, false);
    }
}
