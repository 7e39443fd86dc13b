package org.truce.figures;

import java.util.Locale;

/**
 * What had become of one report version in the ledger's first N entries: still in force, replaced by
 * a correction, or withdrawn by a retraction, and the id of the entry's report or retraction that
 * ended it. A version ended by a report that {@code corrects} it was corrected; any other ending is a
 * retraction. Immutable.
 */
public record VersionState(Status status, String endedBy) {
    public enum Status {
        CURRENT, CORRECTED, RETRACTED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The state of {@code f} as the ledger's first {@code size} entries knew it. */
    public static VersionState at(FigureBook book, Filed f, long size) {
        if (f.seq() >= size) throw new IllegalArgumentException("report " + f.report().id() + " was filed at seq " + f.seq() + ", after size " + size);
        if (f.inForceAt(size)) return new VersionState(Status.CURRENT, null);
        String by = f.endedBy();
        boolean corrected = by != null && book.report(by).map(e -> f.report().id().equals(e.report().corrects())).orElse(false);
        return new VersionState(corrected ? Status.CORRECTED : Status.RETRACTED, by);
    }
}
