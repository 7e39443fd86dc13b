package org.truce.web;

import java.util.List;

/**
 * What the figures page ({@code figures.jte}) shows for one place: per metric, a table of the dates
 * on which any body reported (rows) by body (columns), and the same data as JSON for the chart.
 * A cell is empty where the body did not report that day: nothing is carried over or interpolated.
 * Immutable.
 *
 * @param error the reason the asked place was refused, or null
 */
public record FiguresView(String place, String placeName, List<Option> places, List<Chart> charts,
                          List<String> silent, String error) {

    /** A place the reader may choose. */
    public record Option(String id, String name, boolean selected) {}

    /** One metric for the place: its bodies, its rows and the chart's data. */
    public record Chart(String metric, String title, String unit, List<String> bodies, List<Row> rows, String json) {}

    /** One date: the reported figure of each body in {@link Chart#bodies()} order. */
    public record Row(String date, String dateText, List<Cell> cells) {}

    /**
     * One body's figure on one date ("" where it did not report), with who stands behind the reports
     * it rests on when its body signs ({@code signature.*} texts, as bulletins say it); none otherwise.
     */
    public record Cell(String text, List<String> signatures) {
        public Cell {
            signatures = List.copyOf(signatures);
        }

        public boolean empty() {
            return text.isEmpty();
        }
    }
}
