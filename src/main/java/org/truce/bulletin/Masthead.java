package org.truce.bulletin;

import java.time.LocalDate;
import java.util.List;

/**
 * The header of an issued bulletin, as a situation report's header reads: who issued it, its number
 * in the series, the date it covers, the day it was issued, its status, and — for a republication —
 * what changed since the earlier publication of its date. A draft has no issuer, number or issue
 * day and carries the draft mark instead. The {@code *Line} fields and {@code changeLines} are in the
 * bulletin's language. Immutable.
 *
 * @param publication  the publication shown, or null for a draft
 * @param issuerName   the issuer's name in the bulletin's language (the catalog's, as of the publication)
 * @param number       the number in the series (1 for the first publication ever); 0 for a draft
 * @param revision     0 for a date's first publication, k for its k-th republication, 0 for a draft
 * @param previous     the date's publication before this one, or null
 * @param headerLines  the header as lines: issuer, number, date covered, issue day, status (or the draft mark and note)
 * @param draftMark    "DRAFT — NOT PUBLISHED" in the bulletin's language; null when published
 * @param changesHeading the heading of the changes, or null when this is no republication
 */
public record Masthead(Status status, Publication publication, String issuer, String issuerName, int number,
                       LocalDate issued, int revision, Publication previous, List<Change> changes,
                       List<String> headerLines, String draftMark, String changesHeading, String noChanges) {
    public Masthead {
        changes = List.copyOf(changes);
        headerLines = List.copyOf(headerLines);
    }

    public boolean published() {
        return status != Status.DRAFT;
    }

    /** The change texts, in order; empty when nothing changed or this is no republication. */
    public List<String> changeLines() {
        return changes.stream().map(Change::text).toList();
    }
}
