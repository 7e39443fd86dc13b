package org.truce.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.truce.bulletin.Bulletin;
import org.truce.bulletin.BulletinHtml;
import org.truce.bulletin.BulletinJson;
import org.truce.bulletin.BulletinPdf;
import org.truce.bulletin.BulletinText;
import org.truce.bulletin.Exhibits;
import org.truce.bulletin.Issue;
import org.truce.bulletin.Issues;
import org.truce.bulletin.Messages;
import org.truce.bulletin.PrintShop;
import org.truce.bulletin.Publication;
import org.truce.figures.FigureBook;
import org.truce.ledger.Ledger;
import org.truce.places.MapBook;

/**
 * GET /api/v1/bulletins/{date}: the situation report as JSON (default), text, HTML or PDF; and
 * GET /bulletins/{date}.pdf, the same PDF at a reader's address. A published date is, by default,
 * its latest publication, at that publication's size, in every format; an explicit size
 * ({@code size}, {@code atSize} or {@code knownAt}) that a publication of the date names is that
 * publication. Any other date or size is a draft, marked in every format, and shown to anonymous
 * readers only under {@link DraftRule}. A publication's PDF is rendered once per language and kept
 * ({@link PrintShop}). The PDF's check link starts with {@code TRUCE_PUBLIC_URL} when set, else with
 * the request's scheme and host.
 */
final class BulletinRoutes {
    private final Issues issues;
    private final PrintShop printShop;
    private final Ledger ledger;
    private final FigureBook figures;
    private final MapBook map;
    private final String publicUrl;
    private final Guard guard;
    private final DraftRule drafts;

    BulletinRoutes(Issues issues, PrintShop printShop, Ledger ledger, FigureBook figures, MapBook map, String publicUrl,
                   Guard guard, DraftRule drafts) {
        this.issues = issues;
        this.printShop = printShop;
        this.ledger = ledger;
        this.figures = figures;
        this.map = map;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        this.guard = guard;
        this.drafts = drafts;
    }

    /** Registered before the public pages, whose {@code /bulletins/{date}} would also match {@code 2021-01-11.pdf}. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.get("/bulletins/{date}.pdf", this::pdfPage, Access.PUBLIC);
        r.get(WebApp.API + "/bulletins/{date}", this::bulletin, Access.PUBLIC);
    }

    void bulletin(Context ctx) {
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.matches("json|text|html|pdf")) throw Problem.badParameter("format", "must be json, text, html or pdf");
        Asked asked = asked(ctx, ctx.pathParam("date"));
        if (format.equals("pdf")) {
            pdf(ctx, asked);
            return;
        }
        Issue issue = issue(asked);
        switch (format) {
            case "json" -> Json.send(ctx, 200, BulletinJson.render(issue));
            case "text" -> ctx.contentType("text/plain; charset=utf-8").result(BulletinText.render(issue));
            default -> ctx.contentType("text/html; charset=utf-8").result(BulletinHtml.render(issue));
        }
    }

    /** GET /bulletins/{date}.pdf?lang=..&size=.. */
    void pdfPage(Context ctx) {
        pdf(ctx, asked(ctx, ctx.pathParam("date")));
    }

    /** What was asked: the date, the language's texts, the size (null: the default) and the publication it names, if any. */
    private record Asked(LocalDate date, Messages m, Long size, Optional<Publication> publication) {
        long sizeOrLedger(Ledger ledger) {
            return publication.map(Publication::size).orElse(size == null ? ledger.size() : size);
        }
    }

    private Asked asked(Context ctx, String dateParam) {
        LocalDate date = Params.parseDate("date", dateParam);
        String lang = ctx.queryParam("lang") == null ? "en" : ctx.queryParam("lang");
        Messages m = Messages.of(lang).orElseThrow(() -> Problem.badParameter("lang", "names no language with bulletin texts: " + lang));
        Long size = size(ctx);
        Optional<Publication> p = issues.publicationFor(date, size);
        if (p.isEmpty() && !drafts.allows(guard.identify(ctx))) {
            if (size == null) throw DraftRule.refusal("date", "names a date with no published bulletin (" + date + ")");
            throw DraftRule.refusal(sizeName(ctx), "names ledger size " + size + ", at which the bulletin of " + date + " was not published");
        }
        return new Asked(date, m, size, p);
    }

    private Issue issue(Asked a) {
        return a.publication().map(p -> issues.published(p, a.m())).orElseGet(() -> issues.draft(a.date(), a.sizeOrLedger(ledger), a.m()));
    }

    /** The size asked for ({@code size}, the name the check link uses, or {@code atSize} / {@code knownAt}), or null. */
    private Long size(Context ctx) {
        if (ctx.queryParam("size") == null) {
            if (ctx.queryParam("atSize") == null && ctx.queryParam("knownAt") == null) return null;
            return Params.size(ctx, ledger);
        }
        if (ctx.queryParam("atSize") != null || ctx.queryParam("knownAt") != null) {
            throw Problem.badParameter("size", "cannot be combined with atSize or knownAt");
        }
        return Params.longParam(ctx, "size", ledger.size(), 0, ledger.size());
    }

    private static String sizeName(Context ctx) {
        if (ctx.queryParam("size") != null) return "size";
        return ctx.queryParam("atSize") != null ? "atSize" : "knownAt";
    }

    private void pdf(Context ctx, Asked a) {
        long size = a.sizeOrLedger(ledger);
        String link = base(ctx) + "/check?date=" + a.date() + "&size=" + size;
        byte[] pdf = a.publication().isPresent()
                ? printShop.pdf(a.publication().get(), a.m().lang(), link, () -> render(issue(a), link))
                : render(issue(a), link);
        String name = "truce-bulletin-" + a.date() + "-" + a.m().lang() + "-" + size + (a.publication().isPresent() ? "" : "-draft");
        ctx.header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
        ctx.status(200).contentType("application/pdf").result(pdf);
    }

    private byte[] render(Issue issue, String link) {
        Bulletin b = issue.bulletin();
        Instant at = b.size() == 0 ? Instant.EPOCH : ledger.recordedAt(b.size() - 1);
        return BulletinPdf.render(issue, Exhibits.of(b, figures, map), link, at);
    }

    private String base(Context ctx) {
        return publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host();
    }
}
