package org.truce.web;

import io.javalin.http.Context;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.accounts.Principal;
import org.truce.ingest.ColumnMapping;
import org.truce.web.desk.ImportView;

/**
 * The desk's page of spreadsheets in ({@code /desk/imports}): a form to upload a file (and the
 * options and file-wide values of {@link Importer}); posting it answers the preview of every row with
 * each error beside its cell, named by row number and column letter; a preview without errors offers
 * to record the file, which the page carries (base64, in a hidden field) so that it is not chosen
 * again; a preview also offers to save the columns it found as a named mapping. The same
 * {@link Importer} as {@code POST /api/v1/imports}. Thread-safe.
 */
final class ImportPage {
    private static final List<String> CARRIED = List.of("locale", "mapping", "corrections", "attribution", "document.title",
            "document.publisher", "document.date", "document.url", "source", "sheet", "charset");
    private final Importer importer;
    private final Pages pages;
    private final org.truce.app.Truce truce;
    private final FigureRoutes figures;

    ImportPage(Importer importer, Pages pages, org.truce.app.Truce truce, FigureRoutes figures) {
        this.importer = importer;
        this.pages = pages;
        this.truce = truce;
        this.figures = figures;
    }

    /** The names of the saved column mappings, for the page's picker. */
    private List<String> mappings() {
        return truce.figures().mappings(truce.ledger().size()).stream().map(org.truce.figures.SheetMapping::name).toList();
    }

    void form(Context ctx) {
        Caller.required(ctx);
        pages.page(ctx, 200, "desk/imports.jte", Pages.params("view", null, "refusal", null, "options", Map.of(), "mappings", mappings()));
    }

