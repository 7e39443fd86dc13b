package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.figures.Report;
import org.truce.figures.VersionState;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Ledger;
import org.truce.record.Document;

/**
 * {@code GET /api/v1/reports} and {@code GET /api/v1/reports/breakdowns}: every report version the
 * record holds, as one flat row each (breakdowns in their own long table), filtered and paged like
 * the other lists, read at a past ledger size like every read. Each version says whether it was
 * current, corrected or retracted at that size, and by what ({@link VersionState}). Stateless over
 * the book; a read holds the book's read lock only while it copies the list of versions.
 */
final class ReportRoutes {
    /** A version's state at the ledger size read ({@link VersionState.Status}). */
    static final Set<String> STATUSES = Set.of("current", "corrected", "retracted");

    private final FigureBook book;
    private final Ledger ledger;

    ReportRoutes(FigureBook book, Ledger ledger) {
        this.book = book;
        this.ledger = ledger;
    }

    /** The filters of both tables. Times: {@code recordedTo} is inclusive; a date means its whole UTC day. */
    record Query(long size, String metric, String source, String place, LocalDate from, LocalDate to,
                 Instant recordedFrom, Instant recordedTo, String status) {}

    /** A version and its state at the size read. */
    record Row(Filed filed, String status, String endedBy, String review) {}

    void list(Context ctx) {
        Query q = query(ctx);
        List<ObjectNode> rows = new ArrayList<>();
        for (Row r : rows(q)) rows.add(json(r));
        page(ctx, rows);
    }

    void breakdowns(Context ctx) {
        Query q = query(ctx);
        List<ObjectNode> rows = new ArrayList<>();
        for (Row r : rows(q)) {
            Report report = r.filed().report();
            for (Map.Entry<String, BigDecimal> b : report.breakdown().entrySet()) {
                rows.add(Json.object().put("report", report.id()).put("metric", report.metric())
                        .put("breakdown", b.getKey()).put("value", b.getValue()));
            }
        }
        page(ctx, rows);
    }

    private Query query(Context ctx) {
        long size = Params.size(ctx, ledger);
        String metric = ctx.queryParam("metric");
        String source = ctx.queryParam("source");
        String place = ctx.queryParam("place");
        if (metric != null && book.metric(metric, size).isEmpty()) throw Problem.badParameter("metric", "names no declared metric: " + metric);
        if (source != null && book.source(source, size).isEmpty()) throw Problem.badParameter("source", "names no declared source: " + source);
        if (place != null && book.place(place, size).isEmpty()) throw Problem.badParameter("place", "names no declared place: " + place);
        LocalDate from = Params.date(ctx, "from", false);
        LocalDate to = Params.date(ctx, "to", false);
        if (from != null && to != null && to.isBefore(from)) throw Problem.badParameter("to", "must not be before from");
        Instant recordedFrom = moment(ctx, "recordedFrom", false);
        Instant recordedTo = moment(ctx, "recordedTo", true);
        if (recordedFrom != null && recordedTo != null && recordedTo.isBefore(recordedFrom)) {
            throw Problem.badParameter("recordedTo", "must not be before recordedFrom");
        }
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) throw Problem.badParameter("status", "must be current, corrected or retracted, not " + status);
        return new Query(size, metric, source, place, from, to, recordedFrom, recordedTo, status);
    }

    /** An instant, or a date (its first moment in UTC, or its last when it ends a range). */
    private static Instant moment(Context ctx, String name, boolean end) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() == 10) {
            LocalDate d = Params.parseDate(name, v);
            return end ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1) : d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badParameter(name, "must be a date as YYYY-MM-DD or an ISO-8601 instant such as 2021-01-11T12:00:00Z, not " + v);
        }
    }

    /** The versions the query selects, in seq order, each with its state at the size read. */
    List<Row> rows(Query q) {
        List<Row> out = new ArrayList<>();
        for (Filed f : book.filed(q.size())) {
            Report r = f.report();
            if (q.metric() != null && !q.metric().equals(r.metric())) continue;
            if (q.source() != null && !q.source().equals(r.source())) continue;
            if (q.place() != null && !q.place().equals(r.place())) continue;
            if (q.from() != null && r.asOf().isBefore(q.from())) continue;
            if (q.to() != null && r.asOf().isAfter(q.to())) continue;
            if (q.recordedFrom() != null && f.recordedAt().isBefore(q.recordedFrom())) continue;
            if (q.recordedTo() != null && f.recordedAt().isAfter(q.recordedTo())) continue;
            Row row = row(f, q.size());
            if (q.status() == null || q.status().equals(row.status())) out.add(row);
        }
        return out;
    }

    private Row row(Filed f, long size) {
        VersionState state = VersionState.at(book, f, size);
        return new Row(f, state.status().wire(), state.endedBy(), f.reviewAt(size));
    }

    private ObjectNode json(Row row) {
        Filed f = row.filed();
        Report r = f.report();
        ObjectNode n = Json.object();
        n.put("id", r.id()).put("metric", r.metric()).put("kind", r.kind().wire()).put("value", r.value())
                .put("qualifier", r.qualifier().wire()).put("asOf", r.asOf().toString()).put("asOfPrecision", r.asOfPrecision().wire())
                .put("since", r.since() == null ? null : r.since().toString()).put("place", r.place()).put("source", r.source())
                .put("attribution", r.attribution()).put("attributionKind", r.attributionKind().wire())
                .put("attributionLang", r.attributionLang());
        Document d = r.document();
        if (d == null) n.putNull("document");
        else n.putObject("document").put("title", d.title()).put("publisher", d.publisher())
                .put("date", d.date() == null ? null : d.date().toString()).put("url", d.url());
        n.put("corrects", r.corrects()).put("duplicateOf", r.duplicateOf() == null ? null : r.duplicateOf().id())
                .put("seq", f.seq()).put("recordedAt", EntryCodec.formatInstant(f.recordedAt()))
                .put("status", row.status()).put("endedBy", row.endedBy()).put("review", row.review()).put("spokesperson", r.spokesperson())
                .put("signature", ledger.bodyKeys().attestation(f.seq()).wire());
        return n;
    }

    /** The page asked for, as the other lists give it; a download is every row unless a limit is asked for. */
    private static void page(Context ctx, List<ObjectNode> all) {
        int offset = (int) Params.longParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = CsvTables.asked(ctx) ? (int) Params.longParam(ctx, "limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE)
                : (int) Params.longParam(ctx, "limit", 100, 1, 1000);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(items::add);
        body.put("total", all.size());
        if ((long) offset + limit < all.size()) body.put("next", offset + limit);
        else body.putNull("next");
        Json.send(ctx, 200, body);
    }
}
