package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.truce.ingest.ColumnMapping;
import org.truce.ingest.ImportOptions;
import org.truce.ingest.RowPreview;
import org.truce.ingest.Sheet;
import org.truce.ledger.AppendResult;
import org.truce.record.Violation;

/**
 * The JSON answer to an upload ({@code POST /api/v1/imports}): the file as read (format, charset,
 * delimiter, locale, the columns found), every row (number, status, values, the report it makes or
 * its errors by row, column and field, and after a commit its place in the ledger) and the counts.
 * Stateless.
 */
final class ImportAnswer {
    private ImportAnswer() {}

    static ObjectNode of(Sheet sheet, ColumnMapping mapping, ImportOptions options, List<RowPreview> rows, boolean dryRun,
                         AppendResult.Accepted accepted, List<Integer> sentAt) {
        ObjectNode body = Json.object();
        body.put("dryRun", dryRun).put("committed", accepted != null);
        ObjectNode file = body.putObject("file");
        file.put("format", sheet.format());
        if (sheet.charset() != null) file.put("charset", sheet.charset());
        if (sheet.delimiter() != null) file.put("delimiter", sheet.delimiter());
        String locale = options.locale() != null ? options.locale() : mapping.language();
        if (locale != null) file.put("locale", locale);
        else file.putNull("locale");
        file.put("mappedBy", mapping.how());
        ObjectNode columns = file.putObject("columns");
        mapping.columns().forEach((field, c) -> columns.put(field, Sheet.letter(c)));
        ObjectNode headers = file.putObject("headers");
        if (mapping.headerRow() >= 0) {
            Sheet.Row head = sheet.rows().get(mapping.headerRow());
            mapping.columns().forEach((field, c) -> {
                String h = head.cell(c).text().strip();
                if (!h.isEmpty()) headers.put(field, h);
            });
        }
        options.defaults().forEach((field, v) -> {
            if (!columns.has(field)) columns.put(field, "(file)");
        });
        mapping.ignored().forEach(file.putArray("ignored")::add);
        ArrayNode items = body.putArray("rows");
        Map<RowPreview.Status, Integer> counts = new EnumMap<>(RowPreview.Status.class);
        for (RowPreview.Status s : RowPreview.Status.values()) counts.put(s, 0);
        int[] sentIndex = new int[rows.size()];
        java.util.Arrays.fill(sentIndex, -1);
        for (int k = 0; k < sentAt.size(); k++) sentIndex[sentAt.get(k)] = k;
        for (int i = 0; i < rows.size(); i++) {
            RowPreview r = rows.get(i);
            counts.merge(r.status(), 1, Integer::sum);
            ObjectNode n = items.addObject().put("row", r.row()).put("status", r.status().wire());
            ObjectNode values = n.putObject("values");
            r.values().forEach(values::put);
            if (r.entry() != null) n.set("entry", r.entry());
            if (r.corrects() != null) n.put(r.status() == RowPreview.Status.CORRECTION ? "corrects" : "sameAs", r.corrects());
            if (r.note() != null) n.put("note", r.note());
            ArrayNode errors = n.putArray("errors");
            for (RowPreview.CellError e : r.errors()) {
                ObjectNode en = errors.addObject().put("row", e.row());
                if (e.column() != null) en.put("column", e.column());
                else en.putNull("column");
                if (e.field() != null) en.put("field", e.field());
                else en.putNull("field");
                en.put("detail", e.detail());
            }
            int sent = sentIndex[i];
            if (accepted != null && sent >= 0) {
                AppendResult.Outcome o = accepted.outcomes().get(sent);
                n.put("seq", o.entry().seq()).put("created", o.created());
            }
        }
        ObjectNode c = body.putObject("counts").put("rows", rows.size());
        counts.forEach((s, n) -> c.put(s.wire(), n));
        return body;
    }

    /** "3 of 12 rows have errors (5 errors)". */
    static String summary(List<RowPreview> rows) {
        long bad = rows.stream().filter(r -> r.status() == RowPreview.Status.ERROR).count();
        long errors = rows.stream().mapToLong(r -> r.errors().size()).sum();
        return bad + " of " + rows.size() + " rows " + (bad == 1 ? "has" : "have") + " errors (" + errors + " in all)";
    }

    /** The problem's list: each error as a pointer into the answer's rows ({@code /rows/4/values/value}). */
    static List<Violation> violations(List<RowPreview> rows) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (RowPreview.CellError e : rows.get(i).errors()) {
                String where = "row " + e.row() + (e.column() == null ? "" : ", column " + e.column()) + ": ";
                v.add(new Violation("/rows/" + i + (e.field() == null ? "" : "/values/" + e.field()), where + e.detail()));
            }
        }
        return v;
    }
}
