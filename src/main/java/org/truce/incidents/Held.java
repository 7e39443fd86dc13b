package org.truce.incidents;

import java.time.Instant;

/**
 * A fact as the ledger holds it: its entry's position, record time and author ("org/account").
 * Immutable.
 */
public record Held<T extends IncidentFact>(T fact, long seq, Instant recordedAt, String author) {
    /** The organisation of the author, or null when the author names none (the demo's account). */
    public String authorOrg() {
        int slash = author.indexOf('/');
        return slash < 0 ? null : author.substring(0, slash);
    }
}
