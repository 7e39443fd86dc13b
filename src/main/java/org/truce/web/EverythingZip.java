package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.truce.incidents.Csv;
import org.truce.ledger.Ledger;

/**
 * {@code GET /api/v1/exports/everything.zip?asOf=D[&atSize=N]}: every table that needs no key, as the
 * ledger's first N entries knew it (the whole ledger when not asked), each as the CSV its own route
 * gives, holding what is dated on or before D; plus {@code dictionary.csv} (table, column, HXL tag,
 * type, meaning) covering every column of {@link Tables#ALL}. Each table is read by calling its route's
 * handler in-process ({@link LocalContext}) at one ledger size, so the files agree with each other and
 * with the API. The same question gives the same bytes (entries carry the date asked, not the time of
 * the download). Immutable after construction; handlers are called on the request's thread.
 */
final class EverythingZip {
    private static final ObjectMapper OWN = new ObjectMapper();
    static final String DICTIONARY = "dictionary.csv";

    /**
     * One table of the ZIP: its handler, the query that reads it as of D ({@code {asOf}} stands for D),
     * and the row field whose date must not be after D (null: every row).
     */
    record Part(ExportTable table, Handler handler, Map<String, String> query, String dateField) {}

    private final Ledger ledger;
    private final List<Part> parts;

    EverythingZip(Ledger ledger, List<Part> parts) {
        this.ledger = ledger;
        this.parts = List.copyOf(parts);
    }

    static Part part(ExportTable table, Handler handler, String dateField, String... query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) q.put(query[i], query[i + 1]);
        return new Part(table, handler, q, dateField);
    }

    List<Part> parts() {
        return parts;
    }

    void zip(Context ctx) throws Exception {
        LocalDate asOf = Params.date(ctx, "asOf", true);
        long size = Params.size(ctx, ledger);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Part p : parts) put(zip, p.table().file() + ".csv", asOf, CsvTables.csv(p.table(), answer(p, asOf, size)));
            put(zip, DICTIONARY, asOf, dictionary());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"truce-everything-" + asOf + ".zip\"");
        ctx.status(200).contentType("application/zip").result(bytes.toByteArray());
    }

    private static void put(ZipOutputStream zip, String name, LocalDate asOf, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(asOf.atStartOfDay());
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private JsonNode answer(Part p, LocalDate asOf, long size) throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        p.query().forEach((k, v) -> q.put(k, v.replace("{asOf}", asOf.toString())));
        q.put("atSize", Long.toString(size));
        q.put("format", "csv"); // a list then gives every row
        LocalContext local = new LocalContext(q);
        p.handler().handle(local);
        if (local.statusCode() != 200) throw new IllegalStateException(p.table().file() + " answered " + local.statusCode() + ": " + local.result());
        JsonNode answer = OWN.readTree(local.result());
        if (p.dateField() != null) {
            JsonNode rows = answer.at(p.table().rows());
            if (rows instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    JsonNode d = array.get(i).get(p.dateField());
                    if (d != null && d.isTextual() && d.asText().matches("\\d{4}-\\d{2}-\\d{2}.*")
                            && LocalDate.parse(d.asText().substring(0, 10)).isAfter(asOf)) array.remove(i);
                }
            }
        }
        return answer;
    }

    /** The data dictionary: one row per column of every exported table. */
    static String dictionary() {
        StringBuilder out = new StringBuilder(Csv.row(List.of("table", "column", "hxl", "type", "meaning")));
        for (ExportTable t : Tables.ALL) {
            for (Column c : t.columns()) out.append(Csv.row(List.of(t.file(), c.name(), c.tag(), c.type().wire(), c.meaning())));
        }
        return out.toString();
    }

    /** The files of the ZIP, in order. */
    List<String> files() {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.add(p.table().file() + ".csv"));
        out.add(DICTIONARY);
        return out;
    }
}
