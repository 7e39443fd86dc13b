package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.truce.record.Document;
import org.truce.figures.Fact;
import org.truce.figures.FactWriter;
import org.truce.figures.Figure;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.figures.Flag;
import org.truce.figures.Reconciled;
import org.truce.catalog.Source;
import org.truce.figures.Spread;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Ledger;

/** GET handlers for the catalog and the figures. Reads take no locks on the write path. */
final class ReadRoutes {
    static final long MAX_SERIES_DAYS = 3660;
    private final FigureBook book;
    private final Ledger ledger;
    private final java.time.Clock clock;
    private final org.truce.places.MapBook map;

    ReadRoutes(FigureBook book, Ledger ledger, java.time.Clock clock, org.truce.places.MapBook map) {
        this.book = book;
        this.ledger = ledger;
        this.clock = clock;
        this.map = map;
    }

    void sources(Context ctx) {
        list(ctx, book.sources(Params.size(ctx, ledger)), s -> FactWriter.write(new Fact.SourceDeclared(s)));
    }

    /** The units declared in the catalog (the built-in ones are not listed). */
    void units(Context ctx) {
        list(ctx, book.units(Params.size(ctx, ledger)), u -> FactWriter.write(new Fact.UnitDeclared(u)));
    }

    /** Intake's alias table. */
    void aliases(Context ctx) {
        list(ctx, book.aliases(Params.size(ctx, ledger)), a -> FactWriter.write(new Fact.AliasDeclared(a)));
    }

    /** Intake's saved column mappings, each in its revision in force. */
    void mappings(Context ctx) {
        list(ctx, book.mappings(Params.size(ctx, ledger)), m -> FactWriter.write(new Fact.MappingSaved(m)));
    }

    void metrics(Context ctx) {
        list(ctx, book.metrics(Params.size(ctx, ledger)), m -> FactWriter.write(new Fact.MetricDeclared(m)));
    }

    /**
     * The gazetteer. A place whose extent the map states (an administrative unit drawn for it, such as
     * the former autonomous oblast's boundary for "nk") names that feature as {@code extent}, so the
     * extent used is never implied.
     */
    void places(Context ctx) {
        long size = Params.size(ctx, ledger);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        list(ctx, book.places(size), p -> {
            ObjectNode n = (ObjectNode) FactWriter.write(new Fact.PlaceDeclared(p));
            var extent = map.extentOf(p.id(), today, size);
            if (extent.isPresent()) n.put("extent", extent.get().feature().id());
            else n.putNull("extent");
            return n;
        });
    }

    /** The figures that wait for a second account's confirmation (four eyes), oldest first: in no published output yet. */
    void awaitingReview(Context ctx) {
        list(ctx, book.awaitingReview(), f -> {
            ObjectNode n = Json.object();
            n.set("report", FactWriter.report(f.report()));
            n.put("seq", f.seq()).put("recordedAt", EntryCodec.formatInstant(f.recordedAt()));
            return n;
        });
    }

