package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.truce.bulletin.SourceNames;
import org.truce.figures.FigureBook;
import org.truce.ledger.Ledger;
import org.truce.places.Drawn;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;
import org.truce.places.MapBook;

/**
 * The public map page ({@code GET /map}): the record's map as of a day. Without JavaScript it lists
 * each layer's features on that day in tables, with a date form; with it, {@code map.js} draws the
 * layers from {@code /api/v1/layers/{kind}} over the bundled country outlines and a date slider
 * refetches them. An online tile layer is offered only when configured ({@link TileLayer}); then,
 * on this page only, the Content-Security-Policy lets images come from its origin. Thread-safe.
 */
final class MapPage {
    /** The map's layers as the page groups them: a kind of the API, narrowed to some classes (null: all). */
    record Group(String key, FeatureKind kind, List<String> classes, List<String> except) {
        boolean holds(Feature f) {
            return f.kind() == kind && (classes == null || classes.contains(f.cls())) && !except.contains(f.cls());
        }
    }

    static final List<Group> GROUPS = List.of(
            new Group("zones", FeatureKind.ZONE, List.of("area_of_control", "administrative_unit"), List.of()),
            new Group("corridors", FeatureKind.ZONE, List.of("corridor", "peacekeeping_zone", "buffer"), List.of()),
            new Group("lines", FeatureKind.LINE, null, List.of()),
            new Group("points", FeatureKind.POINT, null, List.of("heritage_site")),
            new Group("sites", FeatureKind.POINT, List.of("heritage_site"), List.of()),
            new Group("hazard", FeatureKind.HAZARD, null, List.of()),
            new Group("cleared", FeatureKind.CLEARED, null, List.of()));
    private static final int PALETTE = 6;
    private static final List<String> TEXT_KEYS = List.of("map.illustrative", "map.col.class", "map.col.valid",
            "map.col.control", "map.col.source", "map.col.status", "map.col.otherNames", "map.layers.countries",
            "map.layers.tiles", "map.names.usedBy", "map.valid.from", "map.valid.until", "map.valid.between",
            "map.valid.always", "map.status.entry", "map.slider.value", "map.tables.stale");

    private final MapBook map;
    private final FigureBook catalog;
    private final Ledger ledger;
    private final Pages pages;
    private final Clock clock;
    private final TileLayer tiles;

    MapPage(MapBook map, FigureBook catalog, Ledger ledger, Pages pages, Clock clock, Optional<TileLayer> tiles) {
        this.map = map;
        this.catalog = catalog;
        this.ledger = ledger;
        this.pages = pages;
        this.clock = clock;
        this.tiles = tiles.orElse(null);
    }

    void routes(RoutesConfig r) {
        r.get("/map", this::page, Access.PUBLIC);
    }

    void page(Context ctx) {
        long size = ledger.size();
        Ui ui = pages.ui(ctx);
        SortedSet<LocalDate> dates = map.dates(size);
        LocalDate today = LocalDate.now(clock);
        LocalDate first = dates.isEmpty() ? today : dates.first();
        LocalDate last = dates.isEmpty() ? today : dates.last();
        LocalDate fallback = today.isBefore(first) ? first : today.isAfter(last) ? last : today;
        String asked = ctx.queryParam("asOf");
        LocalDate asOf = fallback;
        String error = null;
        if (asked != null && !asked.isBlank()) {
            try {
                asOf = LocalDate.parse(asked.strip());
            } catch (DateTimeParseException e) {
                error = ui.t("map.asOf.invalid", "example", last.toString());
            }
        }
        if (tiles != null) SecurityHeaders.allowImagesFrom(ctx, tiles.origin());
        MapView view = view(ui, size, asOf, first, last, error);
        pages.page(ctx, error == null ? 200 : 400, "map.jte", Pages.params("view", view));
    }

    private MapView view(Ui ui, long size, LocalDate asOf, LocalDate first, LocalDate last, String error) {
        List<String> controllers = controllers(size);
        List<MapView.Table> tables = new ArrayList<>();
        boolean illustrative = false;
        for (Group g : GROUPS) {
            List<MapView.Row> rows = new ArrayList<>();
            for (Drawn d : map.layer(g.kind(), null, asOf, size)) {
                if (!g.holds(d.feature())) continue;
                rows.add(row(ui, d, asOf, size));
                illustrative |= d.feature().illustrative();
            }
            tables.add(new MapView.Table(g.key(), ui.t("map.layers." + g.key()), rows));
        }
        ObjectNode bodies = Json.object();
        for (var s : catalog.sources(size)) bodies.put(s.id(), capital(s.name(ui.lang())));
        ObjectNode control = Json.object();
        for (int i = 0; i < controllers.size(); i++) control.put(controllers.get(i), "ctl-" + (i % PALETTE));
        return new MapView(asOf.toString(), ui.date(asOf), first.toString(), last.toString(), error, tables,
                legend(ui, controllers, size), illustrative, layersJson(ui), textsJson(ui), bodies.toString(),
                control.toString(), tiles);
    }

