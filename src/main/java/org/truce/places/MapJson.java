package org.truce.places;

import org.truce.catalog.FeatureKind;
import org.truce.catalog.Feature;
import org.truce.catalog.CatalogWriter;
import org.truce.record.RecordWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.truce.catalog.PlaceName;
import org.truce.catalog.PlaceNames;
import org.truce.ledger.EntryCodec;

/**
 * The map as RFC 7946 GeoJSON, for the API and the command line alike: one Feature per geometry
 * version with its interval, basis, record position, geodesic size and, for points that have one,
 * each source's status on the day. Every illustrative feature says so. Stateless.
 */
public final class MapJson {
    public static final String NOTICE = "illustrative, not authoritative";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MapJson() {}

    /** A FeatureCollection of the versions, asked as of {@code asOf} at ledger size {@code size}, named in English. */
    public static ObjectNode collection(List<Drawn> drawn, MapBook map, LocalDate asOf, long size) {
        return collection(drawn, map, asOf, size, PlaceNames.LATIN);
    }

    /** A FeatureCollection of the versions, each feature named for a reader of {@code lang}. */
    public static ObjectNode collection(List<Drawn> drawn, MapBook map, LocalDate asOf, long size, String lang) {
        ObjectNode fc = F.objectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        boolean illustrative = false;
        for (Drawn d : drawn) {
            features.add(feature(d, map, asOf, size, lang));
            illustrative |= d.feature().illustrative();
        }
        fc.put("asOf", asOf.toString()).put("atSize", size).put("lang", lang);
        if (illustrative) fc.put("notice", "some features are " + NOTICE + " (see each feature's properties)");
        return fc;
    }

    public static ObjectNode feature(Drawn d, MapBook map, LocalDate asOf, long size) {
        return feature(d, map, asOf, size, PlaceNames.LATIN);
    }

    /**
     * One version as a GeoJSON Feature. Its {@code name} is the display name in {@code lang} by
     * {@link PlaceNames} (every side's name where they differ: GIS tools label by it), and
     * {@code sideNames} lists each name shown with who uses it, in that order; {@code names} keeps
     * every name in every language as the catalog holds them.
     */
    public static ObjectNode feature(Drawn d, MapBook map, LocalDate asOf, long size, String lang) {
        GeometryVersion v = d.version();
        ObjectNode f = F.objectNode().put("type", "Feature").put("id", v.id());
        f.set("geometry", GeometryInput.toGeoJson(v.geometry()));
        ObjectNode p = f.putObject("properties");
        p.put("feature", d.feature().id()).put("kind", d.feature().kind().wire()).put("class", d.feature().cls());
        p.put("name", PlaceNames.display(d.feature().names(), lang, d.feature().id()));
        p.set("sideNames", sideNames(d.feature().names(), lang));
        p.set("names", CatalogWriter.placeNames(d.feature().names()));
        p.put("validFrom", v.validFrom() == null ? null : v.validFrom().toString());
        p.put("validTo", v.validTo() == null ? null : v.validTo().toString());
        p.put("version", v.version()).put("party", v.party()).put("controlledBy", v.controlledBy()).put("source", v.source());
        p.set("document", RecordWriter.document(v.document()));
        p.put("illustrative", d.feature().illustrative());
        if (d.feature().illustrative()) p.put("notice", NOTICE);
        p.put("seq", d.seq()).put("recordedAt", EntryCodec.formatInstant(d.recordedAt()));
        switch (d.feature().kind()) {
            case LINE -> p.put("lengthKm", round(Geodesy.lengthKm(v.geometry()), 3));
            case POINT -> { }
            default -> p.put("areaHa", round(Geodesy.areaHectares(v.geometry()), 1));
        }
        if (!v.repairs().isEmpty()) v.repairs().forEach(p.putArray("repairs")::add);
        if (d.feature().kind() == FeatureKind.POINT && !StatusReport.statusesOf(d.feature().cls()).isEmpty()) {
            ArrayNode status = p.putArray("status");
            for (MapBook.Reported r : map.status(d.feature().id(), asOf, size)) status.add(status(r));
        }
        return f;
    }

    /** Each name a reader of {@code lang} is shown, in the display's order, with the language it is in and who uses it. */
    public static ArrayNode sideNames(List<PlaceName> names, String lang) {
        ArrayNode out = F.arrayNode();
        for (PlaceNames.Named n : PlaceNames.named(names, lang)) {
            ObjectNode o = out.addObject().put("name", n.name()).put("lang", n.lang());
            n.usedBy().forEach(o.putArray("usedBy")::add);
        }
        return out;
    }

    /** A hit of a distance query: the feature with its distance in km. */
    public static ObjectNode hit(MapBook.Hit h, MapBook map, LocalDate asOf, long size) {
        return hit(h, map, asOf, size, PlaceNames.LATIN);
    }

    public static ObjectNode hit(MapBook.Hit h, MapBook map, LocalDate asOf, long size, String lang) {
        ObjectNode f = feature(h.drawn(), map, asOf, size, lang);
        ((ObjectNode) f.get("properties")).put("distanceKm", round(h.km(), 3));
        return f;
    }

    public static ObjectNode status(MapBook.Reported r) {
        ObjectNode n = F.objectNode().put("status", r.report().status()).put("from", r.report().from().toString())
                .put("source", r.report().source()).put("seq", r.seq());
        if (r.report().document() != null) n.set("document", RecordWriter.document(r.report().document()));
        return n;
    }

    public static BigDecimal round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP);
    }
}
