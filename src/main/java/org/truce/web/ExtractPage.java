package org.truce.web;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.extract.Extraction;
import org.truce.extract.Extractor;
import org.truce.extract.Proposal;
import org.truce.extract.TextFiles;
import org.truce.record.Violation;
import org.truce.web.desk.TextDraftsView;

/**
 * The desk's page of figures from a text ({@code /desk/extract}): paste a text or upload a .txt, .html
 * or .docx file, give its language (or not) and its document, and see the text with each proposed
 * figure's sentence marked and, per proposal, a report form filled from it, with the words each field
 * was read from and the fields the text left undecided. The officer records a proposal as it is or
 * edited (through the same write path as {@code POST /api/v1/reports}: transcriber rules, four eyes)
 * or rejects it; nothing is written before a person records. The page carries the text, so each step
 * reads it again: a proposal's id is stable, so one recorded shows as recorded. Thread-safe.
 */
final class ExtractPage {
    /** The fields the page carries from step to step besides the report forms. */
    private static final List<String> CARRIED = List.of("text", "lang", "document.title", "document.publisher", "document.date",
            "document.url", "rejected");
    private final Truce truce;
    private final Pages pages;
    private final FigureRoutes figures;
    private final DeskForms forms;

    ExtractPage(Truce truce, Pages pages, FigureRoutes figures, DeskForms forms) {
        this.truce = truce;
        this.pages = pages;
        this.figures = figures;
        this.forms = forms;
    }

    void form(Context ctx) {
        Caller.required(ctx);
        page(ctx, 200, null, null, null, Map.of("document.date", LocalDate.now(truce.clock()).toString()));
    }

    /** Reads the pasted or uploaded text (again, with a proposal rejected when one is). */
    void read(Context ctx) {
        Caller.required(ctx);
        Map<String, String> carried = carried(ctx);
        if (ctx.uploadedFile("file") != null && ctx.uploadedFile("file").size() > 0) {
            var file = ctx.uploadedFile("file");
            try (var in = file.content()) {
                carried.put("text", TextFiles.text(file.filename(), in.readNBytes((int) Math.min(file.size(), TextFiles.MAX_BYTES + 1))));
            } catch (IllegalArgumentException | java.io.IOException e) {
                page(ctx, 422, null, "file: " + e.getMessage(), null, carried);
                return;
            }
        }
        String reject = ctx.formParam("reject");
        if (reject != null && !reject.isBlank()) carried.merge("rejected", reject.strip(), (a, b) -> a.isBlank() ? b : a + " " + b);
        show(ctx, 200, carried, null, Map.of(), null);
    }

    /** Records one proposal, as it is or as the officer edited it, through the reports' write path. */
    void accept(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> carried = carried(ctx);
        Map<String, String> values = FormJson.values(ctx);
        String id = values.getOrDefault("id", "");
        var spec = forms.reportFields();
        FormInput.Read read = FormInput.read(values, spec, pages.ui(ctx));
        if (!read.refused().isEmpty()) {
            show(ctx, 422, carried, id, errors(read.refused()), null);
            return;
        }
        var body = FormJson.object(read.wire(), spec);
        body.put("id", id);
        try {
            figures.report(p, body, ctx.ip());
        } catch (Problem refused) {
            if (refused.errors().isEmpty()) throw refused;
            show(ctx, refused.code().status(), carried, id, errors(refused.errors()), null);
            return;
        }
        show(ctx, 200, carried, null, Map.of(), pages.ui(ctx).t("desk.extract.recorded"));
    }

