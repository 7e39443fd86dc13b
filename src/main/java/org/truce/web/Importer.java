package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.figures.SheetMapping;
import org.truce.ingest.ColumnMapping;
import org.truce.ingest.Headers;
import org.truce.ingest.ImportOptions;
import org.truce.ingest.ImportPlan;
import org.truce.ingest.Labels;
import org.truce.ingest.RowPreview;
import org.truce.ingest.Sheet;
import org.truce.ingest.SheetReader;
import org.truce.ingest.Unreadable;
import org.truce.ledger.AppendResult;
import org.truce.record.Violation;

/**
 * One upload of a spreadsheet of figures, for the API and the desk alike: read the sheet, map its
 * columns, read every row ({@link ImportPlan}), let the write path check the reports the rows make
 * without writing ({@link FigureRoutes#checkReports}), put every violation back on its row, column
 * and field, and, for a commit without a single error, send them all through the same path as
 * {@code POST /api/v1/reports}, all or nothing. Thread-safe.
 */
final class Importer {
    /** The options an upload takes besides the fields a whole file may give ({@link ImportOptions#FILE_FIELDS}). */
    static final Set<String> OPTIONS = Set.of("dryRun", "locale", "charset", "mapping", "corrections", "sheet");
    private final Truce truce;
    private final FigureRoutes figures;

    Importer(Truce truce, FigureRoutes figures) {
        this.truce = truce;
        this.figures = figures;
    }

    /** The answer to an upload: its HTTP status and body (the preview, and what a commit wrote). */
    record Result(int status, ObjectNode body, boolean committed, List<RowPreview> rows) {}

    /**
     * @param params the options and the whole file's field values, by name
     * @throws Problem for a file that is no sheet (415), bad options or columns (400, 422); a commit
     *                 with any error row is a 422 whose members are the preview
     */
    Result run(Principal p, byte[] bytes, Map<String, String> params, String address) {
        for (String name : params.keySet()) {
            if (!OPTIONS.contains(name) && !ImportOptions.FILE_FIELDS.contains(name)) {
                throw Problem.badParameter(name, "is not an option of an import; options are " + new java.util.TreeSet<>(OPTIONS)
                        + " and the fields a whole file may give, " + new java.util.TreeSet<>(ImportOptions.FILE_FIELDS));
            }
        }
        boolean dryRun = flag(params, "dryRun", true);
        long size = truce.ledger().size();
        var book = truce.figures();
        SheetMapping saved = savedMapping(params.get("mapping"), size);
        ImportOptions options = options(params, saved);
        try {
            Sheet sheet = SheetReader.read(bytes, params.get("charset"), params.get("sheet"));
            ColumnMapping mapping = ColumnMapping.detect(sheet, saved == null ? null : saved.columns(), Headers.standard());
            Labels labels = new Labels(book.sources(size), book.metrics(size), book.places(size), book.aliases(size));
            List<RowPreview> rows = new ImportPlan(book, labels).rows(sheet, mapping, options);
            if (rows.size() > WriteRequest.MAX_ITEMS) {
                throw new Problem(ErrorCode.INVALID, "the sheet has " + rows.size() + " rows; an import takes at most "
                        + WriteRequest.MAX_ITEMS, List.of(new Violation("/file", "has more than " + WriteRequest.MAX_ITEMS + " rows")));
            }
            return answer(p, sheet, mapping, options, rows, dryRun, address);
        } catch (Unreadable u) {
            if (u.notASheet()) throw new Problem(ErrorCode.NOT_A_SHEET, u.getMessage(), List.of(new Violation("/file", u.getMessage())));
            if (u.field().equals("charset") || u.field().equals("sheet") || u.field().equals("mapping")) {
                throw Problem.badParameter(u.field(), u.getMessage());
            }
            throw new Problem(ErrorCode.INVALID, u.getMessage(), List.of(new Violation("/" + u.field(), u.getMessage())));
        }
    }

    /**
     * Every column of the upload's sheet with the field found for it, as the columns form of the desk
     * shows them (the upload's saved mapping applied); empty when the file does not read as a sheet.
     */
    List<ColumnMapping.Found> columns(byte[] bytes, Map<String, String> params) {
        try {
            Sheet sheet = SheetReader.read(bytes, params.get("charset"), params.get("sheet"));
            SheetMapping saved = savedMapping(params.get("mapping"), truce.ledger().size());
            return ColumnMapping.detect(sheet, saved == null ? null : saved.columns(), Headers.standard()).found(sheet);
        } catch (Unreadable | Problem unreadable) {
            return List.of();
        }
    }

    /** The saved mapping the upload names, in its revision in force; null when it names none. */
    private SheetMapping savedMapping(String name, long size) {
        if (name == null || name.isBlank()) return null;
        return truce.figures().mapping(name.trim(), size).orElseThrow(() -> {
            List<String> names = truce.figures().mappings(size).stream().map(SheetMapping::name).toList();
            return Problem.badParameter("mapping", "names no saved mapping: " + name.trim()
                    + (names.isEmpty() ? " (none is saved; POST /api/v1/mappings saves one)" : " (saved: " + names + ")"));
        });
    }

