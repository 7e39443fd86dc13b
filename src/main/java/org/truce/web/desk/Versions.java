package org.truce.web.desk;

/**
 * Where one version of a report stands in its chain: the report it replaced ({@code replaces}, a
 * report id, or null for a first version), and the entry that ended it, if any: a correction (a report
 * id, with a page of its own) or a retraction (its entry's seq and the reason the body gave).
 * Immutable.
 *
 * @param endedBy   the id of the correction or retraction that ended this version, or null while it is in force
 * @param endedAt   the ledger seq of that entry, or -1
 * @param corrected whether that entry is a correction (else a retraction)
 * @param reason    the retraction's reason, or null
 */
public record Versions(String replaces, String endedBy, long endedAt, boolean corrected, String reason) {
    public boolean current() {
        return endedBy == null;
    }

    public boolean retracted() {
        return endedBy != null && !corrected;
    }
}
