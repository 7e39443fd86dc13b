package org.truce.bulletin;

import java.time.LocalDate;
import java.util.List;

/**
 * A situation report for one date in one language, computed from the ledger's first {@code size}
 * entries and naming that checkpoint. Immutable; rendering it again gives the same bytes.
 */
public record Bulletin(LocalDate asOf, String lang, long size, String root, String signedCheckpoint,
                       String title, String intro, String checkpointLine, String verifyLine,
                       List<Section> sections, List<Part> parts, Summary summary) {

    /**
     * The key figures at the top: per metric (and its widest place with figures), each body's latest
     * figure in its own name with its date; a value Truce computed is said to be one. Never merged.
     */
    public record Summary(String heading, String intro, List<KeyFigures> metrics) {}

    /** The key figures of one metric for one place, one per body. */
    public record KeyFigures(String metric, String metricName, String place, String placeName, String heading,
                             List<KeyFigure> figures) {}

    /**
     * One body's latest figure: the sentence, and its value, qualifier and date; {@code derived} when
     * the value is a sum Truce computed from the body's reports rather than one it published.
     */
    public record KeyFigure(String source, String sourceName, String text, String value, String qualifier,
                            LocalDate asOf, boolean approximate, boolean derived) {}

    /** One report a line's value rests on (or that the line states beside it), as its source published it. */
    public record Reported(String report, long seq, String kind, String value, String qualifier, LocalDate asOf) {}

    /** One metric for one place: every source's line side by side, and the bodies with no figure. */
    public record Section(String metric, String metricName, String place, String placeName,
                          List<Line> lines, String noReport) {}

    /**
     * A section composed by another capability (the ceasefire, the implementation of the accords):
     * a heading and lines, each line already in its sources' names.
     */
    public record Part(String key, String heading, List<String> lines) {
        public Part {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One source's figure, in its name; {@code approximate} when the source gave its date only
     * approximately. When {@code derived}, {@code value} is the sum Truce computed
     * from {@code parts} (the text says so and states each part); {@code sameDay} are the source's
     * increments of its total's own date, stated in the text and not added. {@code quotes} are the
     * {@code citations}' texts (kept for readers of the older JSON field); each citation names the
     * document that carried the figure.
     */
    public record Line(String source, String sourceName, String text, List<String> quotes,
                       List<String> notes, String value, String qualifier, LocalDate reportedAsOf,
                       List<Long> basedOn, boolean derived, boolean approximate, List<Reported> parts,
                       List<Reported> sameDay, List<Citation> citations) {

        /**
         * The citations as printed: one per distinct text. Two reports can cite one document alike once
         * their summaries are left to the JSON (a summary in another language than the reader's).
         */
        public List<Citation> printed() {
            java.util.Set<String> seen = new java.util.HashSet<>();
            return citations.stream().filter(c -> seen.add(c.text())).toList();
        }
    }
}
