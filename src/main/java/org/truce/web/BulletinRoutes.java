package org.truce.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.truce.bulletin.Bulletin;
import org.truce.bulletin.BulletinComposer;
import org.truce.bulletin.BulletinHtml;
import org.truce.bulletin.BulletinJson;
import org.truce.bulletin.BulletinText;
import org.truce.bulletin.Messages;
import org.truce.ledger.Ledger;

/** GET /api/v1/bulletins/{date}: the situation report as JSON (default), text or HTML. */
final class BulletinRoutes {
    private final BulletinComposer composer;
    private final Ledger ledger;

    BulletinRoutes(BulletinComposer composer, Ledger ledger) {
        this.composer = composer;
        this.ledger = ledger;
    }

    void bulletin(Context ctx) {
        LocalDate date = Params.parseDate("date", ctx.pathParam("date"));
        String lang = ctx.queryParam("lang") == null ? "en" : ctx.queryParam("lang");
        Messages m = Messages.of(lang).orElseThrow(() -> Problem.badParameter("lang", "names no language with bulletin texts: " + lang));
        long size = Params.size(ctx, ledger);
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        Bulletin b = composer.compose(date, size, m);
        switch (format) {
            case "json" -> Json.send(ctx, 200, BulletinJson.render(b));
            case "text" -> ctx.contentType("text/plain; charset=utf-8").result(BulletinText.render(b));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(BulletinHtml.render(b));
            default -> throw Problem.badParameter("format", "must be json, text or html");
        }
    }
}
