package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.truce.figures.Figure;
import org.truce.figures.FigureBook;
import org.truce.catalog.Metric;
import org.truce.ledger.Ledger;

/**
 * The public figures page ({@code GET /figures?place=}): per metric, every body's figures for the
 * place on the dates that body reported, side by side, never summed. Without JavaScript a table per
 * metric; with it, {@code figures.js} draws the same data as a uPlot chart with one line per body and
 * gaps where a body did not report. Thread-safe.
 */
final class FiguresPage {
    private final FigureBook book;
    private final Ledger ledger;
    private final Pages pages;
    private final java.time.Clock clock;

    FiguresPage(FigureBook book, Ledger ledger, Pages pages, java.time.Clock clock) {
        this.book = book;
        this.ledger = ledger;
        this.pages = pages;
        this.clock = clock;
    }

    void routes(RoutesConfig r) {
        r.get("/figures", this::page, Access.PUBLIC);
    }

    void page(Context ctx) {
        long size = ledger.size();
        Ui ui = pages.ui(ctx);
        Map<String, Integer> reported = reportedPlaces(size);
        String place = topLevel(reported, size);
        String error = null;
        String asked = ctx.queryParam("place");
        if (asked != null && !asked.isBlank()) {
            if (book.place(asked, size).isPresent()) place = asked;
            else error = ui.t("figures.place.invalid", "place", asked);
        }
        FiguresView view = view(ui, place, reported, error, size);
        pages.page(ctx, error == null ? 200 : 400, "figures.jte", Pages.params("view", view));
    }

    /** Every place with a report on some metric (or below it), with how many report dates it has. */
    private Map<String, Integer> reportedPlaces(long size) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Metric m : book.metrics(size)) {
            for (String p : book.reportedPlaces(m.id(), size)) {
                int dates = book.reportDates(m.id(), p, size).values().stream().mapToInt(SortedSet::size).sum();
                out.merge(p, dates, Integer::sum);
            }
        }
        return out;
    }

    /** The default: the place without a parent that has the most reports (the demo's "nk"), else any. */
    private String topLevel(Map<String, Integer> reported, long size) {
        return reported.entrySet().stream()
                .filter(e -> book.place(e.getKey(), size).map(p -> p.parent() == null).orElse(false))
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(reported.keySet().stream().findFirst().orElse(null));
    }

    private FiguresView view(Ui ui, String place, Map<String, Integer> reported, String error, long size) {
        List<FiguresView.Option> options = new ArrayList<>();
        for (String id : new TreeSet<>(reported.keySet())) options.add(new FiguresView.Option(id, placeName(ui, id, size), id.equals(place)));
        options.sort(Comparator.comparing(FiguresView.Option::name));
        List<FiguresView.Chart> charts = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        if (place != null) {
            for (Metric m : book.metrics(size)) {
                SortedMap<String, SortedSet<LocalDate>> dates = book.reportDates(m.id(), place, size);
                if (dates.isEmpty()) silent.add(m.name(ui.lang()));
                else charts.add(chart(ui, m, place, dates, size));
            }
        }
        return new FiguresView(place, place == null ? "" : placeName(ui, place, size), options, charts, silent, error);
    }

    private FiguresView.Chart chart(Ui ui, Metric m, String place, SortedMap<String, SortedSet<LocalDate>> dates, long size) {
        TreeSet<LocalDate> all = new TreeSet<>();
        dates.values().forEach(all::addAll);
        List<String> bodies = new ArrayList<>();
        ObjectNode json = Json.object().put("metric", m.id()).put("title", m.name(ui.lang())).put("unit", unit(ui, m.unit()));
        ArrayNode days = json.putArray("dates");
        all.forEach(d -> days.add(d.toString()));
        ArrayNode series = json.putArray("series");
        Map<String, List<FiguresView.Cell>> cells = new LinkedHashMap<>();
        for (var e : dates.entrySet()) {
            String name = MapPage.capital(book.source(e.getKey(), size).map(s -> s.name(ui.lang())).orElse(e.getKey()));
            bodies.add(name);
            ObjectNode s = series.addObject().put("source", e.getKey()).put("name", name);
            ArrayNode values = s.putArray("values");
            List<FiguresView.Cell> column = new ArrayList<>();
            for (LocalDate d : all) {
                Optional<Figure> f = e.getValue().contains(d) ? book.figure(m.id(), e.getKey(), place, d, size) : Optional.empty();
                BigDecimal v = f.map(Figure::value).orElse(null);
                if (v == null) values.addNull();
                else values.add(v);
                column.add(new FiguresView.Cell(cell(ui, e.getValue().contains(d), f), signatures(ui, f)));
            }
            cells.put(e.getKey(), column);
        }
        List<FiguresView.Row> rows = new ArrayList<>();
        int i = 0;
        for (LocalDate d : all) {
            List<FiguresView.Cell> row = new ArrayList<>();
            for (List<FiguresView.Cell> column : cells.values()) row.add(column.get(i));
            rows.add(new FiguresView.Row(d.toString(), ui.date(d), row));
            i++;
        }
        return new FiguresView.Chart(m.id(), MapPage.capital(m.name(ui.lang())), unit(ui, m.unit()), bodies, rows, json.toString());
    }

    private static String cell(Ui ui, boolean reportedThatDay, Optional<Figure> f) {
        if (!reportedThatDay) return "";
        if (f.isEmpty()) return ui.t("figures.cell.none");
        if (f.get().partial() || f.get().value() == null) return ui.t("figures.cell.partial");
        String q = f.get().qualifier() == null ? "exact" : f.get().qualifier().wire();
        return ui.t("figures.value." + q, "value", ui.number(f.get().value()));
    }

    /** Who stands behind the reports the figure rests on, as its bulletin line says it. */
    private List<String> signatures(Ui ui, Optional<Figure> f) {
        if (f.isEmpty()) return List.of();
        return ui.signatures(ledger.bodyKeys(), f.get().cited().stream().map(org.truce.figures.Filed::seq).toList());
    }

    private String placeName(Ui ui, String id, long size) {
        return book.place(id, size).map(p -> p.displayName(ui.lang())).orElse(id);
    }

    private static String unit(Ui ui, String unit) {
        try {
            return ui.t("figures.unit." + unit);
        } catch (IllegalArgumentException missing) {
            return unit; // a unit declared after these texts were written: shown as declared
        }
    }
}