    /** Every body recorded as controlling an area, in id order: each gets its own colour, on every day alike. */
    private List<String> controllers(long size) {
        TreeSet<String> out = new TreeSet<>();
        for (Feature f : map.features(size)) {
            for (Drawn d : map.versions(f.id(), size)) if (d.version().controlledBy() != null) out.add(d.version().controlledBy());
        }
        return List.copyOf(out);
    }

    private MapView.Row row(Ui ui, Drawn d, LocalDate asOf, long size) {
        Feature f = d.feature();
        SideNames names = SideNames.of(f.names(), f.id(), ui, id -> body(ui, id, size));
        var v = d.version();
        String valid = v.validFrom() == null && v.validTo() == null ? ui.t("map.valid.always")
                : v.validTo() == null ? ui.t("map.valid.from", "from", ui.date(v.validFrom()))
                : v.validFrom() == null ? ui.t("map.valid.until", "to", ui.date(v.validTo()))
                : ui.t("map.valid.between", "from", ui.date(v.validFrom()), "to", ui.date(v.validTo()));
        List<String> status = new ArrayList<>();
        for (MapBook.Reported r : map.status(f.id(), asOf, size)) {
            Map<String, Object> args = new HashMap<>(Map.of("status", ui.t("map.status." + r.report().status()),
                    "date", ui.date(r.report().from())));
            SourceNames.put(args, "source", r.report().source(), id -> catalog.source(id, size), ui.texts());
            status.add(ui.t("map.status.entry", args));
        }
        return new MapView.Row(f.id(), names.shown(), names.others(), ui.t("map.class." + f.cls()), valid,
                v.controlledBy() == null ? "" : capital(body(ui, v.controlledBy(), size)),
                capital(body(ui, v.source(), size)), f.illustrative(), status);
    }

    private List<MapView.Legend> legend(Ui ui, List<String> controllers, long size) {
        List<MapView.Legend> out = new ArrayList<>();
        for (int i = 0; i < controllers.size(); i++) {
            out.add(new MapView.Legend("ctl-" + (i % PALETTE), ui.t("map.legend.control", "body", body(ui, controllers.get(i), size)), false));
        }
        out.add(new MapView.Legend("cls-administrative_unit", ui.t("map.class.administrative_unit"), false));
        out.add(new MapView.Legend("cls-corridor", ui.t("map.layers.corridors"), false));
        for (String cls : FeatureKind.LINE.classes()) out.add(new MapView.Legend("line cls-" + cls, ui.t("map.class." + cls), false));
        out.add(new MapView.Legend("cls-suspected", ui.t("map.layers.hazard"), false));
        out.add(new MapView.Legend("cls-cleared", ui.t("map.layers.cleared"), false));
        out.add(new MapView.Legend("points", ui.t("map.layers.points"), true));
        out.add(new MapView.Legend("sites", ui.t("map.layers.sites"), true));
        out.add(new MapView.Legend("illustrative", ui.t("map.legend.illustrative"), false));
        out.add(new MapView.Legend("countries", ui.t("map.layers.countries"), false));
        return out;
    }

    private String layersJson(Ui ui) {
        ArrayNode a = Json.array();
        for (Group g : GROUPS) {
            ObjectNode n = a.addObject().put("key", g.key()).put("title", ui.t("map.layers." + g.key()))
                    .put("url", WebApp.API + "/layers/" + g.kind().wire());
            if (g.classes() != null) g.classes().forEach(n.putArray("classes")::add);
            g.except().forEach(n.putArray("except")::add);
        }
        return a.toString();
    }

    private static String textsJson(Ui ui) {
        ObjectNode n = Json.object();
        for (String key : TEXT_KEYS) n.put(key, ui.t(key));
        ObjectNode classes = n.putObject("classes");
        for (FeatureKind k : FeatureKind.values()) for (String c : k.classes()) classes.put(c, ui.t("map.class." + c));
        // the browser may lack a language's list data (Chromium words Armenian and Azerbaijani lists in English)
        com.ibm.icu.text.ListFormatter list = com.ibm.icu.text.ListFormatter.getInstance(new com.ibm.icu.util.ULocale(ui.lang()));
        ObjectNode lists = n.putObject("lists");
        for (int items = 2; items <= 4; items++) lists.put(Integer.toString(items), list.getPatternForNumItems(items));
        ObjectNode status = n.putObject("status");
        for (String s : List.of("open", "closed", "restricted", "undamaged", "damaged", "destroyed", "unknown")) {
            status.put(s, ui.t("map.status." + s));
        }
        return n.toString();
    }

    private String body(Ui ui, String id, long size) {
        return catalog.source(id, size).map(s -> s.name(ui.lang())).orElse(id);
    }

    /** Source names are kept as they read in running text ("the ICRC"); a table cell starts with a capital. */
    static String capital(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(s.substring(Character.charCount(first))).toString();
    }
}