    /** The upload's options; the sheet's locale, when the upload gives none, is the saved mapping's. */
    private static ImportOptions options(Map<String, String> params, SheetMapping saved) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String f : ImportOptions.FILE_FIELDS) if (params.containsKey(f)) defaults.put(f, params.get(f));
        String locale = params.get("locale");
        if ((locale == null || locale.isBlank()) && saved != null) locale = saved.locale();
        try {
            return new ImportOptions(locale, flag(params, "corrections", false), defaults);
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter("locale", e.getMessage().replaceFirst("^locale ", ""));
        }
    }

    private static boolean flag(Map<String, String> params, String name, boolean otherwise) {
        String v = params.get(name);
        if (v == null || v.isBlank()) return otherwise;
        if (v.equals("true") || v.equals("on") || v.equals("1")) return true;
        if (v.equals("false") || v.equals("0")) return false;
        throw Problem.badParameter(name, "must be true or false, not " + v);
    }

    private Result answer(Principal p, Sheet sheet, ColumnMapping mapping, ImportOptions options, List<RowPreview> read,
                          boolean dryRun, String address) {
        List<Integer> sentAt = new ArrayList<>();
        ArrayNode reports = Json.array();
        for (int i = 0; i < read.size(); i++) {
            RowPreview r = read.get(i);
            if (r.sent() || r.probe() != null) {
                sentAt.add(i);
                reports.add(r.sent() ? r.entry() : r.probe());
            }
        }
        List<RowPreview> rows = new ArrayList<>(read);
        boolean readCleanly = read.stream().noneMatch(r -> r.status() == RowPreview.Status.ERROR);
        AppendResult.Accepted accepted = null;
        boolean errors;
        if (!dryRun && readCleanly && !reports.isEmpty()) {
            // a clean sheet is committed at once: the write path checks everything before it appends;
            // only a refusal needs the check that collects every violation for the preview
            try {
                accepted = figures.reports(p, reports, address).accepted();
                errors = false;
            } catch (Problem refused) {
                if (refused.errors().isEmpty()) throw refused;
                List<Violation> all = figures.checkReports(p, reports);
                placeViolations(rows, sentAt, mapping, all.isEmpty() ? refused.errors() : all);
                errors = true;
            }
        } else {
            if (!reports.isEmpty()) placeViolations(rows, sentAt, mapping, figures.checkReports(p, reports));
            errors = rows.stream().anyMatch(r -> r.status() == RowPreview.Status.ERROR);
            if (!dryRun && !errors && !reports.isEmpty()) {
                try {
                    accepted = figures.reports(p, reports, address).accepted();
                } catch (Problem refused) {
                    // the record changed between the check and the commit: the refusal goes on its rows
                    if (refused.errors().isEmpty()) throw refused;
                    placeViolations(rows, sentAt, mapping, refused.errors());
                    errors = true;
                }
            }
        }
        ObjectNode body = ImportAnswer.of(sheet, mapping, options, rows, dryRun, accepted, sentAt);
        if (!dryRun && errors) {
            throw new Problem(ErrorCode.INVALID, ImportAnswer.summary(rows) + "; nothing was written", ImportAnswer.violations(rows), body);
        }
        return new Result(200, body, accepted != null, rows);
    }

    /** Puts each violation of item {@code /i/...} on the row that made item i, at the column of its field. */
    private static void placeViolations(List<RowPreview> rows, List<Integer> sentAt, ColumnMapping mapping, List<Violation> found) {
        Map<Integer, List<RowPreview.CellError>> byRow = new LinkedHashMap<>();
        for (Violation v : found) {
            String[] parts = v.pointer().split("/", -1);
            if (parts.length < 2 || !parts[1].matches("\\d+") || Integer.parseInt(parts[1]) >= sentAt.size()) {
                throw new Problem(ErrorCode.INVALID, v.pointer() + " " + v.detail(), List.of(v));
            }
            int at = sentAt.get(Integer.parseInt(parts[1]));
            String field = field(parts);
            if (rows.get(at).probe() != null && standIn(rows.get(at), field)) continue;
            String column = column(mapping, field);
            byRow.computeIfAbsent(at, k -> new ArrayList<>()).add(new RowPreview.CellError(rows.get(at).row(), column, field, v.detail()));
        }
        byRow.forEach((at, errors) -> rows.set(at, rows.get(at).withErrors(errors)));
    }

    /**
     * Whether a violation found in a row's probe is of a stand-in (or follows from one): of a field in
     * error already, a breakdown when the value did not read, the period when the date did not, the row as
     * a whole (a repeat of a stand-in).
     */
    private static boolean standIn(RowPreview row, String field) {
        java.util.Set<String> bad = row.fieldsInError();
        if (field == null || bad.contains(field)) return true;
        if (field.startsWith("breakdown") && (bad.contains("value") || bad.contains("metric"))) return true;
        if (field.equals("since") && bad.contains("asOf")) return true;
        return field.equals("document") && bad.stream().anyMatch(f -> f.startsWith("document."));
    }

    /** The field of a pointer's rest: {@code /3/document/title} is document.title; {@code /3} is none. */
    private static String field(String[] parts) {
        if (parts.length < 3 || parts[2].isEmpty()) return null;
        List<String> rest = new ArrayList<>();
        for (int i = 2; i < parts.length && rest.size() < 2; i++) rest.add(parts[i].replace("~1", "/").replace("~0", "~"));
        return String.join(".", rest);
    }

    private static String column(ColumnMapping mapping, String field) {
        if (field == null) return null;
        String letter = mapping.letter(field);
        if (letter == null && field.equals("document")) letter = mapping.letter("document.title");
        if (letter == null && field.startsWith("document.")) letter = mapping.letter("document.title");
        if (letter == null && field.equals("id")) letter = mapping.letter("value");
        return letter;
    }
}
