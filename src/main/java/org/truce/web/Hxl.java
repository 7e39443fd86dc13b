package org.truce.web;

import java.util.Locale;
import java.util.Map;

/**
 * The HXL 1.1 hashtag of a column of our CSV tables (https://hxlstandard.org/standard/1-1final/dictionary/):
 * core hashtags where one fits (#date, #indicator, #value, #org, #adm1, #loc, #geo, #status,
 * #affected, #event), else #meta with the field's name as an attribute. A language of a name is the
 * attribute +i_xx, as the standard's dictionary does. The README's "Outputs" section is this table.
 */
final class Hxl {
    static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("asOf", "#date"),
            Map.entry("date", "#date"),
            Map.entry("reportedAsOf", "#date+reported"),
            Map.entry("validFrom", "#date+start"),
            Map.entry("validTo", "#date+end"),
            Map.entry("from", "#date+start"),
            Map.entry("to", "#date+end"),
            Map.entry("knownAt", "#date+known"),
            Map.entry("recordedAt", "#date+recorded"),
            Map.entry("schedule.original", "#date+deadline+original"),
            Map.entry("schedule.current", "#date+deadline"),
            Map.entry("metric", "#indicator+code"),
            Map.entry("unit", "#indicator+unit"),
            Map.entry("value", "#indicator+value+num"),
            Map.entry("qualifier", "#meta+qualifier"),
            Map.entry("approximate", "#meta+approximate"),
            Map.entry("partial", "#meta+partial"),
            Map.entry("source", "#meta+source"),
            Map.entry("party", "#org+party"),
            Map.entry("assessor", "#org+assessor"),
            Map.entry("place", "#adm1+code"),
            Map.entry("zone", "#loc+zone+code"),
            Map.entry("location.lat", "#geo+lat"),
            Map.entry("location.lon", "#geo+lon"),
            Map.entry("lat", "#geo+lat"),
            Map.entry("lon", "#geo+lon"),
            Map.entry("latitude", "#geo+lat"),
            Map.entry("longitude", "#geo+lon"),
            Map.entry("status", "#status"),
            Map.entry("eventType", "#event+type"),
            Map.entry("subEventType", "#event+type+sub"),
            Map.entry("fatalities", "#affected+killed"),
            Map.entry("attribution", "#meta+attribution"),
            Map.entry("title", "#meta+title"),
            Map.entry("notice", "#meta+notice"),
            Map.entry("illustrative", "#meta+illustrative"),
            Map.entry("seq", "#meta+seq"),
            Map.entry("atSize", "#meta+ledger_size"),
            Map.entry("id", "#meta+id"));

    /** The hashtags of the ACLED-style columns (AcledExport.COLUMNS), in their order, as ACLED's HDX files tag them. */
    static final java.util.List<String> ACLED = java.util.List.of("#date+occurred", "#event+type", "#event+type+sub",
            "#group+name+first", "#group+name+second", "#adm1+name", "#loc+name", "#geo+lat", "#geo+lon",
            "#geo+precision", "#date+precision", "#meta+source", "#description", "#affected+killed", "#status",
            "#meta+row_kind");

    private Hxl() {}

    /**
     * @param column  the CSV column (a JSON field, dotted when nested)
     * @param nameTag the hashtag of the table's names ({@code #org} for sources, {@code #loc} for places ...)
     */
    static String tag(String column, String nameTag) {
        String known = TAGS.get(column);
        if (known != null) return known;
        if (column.equals("names")) return nameTag + "+name";
        if (column.startsWith("names.")) return nameTag + "+name+i_" + attribute(column.substring(6));
        if (column.equals("name")) return nameTag + "+name";
        if (column.startsWith("breakdown.")) return "#indicator+value+num+" + attribute(column.substring(10));
        if (column.startsWith("document.")) return "#meta+document+" + attribute(column.substring(9));
        return "#meta+" + attribute(column);
    }

    /** HXL attributes are lower-case letters, digits and underscores. */
    static String attribute(String s) {
        String a = s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return a.replaceAll("^_+|_+$", "");
    }
}