    private static <T> void list(Context ctx, List<T> all, Function<T, com.fasterxml.jackson.databind.JsonNode> json) {
        int offset = (int) Params.longParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        // a CSV export is the whole table unless a page is asked for
        int limit = CsvTables.asked(ctx) ? (int) Params.longParam(ctx, "limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE)
                : (int) Params.longParam(ctx, "limit", 100, 1, 1000);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(item -> items.add(json.apply(item)));
        body.put("total", all.size());
        if ((long) offset + limit < all.size()) body.put("next", offset + limit);
        else body.putNull("next");
        Json.send(ctx, 200, body);
    }

    void figure(Context ctx) {
        long size = Params.size(ctx, ledger);
        String metric = Params.required(ctx, "metric");
        String source = Params.required(ctx, "source");
        String place = Params.required(ctx, "place");
        LocalDate asOf = Params.date(ctx, "asOf", true);
        checkKnown(metric, source, place, size);
        Optional<Figure> f = book.figure(metric, source, place, asOf, size);
        if (f.isEmpty()) {
            throw new Problem(ErrorCode.NOT_FOUND, "no figure from " + source + " on " + metric + " for " + place
                    + " as of " + asOf + " in the ledger's first " + size + " entries");
        }
        Json.send(ctx, 200, figureJson(f.get(), knownAt(ctx), ledger.bodyKeys()));
    }

    void reconciled(Context ctx) {
        long size = Params.size(ctx, ledger);
        String metric = Params.required(ctx, "metric");
        String place = Params.required(ctx, "place");
        LocalDate asOf = Params.date(ctx, "asOf", true);
        checkKnown(metric, null, place, size);
        Reconciled r = book.reconciled(metric, place, asOf, size);
        ObjectNode body = Json.object();
        body.put("metric", metric);
        body.put("place", place);
        body.put("asOf", asOf.toString());
        body.put("knownAt", knownAt(ctx));
        body.put("atSize", size);
        ArrayNode figures = body.putArray("figures");
        r.figures().forEach(f -> figures.add(figureJson(f, null, ledger.bodyKeys())));
        spreadJson(body.putObject("spread"), r.spread());
        ArrayNode partial = body.putArray("partial");
        for (Figure f : r.partial()) {
            ObjectNode p = partial.addObject().put("source", f.source());
            f.rollup().from().forEach(p.putArray("from")::add);
            f.rollup().missing().forEach(p.putArray("missing")::add);
        }
        ArrayNode silent = body.putArray("noReport");
        for (Source s : r.noReport()) silent.addObject().put("source", s.id()).put("name", s.name("en"));
        body.put("note", "Figures of different sources are shown side by side; Truce never adds or averages them.");
        Json.send(ctx, 200, body);
    }

    void series(Context ctx) {
        long size = Params.size(ctx, ledger);
        String metric = Params.required(ctx, "metric");
        String source = Params.required(ctx, "source");
        String place = Params.required(ctx, "place");
        LocalDate from = Params.date(ctx, "from", true);
        LocalDate to = Params.date(ctx, "to", true);
        if (to.isBefore(from)) throw Problem.badParameter("to", "must not be before from");
        if (from.plusDays(MAX_SERIES_DAYS).isBefore(to)) throw Problem.badParameter("to", "must be at most " + MAX_SERIES_DAYS + " days after from");
        checkKnown(metric, source, place, size);
        List<Optional<Figure>> days = book.series(metric, source, place, from, to, size);
        ObjectNode body = Json.object();
        body.put("metric", metric).put("source", source).put("place", place).put("from", from.toString())
                .put("to", to.toString()).put("knownAt", knownAt(ctx)).put("atSize", size);
        ArrayNode points = body.putArray("points");
        LocalDate d = from;
        for (Optional<Figure> f : days) {
            ObjectNode p = points.addObject().put("date", d.toString());
            if (f.isEmpty()) p.putNull("value");
            else {
                putDecimal(p, "value", f.get().value());
                p.put("qualifier", f.get().qualifier() == null ? null : f.get().qualifier().wire());
                p.put("partial", f.get().partial());
            }
            // the day a report of the source speaks for, or a value standing on an earlier day's report
            LocalDate reported = f.map(Figure::reportedAsOf).orElse(null);
            boolean hasValue = f.isPresent() && f.get().value() != null;
            p.put("reported", hasValue && d.equals(reported));
            p.put("carriedForward", hasValue && reported != null && reported.isBefore(d));
            d = d.plusDays(1);
        }
        Json.send(ctx, 200, body);
    }

    private void checkKnown(String metric, String source, String place, long size) {
        if (book.metric(metric, size).isEmpty()) throw Problem.badParameter("metric", "names no declared metric: " + metric);
        if (source != null && book.source(source, size).isEmpty()) throw Problem.badParameter("source", "names no declared source: " + source);
        if (book.place(place, size).isEmpty()) throw Problem.badParameter("place", "names no declared place: " + place);
    }

    /** The moment the answer speaks for: as asked, the record time of the last entry of {@code atSize}, or now. */
    private String knownAt(Context ctx) {
        String k = ctx.queryParam("knownAt");
        if (k != null) return k;
        if (ctx.queryParam("atSize") != null) {
            long size = Params.size(ctx, ledger);
            return size == 0 ? null : EntryCodec.formatInstant(ledger.recordedAt(size - 1));
        }
        return EntryCodec.formatInstant(Instant.now(clock));
    }

    /** @param keys who signed each report (its entry's {@link org.truce.ledger.BodyKeys.Attestation}) */
    static ObjectNode figureJson(Figure f, String knownAt, org.truce.ledger.BodyKeys keys) {
        ObjectNode n = Json.object();
        n.put("metric", f.metric()).put("source", f.source()).put("place", f.place()).put("asOf", f.asOf().toString());
        if (knownAt != null) n.put("knownAt", knownAt);
        n.put("atSize", f.atSize());
        putDecimal(n, "value", f.value());
        n.put("qualifier", f.qualifier() == null ? null : f.qualifier().wire());
        ObjectNode breakdown = n.putObject("breakdown");
        f.breakdown().forEach((k, v) -> breakdown.put(k, v));
        n.put("reportedAsOf", f.reportedAsOf() == null ? null : f.reportedAsOf().toString());
        n.put("approximate", f.approximate());
        ArrayNode basedOn = n.putArray("basedOn");
        ArrayNode attributions = n.putArray("attributions");
        for (Filed filed : f.basis()) {
            basedOn.add(filed.seq());
            Document doc = filed.report().document();
            attributions.addObject().put("report", filed.report().id()).put("seq", filed.seq())
                    .put("attribution", filed.report().attribution())
                    .put("attributionKind", filed.report().attributionKind().wire())
                    .put("attributionLang", filed.report().attributionLang())
                    .put("publisher", doc == null ? null : doc.publisher())
                    .put("title", doc == null ? null : doc.title())
                    .put("date", doc == null || doc.date() == null ? null : doc.date().toString())
                    .put("url", doc == null ? null : doc.url())
                    .put("signature", keys.attestation(filed.seq()).wire());
        }
        n.put("derived", f.derived());
        ArrayNode parts = n.putArray("parts");
        f.basis().forEach(p -> parts.add(partJson(p, keys)));
        ArrayNode sameDay = n.putArray("sameDay");
        f.sameDay().forEach(p -> sameDay.add(partJson(p, keys)));
        ArrayNode flags = n.putArray("flags");
        for (Flag flag : f.flags()) flags.addObject().put("code", flag.code()).put("detail", flag.detail());
        if (f.rollup() != null) {
            ObjectNode r = n.putObject("rollup");
            ArrayNode from = r.putArray("from");
            f.rollup().from().forEach(from::add);
            ArrayNode missing = r.putArray("missing");
            f.rollup().missing().forEach(missing::add);
            n.put("partial", f.partial());
        }
        return n;
    }

    /** One report a figure rests on (or states beside it): what the source published, with its entry. */
    static ObjectNode partJson(Filed filed, org.truce.ledger.BodyKeys keys) {
        ObjectNode p = Json.object();
        p.put("report", filed.report().id()).put("seq", filed.seq()).put("kind", filed.report().kind().wire())
                .put("value", filed.report().value()).put("qualifier", filed.report().qualifier().wire())
                .put("asOf", filed.report().asOf().toString()).put("place", filed.report().place())
                .put("signature", keys.attestation(filed.seq()).wire());
        return p;
    }

    /** The spread like with like: per date, the exact figures compared; every other figure apart, with why. */
    private static void spreadJson(ObjectNode n, Spread spread) {
        ArrayNode comparisons = n.putArray("comparisons");
        for (Spread.Comparison c : spread.comparisons()) {
            ObjectNode o = comparisons.addObject().put("reportedAsOf", c.date().toString());
            ArrayNode sources = o.putArray("sources");
            c.figures().forEach(f -> sources.add(f.source()));
            putDecimal(o, "lowest", c.lowest());
            putDecimal(o, "highest", c.highest());
            putDecimal(o, "difference", c.difference());
        }
        ArrayNode apart = n.putArray("apart");
        for (Spread.Apart a : spread.apart()) {
            Figure f = a.figure();
            ObjectNode o = apart.addObject().put("source", f.source());
            putDecimal(o, "value", f.value());
            o.put("qualifier", f.qualifier().wire()).put("reportedAsOf", f.reportedAsOf().toString())
                    .put("approximate", f.approximate()).put("derived", f.derived()).put("why", a.why());
        }
        n.put("note", "A difference is taken only between exact figures of the same date; a \"more than\" figure is a lower"
                + " bound, an \"about\" figure approximate, and a figure of another date stands with its date.");
    }

    private static void putDecimal(ObjectNode n, String field, BigDecimal v) {
        if (v == null) n.putNull(field);
        else n.put(field, v);
    }
}
