package org.truce.web.desk;

import java.time.LocalDate;
import java.util.List;
import org.truce.accords.Tracker;
import org.truce.catalog.Metric;
import org.truce.catalog.Source;
import org.truce.figures.Filed;
import org.truce.incidents.Duplicates;
import org.truce.incidents.Incident;

/**
 * The desk's worklist, as known at one ledger size: figures awaiting a second account's review (each
 * with its action), the figures recorded today grouped by source and metric, the entries recorded
 * today by type, the figures' consistency flags, overdue obligations per assessor, incidents awaiting
 * a finding and proposed duplicates. Immutable.
 */
public record Dashboard(LocalDate today, long size, List<Review> review, List<FigureGroup> todayFigures, List<TypeCount> byType,
                        List<EntryLine> entries, List<FlagLine> flags, List<Overdue> overdue, List<Incident> awaiting,
                        List<Duplicates.Proposal> duplicates) {
    /**
     * One figure waiting for a second pair of eyes. {@code mine}: the viewer recorded it (or, where
     * the rule asks for another organisation, the viewer's organisation did), so another must decide.
     */
    public record Review(Filed filed, Source source, Metric metric, String recordedAt, boolean mine, String decisionId) {}

    /** The figures one source's name gave on one metric today, with the reports' ids. */
    public record FigureGroup(String source, String metric, List<String> reports) {}

    public record TypeCount(String type, int count) {}

    /** One entry recorded today; {@code href} is the page (or API answer) that shows it. */
    public record EntryLine(long seq, String time, String type, String id, String author, String href) {}

    /** One consistency flag of one source's figure. */
    /** A consistency flag of one body's figure; {@code report} the newest report it stands on, to check and correct. */
    public record FlagLine(String metric, String source, String place, String code, String detail, String report) {}

    /** The overdue obligations of one assessor; {@code assessor} null: nobody has assessed them. */
    public record Overdue(String assessor, List<Tracker.Overdue> items) {}
}
