package org.truce.bulletin;

import java.time.LocalDate;
import java.util.List;

/**
 * A situation report for one date in one language, computed from the ledger's first {@code size}
 * entries and naming that checkpoint. Immutable; rendering it again gives the same bytes.
 */
public record Bulletin(LocalDate asOf, String lang, long size, String root, String signedCheckpoint,
                       String title, String intro, String checkpointLine, String verifyLine,
                       List<Section> sections, List<Part> parts) {

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
     * One source's figure, in its name. {@code quotes} are the {@code citations}' texts (kept for
     * readers of the older JSON field); each citation names the document that carried the figure.
     */
    public record Line(String source, String sourceName, String text, List<String> quotes,
                       List<String> notes, String value, String qualifier, LocalDate reportedAsOf,
                       List<Long> basedOn, List<Citation> citations) {}
}