    void submit(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : CARRIED) {
            String v = ctx.formParam(name);
            if (v != null && !v.isBlank()) options.put(name, v.strip());
        }
        boolean commit = "true".equals(ctx.formParam("commit"));
        String carried = ctx.formParam("content");
        byte[] bytes;
        String fileName;
        if (ctx.uploadedFile("file") != null && ctx.uploadedFile("file").size() > 0) {
            bytes = ImportRoutes.file(ctx);
            fileName = ctx.uploadedFile("file").filename();
        } else if (carried != null && !carried.isBlank()) {
            try {
                bytes = Base64.getDecoder().decode(carried.strip());
            } catch (IllegalArgumentException e) {
                refuse(ctx, 422, "content: the carried file is not base64; upload the file again", options);
                return;
            }
            fileName = ctx.formParam("fileName");
        } else {
            refuse(ctx, 422, ui(ctx, "desk.imports.nofile"), options);
            return;
        }
        preview(ctx, p, bytes, fileName, options, commit, null);
    }

    /** Runs the upload (a dry run, or the commit) and answers the page: the preview, or the refusal, and the columns form. */
    private void preview(Context ctx, Principal p, byte[] bytes, String fileName, Map<String, String> options, boolean commit, String notice) {
        Map<String, String> params = new LinkedHashMap<>(options);
        params.put("dryRun", String.valueOf(!commit));
        Sheet found = new Sheet(importer.columns(bytes, options), Base64.getEncoder().encodeToString(bytes), fileName);
        try {
            Importer.Result result = importer.run(p, bytes, params, ctx.ip());
            String content = result.committed() ? null : found.carried();
            render(ctx, 200, ImportView.of(result.body(), content, fileName, options), options, found, notice);
        } catch (Problem refused) {
            if (refused.members() != null && refused.members().has("rows")) {
                render(ctx, refused.code().status(), ImportView.of(refused.members(), null, fileName, options), options, found, notice);
            } else {
                // a page answers a refused upload with the page again (422), whatever the API's status
                page(ctx, 422, null, refused.getMessage(), options, found, notice);
            }
        }
    }

    /** The columns form as the officer sent it (each column's header and chosen field) and the file it carried. */
    private static Sheet asChosen(Context ctx) {
        List<ColumnMapping.Found> columns = new java.util.ArrayList<>();
        ctx.formParamMap().forEach((key, values) -> {
            if (!key.startsWith("header.") || org.truce.ingest.Sheet.index(key.substring(7)) < 0) return;
            String letter = key.substring(7);
            String field = ctx.formParam("field." + letter);
            columns.add(new ColumnMapping.Found(letter, values.isEmpty() ? "" : values.get(0), field == null || field.isBlank() ? null : field));
        });
        columns.sort(java.util.Comparator.comparingInt(c -> org.truce.ingest.Sheet.index(c.letter())));
        String carried = ctx.formParam("content");
        return new Sheet(columns, carried == null || carried.isBlank() ? null : carried.strip(), ctx.formParam("fileName"));
    }

    /** The sheet's columns as the columns form shows them, and the file carried so that it is not chosen again. */
    private record Sheet(List<ColumnMapping.Found> columns, String carried, String fileName) {
        static final Sheet NONE = new Sheet(List.of(), null, null);
    }

    /**
     * Saves the columns form (for each column of the sheet, the field it holds or none) as the next
     * revision of the named mapping, through the same path as {@code POST /api/v1/mappings}: a column
     * is named by its header's text, or by its letter when it has none. Then the carried file is
     * previewed again with the mapping, or the upload form comes back with the mapping picked.
     */
    void saveMapping(Context ctx) {
        Principal p = Caller.required(ctx);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : CARRIED) {
            String v = ctx.formParam(o);
            if (v != null && !v.isBlank() && !o.equals("mapping")) options.put(o, v.strip());
        }
        var body = Json.object().put("name", name).put("revision", truce.figures().mappingRevisions(name) + 1);
        var columns = body.putObject("columns");
        Map<String, String> letterOf = new LinkedHashMap<>();
        for (var e : ctx.formParamMap().entrySet()) {
            String field = e.getValue().isEmpty() ? "" : e.getValue().get(0).strip();
            if (!e.getKey().startsWith("field.") || field.isEmpty()) continue;
            String letter = e.getKey().substring(6);
            String other = letterOf.putIfAbsent(field, letter);
            if (other != null) {
                String label = pages.ui(ctx).t("desk.imports.field." + field.replaceFirst("^breakdown\\..*", "breakdown")) + " (" + field + ")";
                page(ctx, 422, null, pages.ui(ctx).t("desk.imports.save.twice", "field", label, "first", other, "second", letter),
                        options, asChosen(ctx), null);
                return;
            }
            String header = ctx.formParam("header." + letter);
            columns.put(field, header == null || header.isBlank() ? letter : header.strip());
        }
        if (options.containsKey("locale")) body.put("locale", options.get("locale"));
        try {
            figures.mapping(p, body, ctx.ip());
        } catch (Problem refused) {
            StringBuilder why = new StringBuilder(refused.getMessage());
            if (refused.errors() != null) refused.errors().forEach(v -> why.append("; ").append(v.pointer()).append(" ").append(v.detail()));
            page(ctx, 422, null, why.toString(), options, asChosen(ctx), null);
            return;
        }
        options.put("mapping", name);
        String notice = pages.ui(ctx).t("desk.imports.saved", "name", name, "revision", body.get("revision").asInt());
        String carried = ctx.formParam("content");
        if (carried == null || carried.isBlank()) {
            page(ctx, 200, null, null, options, Sheet.NONE, notice);
            return;
        }
        try {
            preview(ctx, p, Base64.getDecoder().decode(carried.strip()), ctx.formParam("fileName"), options, false, notice);
        } catch (IllegalArgumentException e) {
            page(ctx, 422, null, "content: the carried file is not base64; upload the file again", options, Sheet.NONE, notice);
        }
    }

    private String ui(Context ctx, String key) {
        return pages.ui(ctx).t(key);
    }

    private void render(Context ctx, int status, ImportView view, Map<String, String> options, Sheet sheet, String notice) {
        page(ctx, status, view, null, options, sheet, notice);
    }

    private void refuse(Context ctx, int status, String why, Map<String, String> options) {
        page(ctx, status, null, why, options, Sheet.NONE, null);
    }

    private void page(Context ctx, int status, ImportView view, String refusal, Map<String, String> options, Sheet sheet, String notice) {
        Map<String, Object> params = new LinkedHashMap<>(Pages.params("view", view, "refusal", refusal, "options", options,
                "mappings", mappings(), "notice", notice));
        params.put("sheetColumns", sheet.columns());
        params.put("fields", org.truce.ingest.Headers.standard().fields());
        params.put("carried", sheet.carried());
        params.put("fileName", sheet.fileName());
        pages.page(ctx, status, "desk/imports.jte", params);
    }
}
