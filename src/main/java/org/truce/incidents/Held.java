package org.truce.incidents;

import java.time.Instant;

/**
 * A fact as the ledger holds it: its entry's position, record time and author (the organisation;
 * "org/account" in entries recorded before accounts left the public ledger). Immutable.
 */
public record Held<T extends IncidentFact>(T fact, long seq, Instant recordedAt, String author) {
    /** The organisation of the author, or null for the demo's transcribing author, which is no organisation's. */
    public String authorOrg() {
        if (author.equals(org.truce.record.Actor.DEMO_AUTHOR)) return null;
        int slash = author.indexOf('/');
        return slash < 0 ? author : author.substring(0, slash);
    }
}
