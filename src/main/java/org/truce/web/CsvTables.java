package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.incidents.Csv;

/**
 * {@code ?format=csv} on the API's tables: the same rows as the JSON answer, as RFC 4180 CSV
 * (org.truce.incidents.Csv: CRLF, quoting, a formula-like cell prefixed with an apostrophe) with a
 * header row and then an HXL 1.1 hashtag row (https://hxlstandard.org/standard/1-1final/). Nested
 * fields flatten to dotted columns ({@code names.en}); lists of plain values join with "; ".
 * Hashtags come from {@link Hxl}. Stateless; the JSON handler decides what is in the table, so a
 * CSV never holds anything its JSON does not.
 */
final class CsvTables {
    /** A table: where its rows are in the JSON answer, which root fields repeat on every row, and the noun of its names. */
    record Table(String file, String rows, List<String> rootFields, String nameTag) {}

    static final Table SOURCES = new Table("sources", "/items", List.of(), "#org");
    static final Table METRICS = new Table("metrics", "/items", List.of(), "#indicator");
    static final Table UNITS = new Table("units", "/items", List.of(), "#indicator+unit");
    static final Table PLACES = new Table("places", "/items", List.of(), "#loc");
    static final Table SERIES = new Table("figures-series", "/points", List.of("metric", "source", "place", "knownAt", "atSize"), "#meta");
    static final Table RECONCILED = new Table("figures-reconciled", "/figures", List.of("knownAt"), "#meta");
    static final Table OBLIGATIONS = new Table("obligations", "", List.of(), "#meta");
    static final Table OVERDUE = new Table("obligations-overdue", "", List.of(), "#meta");
    static final Table UPCOMING = new Table("obligations-upcoming", "", List.of(), "#meta");
    static final Table AGREEMENTS = new Table("agreements", "", List.of(), "#meta");
    static final Table ASSESSMENTS = new Table("assessments", "", List.of(), "#meta");
    static final Table GROUPS = new Table("working-groups", "", List.of(), "#org");
    static final Table MEETINGS = new Table("meetings", "", List.of(), "#meta");
    static final Table INCIDENTS = new Table("incidents", "", List.of(), "#loc");
    static final Table NIL_REPORTS = new Table("nil-reports", "", List.of(), "#loc");
    static final Table PUBLICATIONS = new Table("publications", "/items", List.of(), "#meta");

    /** Reads back our own answers: not bound by the nesting limit that guards request bodies (Json.MAPPER). */
    private static final com.fasterxml.jackson.databind.ObjectMapper OWN = new com.fasterxml.jackson.databind.ObjectMapper();

    private CsvTables() {}

    /** The JSON handler, answering CSV instead when asked {@code format=csv}. */
    static Handler csv(Handler json, Table table) {
        return ctx -> {
            String format = ctx.queryParam("format");
            if (format == null || format.equals("json")) {
                json.handle(ctx);
                return;
            }
            if (!format.equals("csv")) throw Problem.badParameter("format", "must be json or csv");
            json.handle(ctx);
            if (ctx.statusCode() != 200) return;
            send(ctx, table, OWN.readTree(ctx.result()));
        };
    }

    /** Whether the caller asked for CSV: lists then give every row unless a limit is asked for. */
    static boolean asked(Context ctx) {
        return "csv".equals(ctx.queryParam("format"));
    }

    static void send(Context ctx, Table table, JsonNode answer) throws IOException {
        JsonNode rows = answer.at(table.rows());
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (String root : table.rootFields()) if (answer.has(root)) cells.put(root, scalar(answer.get(root)));
            flatten("", row, cells);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        if (flat.isEmpty()) for (String root : table.rootFields()) if (answer.has(root)) columns.add(root);
        StringBuilder out = new StringBuilder();
        out.append(Csv.row(List.copyOf(columns)));
        out.append(Csv.row(columns.stream().map(c -> Hxl.tag(c, table.nameTag())).toList()));
        for (Map<String, String> cells : flat) out.append(Csv.row(columns.stream().map(cells::get).toList()));
        ctx.header("Content-Disposition", "attachment; filename=\"truce-" + table.file() + ".csv\"");
        ctx.status(200).contentType("text/csv; charset=utf-8").result(out.toString());
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> cells) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), cells);
            }
        } else if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : n) parts.add(item.isObject() && item.has("name") && item.has("lang")
                    ? item.get("name").asText() + " (" + item.get("lang").asText() + ")"
                    : item.isContainerNode() ? item.toString() : item.asText());
            cells.put(prefix, String.join("; ", parts));
        } else {
            cells.put(prefix, scalar(n));
        }
    }

    private static String scalar(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