    private static Map<String, String> errors(List<Violation> violations) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Violation v : violations) {
            String field = v.pointer().replaceFirst("^/", "").replace('/', '.');
            out.merge(field.isEmpty() ? "form" : field, v.detail(), (a, b) -> a + "; " + b);
        }
        return out;
    }

    private static Map<String, String> carried(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : CARRIED) {
            String v = ctx.formParam(name);
            if (v != null) out.put(name, name.equals("text") ? v : v.strip());
        }
        return out;
    }

    /** Reads the carried text and answers the page with its proposals; {@code errorsOf} names the card the errors are of. */
    private void show(Context ctx, int status, Map<String, String> carried, String errorsOf, Map<String, String> errors, String notice) {
        String text = carried.getOrDefault("text", "");
        if (text.isBlank()) {
            page(ctx, 422, null, pages.ui(ctx).t("desk.extract.notext"), null, carried);
            return;
        }
        if (text.length() > ExtractRoutes.MAX_TEXT) {
            page(ctx, 422, null, "text: must be at most " + ExtractRoutes.MAX_TEXT + " characters; paste a long text in parts", null, carried);
            return;
        }
        String lang = carried.getOrDefault("lang", "");
        LocalDate documentDate;
        try {
            String d = carried.getOrDefault("document.date", "");
            documentDate = d.isBlank() ? null : LocalDate.parse(d);
        } catch (java.time.DateTimeException e) {
            page(ctx, 422, null, "document.date: must be a date such as 2021-01-11", null, carried);
            return;
        }
        long size = truce.ledger().size();
        var book = truce.figures();
        Extraction read = new Extractor(book.sources(size), book.places(size), book.aliases(size)).read(text, lang.isBlank() ? null : lang, documentDate);
        Set<String> rejected = new LinkedHashSet<>(List.of(carried.getOrDefault("rejected", "").split("\\s+")));
        List<TextDraftsView.Card> cards = new ArrayList<>();
        List<Proposal> shown = new ArrayList<>();
        for (Proposal pr : read.proposals()) {
            String id = id(pr);
            if (rejected.contains(id)) continue;
            shown.add(pr);
            Map<String, String> values = values(pr, id, read.lang(), carried);
            if (id.equals(errorsOf)) values.putAll(submitted(ctx));
            String recorded = book.report(id).isPresent() ? id : null;
            cards.add(new TextDraftsView.Card(shown.size(), id, values, pr.why(), new LinkedHashSet<>(pr.undecided()), pr.confidence(),
                    recorded, id.equals(errorsOf) ? errors : Map.of()));
        }
        List<TextDraftsView.Unread> unread = read.notUnderstood().stream().map(u -> new TextDraftsView.Unread(u.sentence(), u.numbers())).toList();
        TextDraftsView view = new TextDraftsView(read.lang(), segments(text, shown), cards, unread, carried);
        page(ctx, status, view, null, notice, carried);
    }

    /** The report form's values as the officer last sent them (to show an edited card as edited). */
    private static Map<String, String> submitted(Context ctx) {
        Map<String, String> out = FormJson.values(ctx);
        CARRIED.forEach(out::remove);
        return out;
    }

    /** A proposal's id: the same for the same sentence, place in the text, metric and value, so a recorded one is known again. */
    static String id(Proposal p) {
        String key = "truce/extract/v1\n" + p.start() + "\n" + p.sentence() + "\n" + p.metric() + "\n" + p.value().toPlainString();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Map<String, String> values(Proposal p, String id, String lang, Map<String, String> carried) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("metric", p.metric());
        v.put("value", p.value().toPlainString());
        v.put("qualifier", p.qualifier().wire());
        v.put("kind", p.kind().wire());
        v.put("asOf", p.asOf() == null ? "" : p.asOf().toString());
        v.put("asOfPrecision", "day");
        v.put("since", p.since() == null ? "" : p.since().toString());
        v.put("place", p.place() == null ? "" : p.place());
        v.put("source", p.source() == null ? "" : p.source());
        for (Map.Entry<String, BigDecimal> b : p.breakdown().entrySet()) v.put("breakdown." + b.getKey(), b.getValue().toPlainString());
        v.put("attribution", p.sentence());
        v.put("attributionKind", "quote");
        v.put("attributionLang", lang);
        for (String d : List.of("document.title", "document.publisher", "document.date", "document.url")) v.put(d, carried.getOrDefault(d, ""));
        return v;
    }

    /** The text cut where a shown proposal's sentence starts and ends, each piece with the proposals (numbered from 1) it is the sentence of. */
    static List<TextDraftsView.Segment> segments(String text, List<Proposal> shown) {
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>(List.of(0, text.length()));
        for (Proposal p : shown) {
            cuts.add(Math.max(0, Math.min(text.length(), p.start())));
            cuts.add(Math.max(0, Math.min(text.length(), p.end())));
        }
        List<TextDraftsView.Segment> out = new ArrayList<>();
        Integer from = null;
        for (int to : cuts) {
            if (from != null && to > from) {
                List<Integer> marks = new ArrayList<>();
                for (int i = 0; i < shown.size(); i++) if (shown.get(i).start() <= from && shown.get(i).end() >= to) marks.add(i + 1);
                out.add(new TextDraftsView.Segment(text.substring(from, to), marks));
            }
            from = to;
        }
        return out;
    }

    private void page(Context ctx, int status, TextDraftsView view, String refusal, String notice, Map<String, String> carried) {
        long size = truce.ledger().size();
        Ui ui = pages.ui(ctx);
        Map<String, Object> params = new LinkedHashMap<>(Pages.params("view", view, "refusal", refusal, "notice", notice, "carried", carried));
        params.put("sources", truce.figures().sources(size));
        params.put("metrics", truce.figures().metrics(size));
        params.put("places", forms.placeChoices(ui, size));
        pages.page(ctx, status, "desk/extract.jte", params);
    }
}
