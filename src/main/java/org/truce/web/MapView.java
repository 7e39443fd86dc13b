package org.truce.web;

import java.util.List;

/**
 * What the map page ({@code map.jte}) shows: the day asked, the span of days the record's map covers,
 * each layer's features on that day as table rows (the page reads without JavaScript), the legend,
 * and the data the map script needs as JSON for {@code data-*} attributes. Immutable.
 *
 * @param error the reason the asked day was refused, or null
 * @param tiles the configured online tile layer, or null (offline: country outlines only)
 */
public record MapView(String asOf, String asOfText, String first, String last, String error, List<Table> tables,
                      List<Legend> legend, boolean illustrative, String layersJson, String textsJson,
                      String bodiesJson, String controlJson, TileLayer tiles) {

    /** One layer's features on the day. */
    public record Table(String key, String title, List<Row> rows) {}

    /**
     * One feature's version valid on the day.
     *
     * @param control the body recorded as controlling an area of control, or empty
     */
    public record Row(String feature, String name, List<String> otherNames, String cls, String valid, String control,
                      String source, boolean illustrative, List<String> status) {}

    /** A legend entry: the CSS classes of its swatch ({@code marker} for a point symbol) and its text. */
    public record Legend(String swatch, String label, boolean marker) {}
}
