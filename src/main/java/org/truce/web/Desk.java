package org.truce.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.truce.accords.Tracker;
import org.truce.accounts.Principal;
import org.truce.app.Truce;
import org.truce.figures.Figure;
import org.truce.figures.Flag;
import org.truce.catalog.Metric;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.StoredEntry;
import org.truce.web.desk.Dashboard;

/**
 * The desk's dashboard ({@code /desk}): what the ledger recorded today (UTC), the consistency flags
 * of the figures as of today, obligations overdue per assessor as of today, incidents awaiting a
 * finding and duplicates proposed for linking. Read-only; thread-safe.
 */
final class Desk {
    static final int MAX_ENTRIES = 200;
    static final int MAX_FLAGS = 200;
    static final int MAX_REVIEWS = 200;
    private final Truce truce;
    private final Pages pages;
    private final FigureRoutes figures;

    Desk(Truce truce, Pages pages, FigureRoutes figures) {
        this.truce = truce;
        this.pages = pages;
        this.figures = figures;
    }

    void dashboard(Context ctx) {
        show(ctx, 200, List.of());
    }

    /** The worklist, with the refusals of a review decision on top when there are any. */
    private void show(Context ctx, int status, List<org.truce.record.Violation> refused) {
        pages.page(ctx, status, "desk/dashboard.jte", Pages.params("d", build(Caller.required(ctx)), "refused", refused));
    }

    /** A second account confirms or rejects a figure from the worklist: the same path as {@code POST /api/v1/reviews}. */
    void decide(Context ctx) {
        Principal p = Caller.required(ctx);
        Map<String, String> values = FormJson.values(ctx);
        var body = Json.object().put("id", values.getOrDefault("id", "")).put("report", values.getOrDefault("report", ""))
                .put("decision", values.getOrDefault("decision", ""));
        String reason = values.getOrDefault("reason", "").strip();
        if (!reason.isEmpty()) body.put("reason", reason);
        try {
            figures.review(p, body, ctx.ip());
            boolean fromReport = "report".equals(values.get("back"));
            ctx.redirect(fromReport ? "/desk/reports/" + values.get("report") + "#review" : "/desk#review", io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            if (refused.errors().isEmpty()) throw refused;
            show(ctx, refused.code().status(), refused.errors());
        }
    }

    Dashboard build(Principal viewer) {
        long size = truce.ledger().size();
        LocalDate today = LocalDate.now(truce.clock());
        List<Dashboard.FigureGroup> todayFigures = new ArrayList<>();
        List<Dashboard.EntryLine> entries = today(size, today.atStartOfDay(ZoneOffset.UTC).toInstant(), todayFigures);
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
        List<Dashboard.TypeCount> byType = counts.entrySet().stream().map(e -> new Dashboard.TypeCount(e.getKey(), e.getValue())).toList();
        var awaiting = truce.incidents().book().incidents(size).stream().filter(i -> i.finding().isEmpty()).toList();
        return new Dashboard(today, size, review(viewer, size), todayFigures, byType,
                entries.size() > MAX_ENTRIES ? entries.subList(entries.size() - MAX_ENTRIES, entries.size()) : entries,
                flags(today, size), overdue(today, size), awaiting, truce.incidents().duplicates().proposals(size));
    }

    private List<Dashboard.Review> review(Principal viewer, long size) {
        List<Dashboard.Review> out = new ArrayList<>();
        for (var f : truce.figures().awaitingReview()) {
            if (out.size() == MAX_REVIEWS) break;
            boolean mine = !figures.mayReview(viewer, f.report().id()).isEmpty();
            out.add(new Dashboard.Review(f, truce.figures().source(f.report().source(), size).orElse(null),
                    truce.figures().metric(f.report().metric(), size).orElse(null), f.recordedAt().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                    mine, java.util.UUID.randomUUID().toString()));
        }
        return out;
    }

    /**
     * Entries recorded since {@code start}: recordedAt never decreases with seq, so a binary search finds
     * the first. The reports among them are grouped by source and metric into {@code figures}.
     */
    private List<Dashboard.EntryLine> today(long size, Instant start, List<Dashboard.FigureGroup> figures) {
        Map<String, List<String>> groups = new TreeMap<>();
        long lo = 0;
        long hi = size;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (truce.ledger().recordedAt(mid).isBefore(start)) lo = mid + 1;
            else hi = mid;
        }
        List<Dashboard.EntryLine> out = new ArrayList<>();
        for (long seq = lo; seq < size; ) {
            List<StoredEntry> batch = truce.ledger().read(seq, 500);
            if (batch.isEmpty()) break;
            for (StoredEntry s : batch) {
                Entry e = EntryCodec.decode(s.bytes());
                out.add(new Dashboard.EntryLine(e.seq(), e.recordedAt().atOffset(ZoneOffset.UTC).toLocalTime().withNano(0).toString(),
                        e.type(), e.clientId(), e.author(), href(e)));
                if (e.type().equals("report.filed")) {
                    groups.computeIfAbsent(e.payload().path("source").asText() + "\u0000" + e.payload().path("metric").asText(),
                            k -> new ArrayList<>()).add(e.clientId());
                }
            }
            seq += batch.size();
        }
        groups.forEach((k, ids) -> figures.add(new Dashboard.FigureGroup(k.substring(0, k.indexOf('\u0000')),
                k.substring(k.indexOf('\u0000') + 1), List.copyOf(ids))));
        return out;
    }

    static String href(Entry e) {
        String type = e.type();
        if (type.equals("report.filed")) return "/desk/reports/" + e.clientId();
        if (type.startsWith("incident.")) {
            String incident = e.payload().path("incident").asText(null);
            return "/desk/incidents/" + (incident == null ? e.clientId() : incident);
        }
        if (type.equals("accord.agreement")) return "/agreements/" + e.clientId();
        if (type.equals("accord.group")) return "/groups/" + e.clientId();
        if (type.equals("source.declared")) return "/sources";
        if (type.equals("place.declared")) return "/places";
        return "/api/v1/ledger/entries?from=" + e.seq() + "&limit=1";
    }

    private List<Dashboard.FlagLine> flags(LocalDate today, long size) {
        List<Dashboard.FlagLine> out = new ArrayList<>();
        for (Metric m : truce.figures().metrics(size)) {
            for (String place : truce.figures().reportedPlaces(m.id(), size)) {
                var r = truce.figures().reconciled(m.id(), place, today, size);
                List<Figure> all = new ArrayList<>(r.figures());
                all.addAll(r.partial());
                for (Figure f : all) {
                    for (Flag flag : f.flags()) {
                        String newest = f.basis().isEmpty() ? null : f.basis().get(f.basis().size() - 1).report().id();
                        if (out.size() < MAX_FLAGS) out.add(new Dashboard.FlagLine(m.id(), f.source(), place, flag.code(), flag.detail(), newest));
                    }
                }
            }
        }
        return out;
    }

    private List<Dashboard.Overdue> overdue(LocalDate today, long size) {
        Map<String, List<Tracker.Overdue>> by = new LinkedHashMap<>();
        for (Tracker.Overdue o : truce.tracker().overdue(today, size)) {
            by.computeIfAbsent(o.assessor() == null ? "" : o.assessor(), k -> new ArrayList<>()).add(o);
        }
        return by.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Dashboard.Overdue(e.getKey().isEmpty() ? null : e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
