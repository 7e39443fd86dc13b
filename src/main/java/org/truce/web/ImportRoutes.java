package org.truce.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.truce.accounts.Principal;
import org.truce.record.Violation;

/**
 * The route of spreadsheets in: {@code POST /api/v1/imports} takes a CSV or XLSX file, as the raw
 * body ({@code text/csv}, the XLSX media type) with options as query parameters, or as
 * {@code multipart/form-data} with the file in field {@code file} and options as fields; it answers
 * the preview of every row (a dry run, the default) or commits all rows or none ({@code dryRun=false}).
 * The work is {@link Importer}'s; the desk's page is {@link ImportPage}. Stateless.
 */
final class ImportRoutes {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> RAW = List.of("text/csv", XLSX, "text/plain", "text/tab-separated-values",
            "application/csv", "application/octet-stream");
    private final Importer importer;

    ImportRoutes(Importer importer) {
        this.importer = importer;
    }

    void routes(RoutesConfig r) {
        r.post(WebApp.API + "/imports", this::upload, Access.REPORTING);
    }

    private void upload(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (type.startsWith("multipart/form-data")) {
            bytes = file(ctx);
            ctx.formParamMap().forEach((k, v) -> {
                if (!k.equals("csrf") && !v.isEmpty()) params.put(k, v.get(0));
            });
        } else if (RAW.stream().anyMatch(type::startsWith)) {
            bytes = Json.readLimited(ctx);
            String charset = charset(type);
            if (charset != null) params.putIfAbsent("charset", charset);
        } else {
            throw new Problem(ErrorCode.NOT_A_SHEET, "Content-Type is " + (type.isEmpty() ? "missing" : type) + "; send text/csv, "
                    + XLSX + ", or multipart/form-data with the file in field file",
                    List.of(new Violation("/file", "must be a CSV or XLSX file")));
        }
        Importer.Result result = importer.run(p, bytes, params, ctx.ip());
        Json.send(ctx, result.status(), result.body());
    }

    /** The file of a multipart upload (field {@code file}), within the body limit. */
    static byte[] file(Context ctx) {
        UploadedFile f = ctx.uploadedFile("file");
        if (f == null) {
            throw new Problem(ErrorCode.INVALID, "the upload has no file; send it in field file", List.of(new Violation("/file", "is required")));
        }
        if (f.size() > Json.MAX_BODY) throw new Problem(ErrorCode.TOO_LARGE, "the file is over the limit of " + Json.MAX_BODY + " bytes");
        try (InputStream in = f.content()) {
            return in.readNBytes(Json.MAX_BODY + 1);
        } catch (IOException e) {
            throw new Problem(ErrorCode.MALFORMED_BODY, "the uploaded file could not be read");
        }
    }

    private static String charset(String type) {
        for (String part : type.split(";")) {
            String t = part.trim();
            if (t.startsWith("charset=")) return t.substring(8).replace("\"", "");
        }
        return null;
    }
}
