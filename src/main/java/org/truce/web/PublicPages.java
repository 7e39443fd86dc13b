package org.truce.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.truce.bulletin.Issue;
import org.truce.bulletin.Issues;
import org.truce.bulletin.Messages;
import org.truce.bulletin.Publication;
import org.truce.bulletin.Publications;
import org.truce.record.Violation;
import org.truce.ledger.Ledger;

/**
 * The public reader's pages, server-rendered and readable without JavaScript: the home page (the
 * latest published bulletin, in full), the archive of published bulletins, one bulletin by date (from
 * its latest publication's checkpoint, or computed at {@code ?size=N} and labelled unpublished), and
 * the Atom feed of publications per language. A bulletin whose texts do not exist in the reader's
 * language is shown in English with a note saying so. Thread-safe.
 */
final class PublicPages {
    private final Pages pages;
    private final Issues issues;
    private final Publications publications;
    private final Ledger ledger;
    private final Guard guard;
    private final DraftRule drafts;

    PublicPages(Pages pages, Issues issues, Publications publications, Ledger ledger, Guard guard, DraftRule drafts) {
        this.pages = pages;
        this.issues = issues;
        this.publications = publications;
        this.ledger = ledger;
        this.guard = guard;
        this.drafts = drafts;
    }

    void routes(RoutesConfig r) {
        r.get("/", this::home, Access.PUBLIC);
        r.get("/bulletins", this::archive, Access.PUBLIC);
        r.get("/bulletins/{date}", this::bulletin, Access.PUBLIC);
        r.get("/feeds/{lang}.atom", this::feed, Access.PUBLIC);
    }

    void home(Context ctx) {
        Ui ui = pages.ui(ctx);
        BulletinView view = publications.newest().map(p -> view(ui, p.date(), p.size(), p)).orElse(null);
        pages.render(ctx, 200, "home.jte", Pages.params("ui", ui, "view", view));
    }

    void archive(Context ctx) {
        Ui ui = pages.ui(ctx);
        String lang = Messages.of(ui.lang()).isPresent() ? ui.lang() : "en";
        List<BulletinView.ArchiveRow> rows = new ArrayList<>();
        for (Publication p : publications.latestPerDate()) {
            rows.add(new BulletinView.ArchiveRow(p, publications.number(p), issues.issuerName(p, lang), publications.of(p.date()).size()));
        }
        pages.render(ctx, 200, "bulletins/archive.jte", Pages.params("ui", ui, "rows", rows));
    }

    void bulletin(Context ctx) {
        Ui ui = pages.ui(ctx);
        String rawDate = ctx.pathParam("date");
        LocalDate date;
        try {
            date = Params.parseDate("date", rawDate);
        } catch (Problem p) {
            refuse(ctx, ui, "date", ui.t("bulletin.bad_date", "value", rawDate));
            return;
        }
        String rawSize = ctx.queryParam("size");
        if (rawSize != null) {
            long size = size(rawSize);
            if (size < 1) {
                refuse(ctx, ui, "size", ui.t("bulletin.bad_size", "value", rawSize, "max", ledger.size()));
                return;
            }
            Publication same = publications.at(date, size).orElse(null);
            if (same == null && !drafts.allows(guard.identify(ctx))) {
                pages.render(ctx, 403, "bulletins/refused.jte", Pages.params("ui", ui, "field", "size",
                        "detail", ui.t("bulletin.draft_refused", "date", ui.date(date), "size", size)));
                return;
            }
            pages.render(ctx, 200, "bulletins/page.jte", Pages.params("ui", ui, "view", view(ui, date, size, same)));
            return;
        }
        Publication latest = publications.latest(date).orElse(null);
        if (latest == null) {
            pages.render(ctx, 404, "bulletins/unpublished.jte", Pages.params("ui", ui, "date", date, "size", ledger.size(),
                    "drafts", drafts.allows(guard.identify(ctx))));
            return;
        }
        pages.render(ctx, 200, "bulletins/page.jte", Pages.params("ui", ui, "view", view(ui, date, latest.size(), latest)));
    }

    void feed(Context ctx) {
        String lang = ctx.pathParam("lang");
        Language language = Language.of(lang).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND,
                "no feed in language " + lang + "; there is one for each of en, ru, hy, az, de",
                List.of(new Violation("/lang", "must be one of en, ru, hy, az, de, not " + lang))));
        Messages m = Messages.of(language.code()).orElseGet(() -> Messages.of("en").orElseThrow());
        List<Issue> issued = publications.newestFirst().stream().map(p -> issues.published(p, m)).toList();
        ctx.contentType("application/atom+xml; charset=utf-8")
                .result(AtomFeed.render(language, Messages.ui(language.code()), issued, ledger.origin(), base(ctx)));
    }

    /** The scheme and host the reader used, for the feed's absolute links. */
    private static String base(Context ctx) {
        String host = ctx.host() == null ? "localhost" : ctx.host();
        return ctx.scheme() + "://" + host;
    }

    private long size(String raw) {
        try {
            long n = Long.parseLong(raw);
            return n >= 1 && n <= ledger.size() ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(Context ctx, Ui ui, String field, String detail) {
        pages.render(ctx, 400, "bulletins/refused.jte", Pages.params("ui", ui, "field", field, "detail", detail));
    }

    /** The bulletin of {@code date} at {@code size} in the reader's language, or in English when it has no texts. */
    private BulletinView view(Ui ui, LocalDate date, long size, Publication shown) {
        var own = Messages.of(ui.lang());
        Messages m = own.orElseGet(() -> Messages.of("en").orElseThrow());
        Issue issue = shown == null ? issues.draft(date, size, m) : issues.published(shown, m);
        List<Publication> earlier = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (Publication p : publications.of(date)) {
            names.put(p.seq(), issues.issuerName(p, m.lang()));
            if (shown == null || p.seq() != shown.seq()) earlier.add(0, p);
        }
        return BulletinView.of(issue, earlier, own.isEmpty(), names);
    }

}
