package org.truce.web;

import io.javalin.http.Context;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.accounts.Principal;
import org.truce.web.desk.ImportView;

/**
 * The desk's page of spreadsheets in ({@code /desk/imports}): a form to upload a file (and the
 * options and file-wide values of {@link Importer}); posting it answers the preview of every row with
 * each error beside its cell, named by row number and column letter; a preview without errors offers
 * to record the file, which the page carries (base64, in a hidden field) so that it is not chosen
 * again. The same {@link Importer} as {@code POST /api/v1/imports}. Thread-safe.
 */
final class ImportPage {
    private static final List<String> CARRIED = List.of("locale", "mapping", "corrections", "attribution", "document.title",
            "document.publisher", "document.date", "document.url", "source", "sheet", "charset");
    private final Importer importer;
    private final Pages pages;
    private final org.truce.app.Truce truce;

    ImportPage(Importer importer, Pages pages, org.truce.app.Truce truce) {
        this.importer = importer;
        this.pages = pages;
        this.truce = truce;
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
        Map<String, String> params = new LinkedHashMap<>(options);
        params.put("dryRun", String.valueOf(!commit));
        try {
            Importer.Result result = importer.run(p, bytes, params, ctx.ip());
            String content = result.committed() ? null : Base64.getEncoder().encodeToString(bytes);
            render(ctx, 200, ImportView.of(result.body(), content, fileName, options), options);
        } catch (Problem refused) {
            if (refused.members() != null && refused.members().has("rows")) {
                render(ctx, refused.code().status(), ImportView.of(refused.members(), null, fileName, options), options);
            } else {
                // a page answers a refused upload with the page again (422), whatever the API's status
                refuse(ctx, 422, refused.getMessage(), options);
            }
        }
    }

    private String ui(Context ctx, String key) {
        return pages.ui(ctx).t(key);
    }

    private void render(Context ctx, int status, ImportView view, Map<String, String> options) {
        pages.page(ctx, status, "desk/imports.jte", Pages.params("view", view, "refusal", null, "options", options, "mappings", mappings()));
    }

    private void refuse(Context ctx, int status, String why, Map<String, String> options) {
        pages.page(ctx, status, "desk/imports.jte", Pages.params("view", null, "refusal", why, "options", options, "mappings", mappings()));
    }
}
