package org.truce.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.truce.bulletin.Bulletin;
import org.truce.bulletin.BulletinComposer;
import org.truce.bulletin.BulletinHtml;
import org.truce.bulletin.BulletinJson;
import org.truce.bulletin.BulletinPdf;
import org.truce.bulletin.BulletinText;
import org.truce.bulletin.Exhibits;
import org.truce.bulletin.Messages;
import org.truce.figures.FigureBook;
import org.truce.ledger.Ledger;
import org.truce.places.MapBook;

/**
 * GET /api/v1/bulletins/{date}: the situation report as JSON (default), text, HTML or PDF; and
 * GET /bulletins/{date}.pdf, the same PDF at a reader's address. The PDF's check link starts with
 * {@code TRUCE_PUBLIC_URL} when set, else with the request's scheme and host.
 */
final class BulletinRoutes {
    private final BulletinComposer composer;
    private final Ledger ledger;
    private final FigureBook figures;
    private final MapBook map;
    private final String publicUrl;

    BulletinRoutes(BulletinComposer composer, Ledger ledger, FigureBook figures, MapBook map, String publicUrl) {
        this.composer = composer;
        this.ledger = ledger;
        this.figures = figures;
        this.map = map;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
    }

    void bulletin(Context ctx) {
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.matches("json|text|html|pdf")) throw Problem.badParameter("format", "must be json, text, html or pdf");
        Bulletin b = compose(ctx, ctx.pathParam("date"));
        switch (format) {
            case "json" -> Json.send(ctx, 200, BulletinJson.render(b));
            case "text" -> ctx.contentType("text/plain; charset=utf-8").result(BulletinText.render(b));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(BulletinHtml.render(b));
            default -> pdf(ctx, b);
        }
    }

    /** GET /bulletins/{date}.pdf?lang=..&size=.. */
    void pdfPage(Context ctx) {
        pdf(ctx, compose(ctx, ctx.pathParam("date")));
    }

    private Bulletin compose(Context ctx, String dateParam) {
        LocalDate date = Params.parseDate("date", dateParam);
        String lang = ctx.queryParam("lang") == null ? "en" : ctx.queryParam("lang");
        Messages m = Messages.of(lang).orElseThrow(() -> Problem.badParameter("lang", "names no language with bulletin texts: " + lang));
        return composer.compose(date, size(ctx), m);
    }

    /** {@code size} (the name the check link uses) or {@code atSize}, as any read takes it; not both. */
    private long size(Context ctx) {
        if (ctx.queryParam("size") == null) return Params.size(ctx, ledger);
        if (ctx.queryParam("atSize") != null || ctx.queryParam("knownAt") != null) {
            throw Problem.badParameter("size", "cannot be combined with atSize or knownAt");
        }
        return Params.longParam(ctx, "size", ledger.size(), 0, ledger.size());
    }

    private void pdf(Context ctx, Bulletin b) {
        String link = base(ctx) + "/check?date=" + b.asOf() + "&size=" + b.size();
        java.time.Instant at = b.size() == 0 ? java.time.Instant.EPOCH : ledger.recordedAt(b.size() - 1);
        byte[] pdf = BulletinPdf.render(b, Exhibits.of(b, figures, map), link, at);
        ctx.header("Content-Disposition", "inline; filename=\"truce-bulletin-" + b.asOf() + "-" + b.lang() + "-" + b.size() + ".pdf\"");
        ctx.status(200).contentType("application/pdf").result(pdf);
    }

    private String base(Context ctx) {
        return publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host();
    }
}
