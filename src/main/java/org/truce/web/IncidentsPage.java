package org.truce.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.truce.bulletin.Messages;
import org.truce.figures.FigureBook;
import org.truce.catalog.Place;
import org.truce.incidents.EventTypes;
import org.truce.incidents.Held;
import org.truce.incidents.Incident;
import org.truce.incidents.IncidentFact;
import org.truce.incidents.Incidents;
import org.truce.incidents.Whereabouts;
import org.truce.ledger.Ledger;

/**
 * The public incidents page ({@code GET /incidents?date=}), readable without JavaScript: the
 * ceasefire incidents dated in the {@value #DAYS} days up to a date, newest first, each with every
 * body's account in its own column (the allegation and each claim, never merged), the monitors'
 * findings or "unverified", and the nil reports of the same days. Reads the incidents projection
 * at the current ledger size; incidents carry no personal data. Thread-safe.
 */
final class IncidentsPage {
    static final int DAYS = 30;
    private final Incidents incidents;
    private final FigureBook figures;
    private final Ledger ledger;
    private final Pages pages;

    IncidentsPage(Incidents incidents, FigureBook figures, Ledger ledger, Pages pages) {
        this.incidents = incidents;
        this.figures = figures;
        this.ledger = ledger;
        this.pages = pages;
    }

    void routes(RoutesConfig r) {
        r.get("/incidents", this::page, Access.PUBLIC);
    }

    void page(Context ctx) {
        long size = ledger.size();
        Ui ui = pages.ui(ctx);
        String asked = ctx.queryParam("date");
        LocalDate to = latest(size);
        String error = null;
        if (asked != null && !asked.isBlank()) {
            try {
                to = LocalDate.parse(asked.trim());
            } catch (java.time.format.DateTimeParseException e) {
                error = ui.t("incidents.date.invalid", "value", asked);
            }
        }
        LocalDate from = to.minusDays(DAYS - 1);
        IncidentsView view = new IncidentsView(from.toString(), to.toString(), ui.date(from), ui.date(to), from.minusDays(1).toString(),
                incidents(ui, from, to, size), nils(ui, from, to, size), error);
        pages.page(ctx, error == null ? 200 : 400, "incidents.jte", Pages.params("view", view));
    }

    /** The latest date any incident or nil report speaks of, so that the page opens on recorded days. */
    private LocalDate latest(long size) {
        LocalDate last = LocalDate.of(1970, 1, 1);
        for (Incident i : incidents.book().incidents(size)) if (i.allegation().fact().date().isAfter(last)) last = i.allegation().fact().date();
        for (Held<IncidentFact.NilReported> n : incidents.book().nilReports(size)) if (n.fact().to().isAfter(last)) last = n.fact().to();
        return last.getYear() == 1970 ? LocalDate.now(java.time.ZoneOffset.UTC) : last;
    }

    private List<IncidentsView.Item> incidents(Ui ui, LocalDate from, LocalDate to, long size) {
        Messages texts = Messages.of(ui.lang()).orElseGet(() -> Messages.of("en").orElseThrow());
        List<IncidentsView.Item> out = new ArrayList<>();
        List<Incident> all = new ArrayList<>(incidents.book().incidents(size));
        all.sort(Comparator.comparing((Incident i) -> i.allegation().fact().date()).reversed().thenComparing(Incident::id));
        for (Incident i : all) {
            IncidentFact.Alleged a = i.allegation().fact();
            if (a.date().isBefore(from) || a.date().isAfter(to)) continue;
            List<IncidentsView.Account> accounts = new ArrayList<>();
            for (Held<IncidentFact.Alleged> h : i.allegations()) {
                IncidentFact.Alleged f = h.fact();
                accounts.add(new IncidentsView.Account(ui.t("incidents.alleged", "source", source(f.source(), ui, size)),
                        type(f.eventType(), f.subEventType(), texts, ui), f.account(), document(f.document()), signatures(ui, h)));
            }
            for (Held<IncidentFact.Claimed> h : i.claims()) {
                IncidentFact.Claimed c = h.fact();
                accounts.add(new IncidentsView.Account(ui.t("incidents.claimed", "source", source(c.source(), ui, size)),
                        type(c.eventType(), c.subEventType(), texts, ui), c.account(), document(c.document()), signatures(ui, h)));
            }
            List<IncidentsView.Finding> findings = new ArrayList<>();
            for (Held<IncidentFact.StepRecorded> s : i.steps()) {
                if (s.fact().finding() == null) continue;
                findings.add(new IncidentsView.Finding(ui.t("incidents.finding", "source", source(s.fact().source(), ui, size),
                        "date", ui.date(s.fact().date()), "result", ui.t("desk.finding." + s.fact().finding())), signatures(ui, s)));
            }
            out.add(new IncidentsView.Item(i.id(), a.date().toString(), ui.date(a.date()), where(a, ui, size), accounts, findings,
                    i.illustrative()));
        }
        return out;
    }

