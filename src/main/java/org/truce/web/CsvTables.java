package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.truce.incidents.Csv;

/**
 * {@code ?format=csv} and {@code ?format=xlsx} on the API's tables: the same rows as the JSON answer,
 * in the table's fixed columns ({@link Tables}). CSV is RFC 4180 (org.truce.incidents.Csv: CRLF,
 * quoting, a formula-like cell prefixed with an apostrophe) with a header row and then an HXL 1.1
 * hashtag row (https://hxlstandard.org/standard/1-1final/); XLSX is {@link XlsxTable}. Stateless; the
 * JSON handler decides what is in the table, so a download never holds anything its JSON does not.
 */
final class CsvTables {
    /** Reads back our own answers: not bound by the nesting limit that guards request bodies (Json.MAPPER). */
    private static final com.fasterxml.jackson.databind.ObjectMapper OWN = new com.fasterxml.jackson.databind.ObjectMapper();

    private CsvTables() {}

    /** The JSON handler, answering CSV or XLSX instead when asked {@code format=csv} or {@code format=xlsx}. */
    static Handler csv(Handler json, ExportTable table) {
        return ctx -> {
            String format = ctx.queryParam("format");
            if (format == null || format.equals("json")) {
                json.handle(ctx);
                return;
            }
            if (!format.equals("csv") && !format.equals("xlsx")) throw Problem.badParameter("format", "must be json, csv or xlsx");
            json.handle(ctx);
            if (ctx.statusCode() != 200) return;
            JsonNode answer = OWN.readTree(ctx.result());
            if (format.equals("csv")) send(ctx, table, answer);
            else sendXlsx(ctx, table, answer);
        };
    }

    /** Whether the caller asked for a download: lists then give every row unless a limit is asked for. */
    static boolean asked(Context ctx) {
        String format = ctx.queryParam("format");
        return "csv".equals(format) || "xlsx".equals(format);
    }

    static void send(Context ctx, ExportTable table, JsonNode answer) {
        ctx.header("Content-Disposition", "attachment; filename=\"truce-" + table.file() + ".csv\"");
        ctx.status(200).contentType("text/csv; charset=utf-8").result(csv(table, answer));
    }

    /** The table as CSV: the header row, the HXL row, then the rows; the same two first rows when empty. */
    static String csv(ExportTable table, JsonNode answer) {
        StringBuilder out = new StringBuilder();
        out.append(Csv.row(table.names()));
        out.append(Csv.row(table.tags()));
        for (List<String> cells : TableRows.of(table, answer)) out.append(Csv.row(cells));
        return out.toString();
    }

    /**
     * The workbook as the answer's body. It replaces the JSON result: Javalin would write a result left
     * in place after anything written to the output stream, so the workbook is not streamed.
     */
    private static void sendXlsx(Context ctx, ExportTable table, JsonNode answer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTable.write(table, TableRows.of(table, answer), out);
        ctx.header("Content-Disposition", "attachment; filename=\"truce-" + table.file() + ".xlsx\"");
        // a binary type takes no charset parameter; Jetty would otherwise add the response's default one
        ctx.res().setCharacterEncoding(null);
        ctx.status(200).contentType(XlsxTable.CONTENT_TYPE).result(out.toByteArray());
    }
}
