package org.truce.web;

import org.truce.catalog.CatalogWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.truce.accounts.Attribution.Speakers;
import org.truce.record.Voice;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.record.Parsed;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceNames;
import org.truce.figures.Reconciled;
import org.truce.record.Violation;
import org.truce.ledger.Ledger;
import org.truce.places.Drawn;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;
import org.truce.places.LandRelease;
import org.truce.places.LineComparison;
import org.truce.places.MapBook;
import org.truce.places.MapFact;
import org.truce.places.MapJson;
import org.truce.places.MapReader;
import org.truce.places.MapRecorder;

/**
 * The map over HTTP: features, geometry versions and point statuses in; layers as RFC 7946 GeoJSON
 * and spatial questions out, each asked as of a day and as known at a ledger size. Every output of
 * an illustrative feature says so.
 */
final class MapRoutes {
    static final String NOTICE = MapJson.NOTICE;
    private static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);
    private final MapBook map;
    private final FigureBook figures;
    private final Ledger ledger;
    private final java.time.Clock clock;
    private final WriteRequest writes;
    private final WriteRoute<MapFact> features;
    private final WriteRoute<MapFact> geometries;
    private final WriteRoute<MapFact> repairedGeometries;
    private final WriteRoute<MapFact> statuses;

    MapRoutes(MapBook map, MapRecorder recorder, MapReader reader, FigureBook figures, Ledger ledger, WriteRequest writes,
              java.time.Clock clock) {
        this.map = map;
        this.figures = figures;
        this.ledger = ledger;
        this.writes = writes;
        this.clock = clock;
        WriteRoute.Recording<MapFact> record = (facts, pointers, actor) -> recorder.record(facts, pointers, actor.author());
        this.features = WriteRoute.of(reader::feature, record);
        this.geometries = geometries(reader, record, false);
        this.repairedGeometries = geometries(reader, record, true);
        this.statuses = WriteRoute.of(reader::status, record).speaking(Speakers.REPORTERS, MapRoutes::voice);
    }

    private static WriteRoute<MapFact> geometries(MapReader reader, WriteRoute.Recording<MapFact> record, boolean repair) {
        return WriteRoute.<MapFact>of((node, at) -> reader.geometry(node, at, repair), record)
                .speaking(Speakers.REPORTERS, MapRoutes::voice)
                .withReceipts((f, receipt) -> {
                    if (f instanceof MapFact.GeometryRecorded g && !g.version().repairs().isEmpty()) {
                        g.version().repairs().forEach(receipt.putArray("repairs")::add);
                    }
                });
    }

    /** The body a geometry or a status speaks for: like a report, a transcription cites its document. */
    private static Voice voice(MapFact f, String at) {
        if (f instanceof MapFact.GeometryRecorded g) return Voice.of(g.version().source(), at + "/source", g.version().document(), at + "/document");
        if (f instanceof MapFact.StatusReported s) return Voice.of(s.status().source(), at + "/source", s.status().document(), at + "/document");
        return null;
    }

    /** The map's routes: the writes (through the one write path), the reads and the bundled basemap. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.post(WebApp.API + "/features", writes.handler(features), Access.PLACES);
        r.post(WebApp.API + "/geometries", ctx -> writes.handler("true".equals(ctx.queryParam("repair")) ? repairedGeometries : geometries)
                .handle(ctx), Access.REPORTING);
        r.post(WebApp.API + "/statuses", writes.handler(statuses), Access.REPORTING);
        r.get(WebApp.API + "/features", this::features, Access.PUBLIC);
        r.get(WebApp.API + "/features/{id}", this::feature, Access.PUBLIC);
        r.get(WebApp.API + "/layers/{kind}", this::layer, Access.PUBLIC);
        r.get(WebApp.API + "/map/containing", this::containing, Access.PUBLIC);
        r.get(WebApp.API + "/map/within", this::within, Access.PUBLIC);
        r.get(WebApp.API + "/map/nearest", this::nearest, Access.PUBLIC);
        r.get(WebApp.API + "/map/compare", this::compare, Access.PUBLIC);
        r.get(WebApp.API + "/map/land-release", this::landRelease, Access.PUBLIC);
        r.get(WebApp.API + "/reports/{id}/zones", this::zonesOfReport, Access.PUBLIC);
        r.get(WebApp.API + "/basemap/countries", MapRoutes::countries, Access.PUBLIC);
    }

    /** Country outlines of the region (Natural Earth), bundled so the map works offline. */
    private static void countries(Context ctx) throws java.io.IOException {
        try (java.io.InputStream in = MapRoutes.class.getResourceAsStream("/geo/region-countries.geojson")) {
            ctx.contentType("application/geo+json").header("Cache-Control", "max-age=86400").result(in.readAllBytes());
        }
    }

    void features(Context ctx) {
        long size = Params.size(ctx, ledger);
        String lang = lang(ctx);
        ArrayNode out = Json.array();
        for (Feature f : map.features(size)) out.add(feature(f, lang));
        Json.send(ctx, 200, out);
    }

    void feature(Context ctx) {
        long size = Params.size(ctx, ledger);
        String id = ctx.pathParam("id");
        Feature f = map.feature(id, size).orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no feature " + id));
        LocalDate asOf = asOf(ctx);
        String lang = lang(ctx);
        ObjectNode n = feature(f, lang);
        ArrayNode versions = n.putArray("versions");
        for (Drawn d : map.versions(id, size)) versions.add(MapJson.feature(d, map, asOf, size, lang));
        ArrayNode status = n.putArray("status");
        for (MapBook.Reported r : map.status(id, asOf, size)) status.add(MapJson.status(r));
        Json.send(ctx, 200, n);
    }

    /** {@code GET /layers/{kind}}: the layer as of a day, as a GeoJSON FeatureCollection. */
    void layer(Context ctx) {
        long size = Params.size(ctx, ledger);
        FeatureKind kind = FeatureKind.parse(ctx.pathParam("kind"))
                .orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no layer " + ctx.pathParam("kind") + "; layers: " + FeatureKind.wireNames()));
        LocalDate asOf = asOf(ctx);
        Envelope bbox = bbox(ctx);
        String download = ctx.queryParam("download");
        if (download != null && !download.matches("1|0|true|false")) throw Problem.badParameter("download", "must be 1 or 0");
        ObjectNode fc = MapJson.collection(map.layer(kind, bbox, asOf, size), map, asOf, size, lang(ctx));
        if (download != null && download.matches("1|true")) {
            ctx.header("Content-Disposition", "attachment; filename=\"truce-" + kind.wire() + "-" + asOf + ".geojson\"");
        }
        ctx.contentType("application/geo+json");
        // As bytes: a String result is encoded by the content type's charset, and RFC 7946's media type names none.
        ctx.status(200).result(fc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void containing(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate asOf = asOf(ctx);
        Point p = point(ctx);
        Json.send(ctx, 200, hits(map.containing(p, asOf, size).stream().map(d -> new MapBook.Hit(d, 0)).toList(), asOf, size, lang(ctx)));
    }

    void within(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate asOf = asOf(ctx);
        double km = number(ctx, "km", 0, 1000);
        String featureId = ctx.queryParam("feature");
        Geometry from;
        if (featureId != null) {
            from = map.layerOf(featureId, asOf, size)
                    .orElseThrow(() -> Problem.badParameter("feature", "names no feature with a geometry valid on " + asOf));
        } else {
            from = point(ctx);
        }
        FeatureKind kind = kindParam(ctx);
        Json.send(ctx, 200, hits(map.within(from, km, kind, ctx.queryParam("class"), asOf, size, featureId), asOf, size, lang(ctx)));
    }

    void nearest(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate asOf = asOf(ctx);
        Point p = point(ctx);
        Optional<MapBook.Hit> hit = map.nearest(p, kindParam(ctx), ctx.queryParam("class"), asOf, size);
        if (hit.isEmpty()) throw new Problem(ErrorCode.NOT_FOUND, "no such feature within " + 3125 + " km on " + asOf);
        Json.send(ctx, 200, hits(List.of(hit.get()), asOf, size, lang(ctx)).get(0));
    }

    /** Two geometry versions compared: Hausdorff distance (km), and the area between them (ha) when both are areas. */
    void compare(Context ctx) {
        long size = Params.size(ctx, ledger);
        Drawn a = drawn(ctx, "a", size);
        Drawn b = drawn(ctx, "b", size);
        Geometry ga = a.version().geometry();
        Geometry gb = b.version().geometry();
        ObjectNode n = Json.object().put("a", a.version().id()).put("b", b.version().id());
        n.put("hausdorffKm", round(LineComparison.hausdorffKm(ga, gb), 3));
        boolean areas = a.feature().kind() != FeatureKind.LINE && a.feature().kind() != FeatureKind.POINT
                && b.feature().kind() != FeatureKind.LINE && b.feature().kind() != FeatureKind.POINT;
        if (areas) n.put("symmetricDifferenceHa", round(LineComparison.symmetricDifferenceHectares(ga, gb), 1));
        else n.putNull("symmetricDifferenceHa");
        if (a.feature().illustrative() || b.feature().illustrative()) n.put("notice", NOTICE);
        Json.send(ctx, 200, n);
    }

    /**
     * Land release totals from the hazard and released areas as of a day (optionally within a zone),
     * beside each source's reported land_cleared figure for a place: the difference is shown.
     */
    void landRelease(Context ctx) {
        long size = Params.size(ctx, ledger);
        LocalDate asOf = asOf(ctx);
        String zone = ctx.queryParam("zone");
        Geometry within = zone == null ? null : map.layerOf(zone, asOf, size)
                .orElseThrow(() -> Problem.badParameter("zone", "names no zone with a geometry valid on " + asOf));
        Map<String, Double> totals = LandRelease.totals(map, asOf, size, within);
        ObjectNode n = Json.object().put("asOf", asOf.toString()).put("atSize", size);
        n.put("zone", zone);
        ObjectNode areas = n.putObject("areasHa");
        totals.forEach((k, v) -> areas.put(k, round(v, 1)));
        double released = LandRelease.released(totals);
        n.put("releasedHa", round(released, 1));
        String place = ctx.queryParam("place");
        if (place != null) {
            if (figures.place(place, size).isEmpty()) throw Problem.badParameter("place", "is not in the catalog: " + place);
            ArrayNode reported = n.putArray("reportedLandCleared");
            Reconciled r = figures.reconciled("land_cleared", place, asOf, size);
            for (var f : r.figures()) {
                if (f.value() == null) continue; // a partial rollup has no value to compare
                double value = f.value().doubleValue();
                reported.addObject().put("source", f.source()).put("valueHa", f.value()).put("qualifier", f.qualifier().wire())
                        .put("differenceFromMappedClearedHa", round(value - totals.get("cleared"), 1))
                        .put("differenceFromMappedReleasedHa", round(value - released, 1));
            }
        }
        n.put("note", "areas are geodesic (WGS84), unioned per class; reported figures stand beside them in their sources' names, never merged");
        Json.send(ctx, 200, n);
    }

    /** The zones a report's place lies in as of the report's date (its place's location). */
    void zonesOfReport(Context ctx) {
        long size = Params.size(ctx, ledger);
        String id = ctx.pathParam("id");
        Filed filed = figures.report(id).filter(f -> f.seq() < size)
                .orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "no report " + id));
        Place place = figures.place(filed.report().place(), size).orElseThrow();
        LocalDate asOf = filed.report().asOf();
        ObjectNode n = Json.object().put("report", id).put("place", place.id()).put("asOf", asOf.toString());
        if (place.location() == null) {
            n.putNull("location");
            n.putArray("zones");
            n.put("note", "the place has no location in the catalog, so no zone can be resolved");
        } else {
            Point p = GEO.createPoint(new org.locationtech.jts.geom.Coordinate(place.location().lon(), place.location().lat()));
            n.putObject("location").put("lon", place.location().lon()).put("lat", place.location().lat());
            n.set("zones", hits(map.containing(p, asOf, size).stream().map(d -> new MapBook.Hit(d, 0)).toList(), asOf, size, lang(ctx)));
        }
        Json.send(ctx, 200, n);
    }

    private Drawn drawn(Context ctx, String param, long size) {
        String id = Params.required(ctx, param);
        return map.geometry(id, size).orElseThrow(() -> Problem.badParameter(param, "names no geometry entry: " + id));
    }

    private ArrayNode hits(List<MapBook.Hit> hits, LocalDate asOf, long size, String lang) {
        ArrayNode out = Json.array();
        for (MapBook.Hit h : hits) out.add(MapJson.hit(h, map, asOf, size, lang));
        return out;
    }

    private static BigDecimal round(double v, int places) {
        return MapJson.round(v, places);
    }

    private static ObjectNode feature(Feature f, String lang) {
        ObjectNode n = Json.object().put("id", f.id()).put("kind", f.kind().wire()).put("class", f.cls());
        n.put("name", PlaceNames.display(f.names(), lang, f.id()));
        n.set("sideNames", MapJson.sideNames(f.names(), lang));
        n.set("names", CatalogWriter.placeNames(f.names()));
        n.put("place", f.place()).put("illustrative", f.illustrative());
        if (f.illustrative()) n.put("notice", NOTICE);
        return n;
    }

    /** {@code lang}: the language the features are named in ({@code name}, {@code sideNames}); English by default. */
    static String lang(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked == null || asked.isBlank()) return PlaceNames.LATIN;
        return Language.of(asked.strip()).map(Language::code)
                .orElseThrow(() -> Problem.badParameter("lang", "must be one of en, ru, hy, az, de, not " + asked));
    }

    private LocalDate asOf(Context ctx) {
        LocalDate d = Params.date(ctx, "asOf", false);
        return d == null ? LocalDate.now(clock) : d;
    }

    private static FeatureKind kindParam(Context ctx) {
        String k = ctx.queryParam("kind");
        if (k == null) return null;
        return FeatureKind.parse(k).orElseThrow(() -> Problem.badParameter("kind", "must be one of " + FeatureKind.wireNames()));
    }

    private static Point point(Context ctx) {
        double lon = number(ctx, "lon", -180, 180);
        double lat = number(ctx, "lat", -90, 90);
        return GEO.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
    }

    private static double number(Context ctx, String name, double min, double max) {
        String v = Params.required(ctx, name);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw Problem.badParameter(name, "must be a number, not " + v);
        }
        if (!Double.isFinite(d) || d < min || d > max) throw Problem.badParameter(name, "must lie between " + min + " and " + max + ", not " + v);
        return d;
    }

    /** {@code bbox=minLon,minLat,maxLon,maxLat} (RFC 7946 §5 order). */
    private static Envelope bbox(Context ctx) {
        String v = ctx.queryParam("bbox");
        if (v == null || v.isBlank()) return null;
        String[] parts = v.split(",");
        if (parts.length != 4) throw Problem.badParameter("bbox", "must be minLon,minLat,maxLon,maxLat");
        double[] n = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw Problem.badParameter("bbox", "must be four numbers minLon,minLat,maxLon,maxLat, not " + v);
            }
        }
        if (n[0] > n[2] || n[1] > n[3] || n[0] < -180 || n[2] > 180 || n[1] < -90 || n[3] > 90) {
            throw Problem.badParameter("bbox", "must be minLon,minLat,maxLon,maxLat with min ≤ max, in degrees");
        }
        return new Envelope(n[0], n[2], n[1], n[3]);
    }
}