    private List<IncidentsView.Nil> nils(Ui ui, LocalDate from, LocalDate to, long size) {
        List<IncidentsView.Nil> out = new ArrayList<>();
        for (Held<IncidentFact.NilReported> h : incidents.book().nilReports(size)) {
            IncidentFact.NilReported n = h.fact();
            if (n.to().isBefore(from) || n.from().isAfter(to)) continue;
            String period = n.from().equals(n.to()) ? ui.date(n.from()) : ui.t("incidents.period", "from", ui.date(n.from()), "to", ui.date(n.to()));
            String text = ui.t("incidents.nil", "source", source(n.source(), ui, size), "zone", zone(n.zone(), ui, size), "period", period);
            String note = n.resolvedByTruce() ? ui.t("incidents.nil.resolved", "area", n.reportedArea()) : null;
            out.add(new IncidentsView.Nil(text, note, n.statement(), document(n.document()), n.illustrative(), signatures(ui, h)));
        }
        return out;
    }

    private List<String> signatures(Ui ui, Held<?> h) {
        return ui.signatures(ledger.bodyKeys(), List.of(h.seq()));
    }

    private String where(IncidentFact.Alleged a, Ui ui, long size) {
        List<String> parts = new ArrayList<>();
        if (a.place() != null) parts.add(figures.place(a.place(), size).map(p -> p.displayName(ui.lang())).orElse(a.place()));
        List<String> zones = incidents.where().zones(a, size).stream().map(z -> zone(z.id(), ui, size)).distinct().toList();
        parts.add(zones.isEmpty() ? ui.t("incidents.zone.none") : ui.t("incidents.zones", "zones", String.join("; ", zones)));
        return String.join(" · ", parts);
    }

    /** A zone's name by the gazetteer's neutral rule: every side's name where they differ. */
    private String zone(String id, Ui ui, long size) {
        Whereabouts where = incidents.where();
        return where.map().feature(id, size)
                .map(f -> new Place(f.id(), "zone", null, null, f.names(), null, List.of()).displayName(ui.lang())).orElse(id);
    }

    private String source(String id, Ui ui, long size) {
        return figures.source(id, size).map(s -> s.name(ui.lang())).orElse(id);
    }

    /** The type as the body gives it, in the reader's language where the texts have it. */
    private static String type(String eventType, String subEventType, Messages texts, Ui ui) {
        String t = subEventType != null ? subEventType : eventType;
        if (t == null) return ui.t("incidents.type.none");
        String key = (EventTypes.isEventType(t) ? "ceasefire.type." : "ceasefire.sub.") + EventTypes.code(t);
        return ui.t("incidents.type", "type", texts.has(key) ? texts.format(key, Map.of()) : t);
    }

    private static IncidentsView.Cited document(org.truce.record.Document d) {
        return d == null ? null : new IncidentsView.Cited(d.title(), d.url());
    }
}
