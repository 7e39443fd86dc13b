package org.truce.places;

import org.truce.catalog.FeatureKind;
import org.truce.catalog.Feature;
import org.truce.catalog.CatalogReader;
import org.truce.record.RecordReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.truce.record.Document;
import org.truce.record.Parsed;
import org.truce.catalog.PlaceName;
import org.truce.record.Reading;

/**
 * Reads map facts from request bodies (geometry as a GeoJSON geometry or WKT, checked against the
 * region and for validity, optionally repaired) and from ledger entries. Every problem comes with
 * its JSON pointer. Immutable and thread-safe.
 */
public final class MapReader {
    private static final Set<String> FEATURE_FIELDS = Set.of("id", "kind", "class", "names", "place", "illustrative");
    private static final Set<String> GEOMETRY_FIELDS = Set.of("id", "feature", "geometry", "wkt", "validFrom", "validTo",
            "version", "party", "controlledBy", "source", "document", "repairs");
    private static final Set<String> STATUS_FIELDS = Set.of("id", "feature", "status", "from", "source", "document");

    private final GeometryInput input;

    /** @param region the bounds every input coordinate must fall in (lon, lat) */
    public MapReader(Envelope region) {
        this.input = new GeometryInput(region);
    }

    public Parsed<MapFact> feature(JsonNode node, String at) {
        Reading r = new Reading();
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, FEATURE_FIELDS);
        String id = r.id(node, "id", at, true);
        FeatureKind kind = kind(r, node, at);
        String cls = r.text(node, "class", at, true);
        if (kind != null && cls != null && !kind.classes().contains(cls)) {
            r.fail(at + "/class", "must be one of " + kind.classes() + " for a " + kind.wire());
        }
        List<PlaceName> names = CatalogReader.placeNames(r, node.get("names"), at + "/names");
        String place = r.id(node, "place", at, false);
        boolean illustrative = bool(r, node, "illustrative", at);
        return Parsed.of(new MapFact.FeatureDeclared(new Feature(id, kind, cls, names, place, illustrative)), r);
    }

    /** A geometry version; {@code repair} lets GeometryFixer mend an invalid geometry and say what it changed. */
    public Parsed<MapFact> geometry(JsonNode node, String at, boolean repair) {
        Reading r = new Reading();
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, GEOMETRY_FIELDS);
        if (node.has("repairs")) r.fail(at + "/repairs", "is set by the server when it repairs a geometry; send repair=true instead");
        String id = r.uuid(node, "id", at, true);
        String feature = r.id(node, "feature", at, true);
        Geometry geometry = null;
        List<String> repairs = List.of();
        boolean geoJson = node.hasNonNull("geometry");
        boolean wkt = node.hasNonNull("wkt");
        if (geoJson == wkt) {
            r.fail(at + "/geometry", "send the geometry either as a GeoJSON geometry object (geometry) or as WKT text (wkt), not both or neither");
        } else {
            GeometryInput.Result result = geoJson ? input.readGeoJson(node.get("geometry"), at + "/geometry", repair)
                    : node.get("wkt").isTextual() ? input.readWkt(node.get("wkt").asText(), at + "/wkt", repair) : null;
            if (result == null) r.fail(at + "/wkt", "must be WKT text");
            else if (result instanceof GeometryInput.Ok ok) {
                geometry = ok.geometry();
                repairs = ok.repairs();
            } else {
                for (GeometryInput.Problem p : ((GeometryInput.Refused) result).problems()) r.fail(p.pointer(), p.detail());
            }
        }
        LocalDate from = r.date(node, "validFrom", at, false);
        LocalDate to = r.date(node, "validTo", at, false);
        if (from != null && to != null && !from.isBefore(to)) {
            r.fail(at + "/validTo", "must come after validFrom: the interval [validFrom, validTo) is half-open");
        }
        String version = r.text(node, "version", at, false);
        String party = r.id(node, "party", at, false);
        String controlledBy = r.id(node, "controlledBy", at, false);
        String source = r.id(node, "source", at, true);
        Document document = RecordReader.document(r, node.get("document"), at + "/document");
        if (document == null && !node.hasNonNull("document")) {
            r.fail(at + "/document", "is required: the basis of the geometry (the document that states it)");
        }
        var v = new GeometryVersion(id, feature, geometry, from, to, version == null ? GeometryVersion.MAIN : version, party,
                controlledBy, source, document, repairs);
        return Parsed.of(new MapFact.GeometryRecorded(v), r);
    }

    public Parsed<MapFact> status(JsonNode node, String at) {
        Reading r = new Reading();
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, STATUS_FIELDS);
        String id = r.uuid(node, "id", at, true);
        String feature = r.id(node, "feature", at, true);
        String status = r.text(node, "status", at, true);
        LocalDate from = r.date(node, "from", at, true);
        String source = r.id(node, "source", at, true);
        Document document = RecordReader.document(r, node.get("document"), at + "/document");
        return Parsed.of(new MapFact.StatusReported(new StatusReport(id, feature, status, from, source, document)), r);
    }

    /** A fact as the ledger holds it; it was checked when it was written. */
    public static MapFact fromLedger(String type, JsonNode p) {
        MapReader trusted = TRUSTED;
        Parsed<MapFact> parsed = switch (type) {
            case MapFact.FEATURE -> trusted.feature(p, "");
            case MapFact.GEOMETRY -> trusted.ledgerGeometry(p);
            case MapFact.STATUS -> trusted.status(p, "");
            default -> throw new IllegalArgumentException("not a map entry: " + type);
        };
        if (parsed instanceof Parsed.Ok<MapFact> ok) return ok.value();
        throw new IllegalStateException("ledger entry does not read as a map fact: " + ((Parsed.Invalid<MapFact>) parsed).violations());
    }

    private static final MapReader TRUSTED = new MapReader(new Envelope(-180, 180, -90, 90));

    /** The stored form carries the repairs that were made when it was written. */
    private Parsed<MapFact> ledgerGeometry(JsonNode p) {
        var copy = p.deepCopy();
        List<String> repairs = new ArrayList<>();
        if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.has("repairs")) {
            o.get("repairs").forEach(x -> repairs.add(x.asText()));
            o.remove("repairs");
        }
        Parsed<MapFact> parsed = geometry(copy, "", false);
        if (!(parsed instanceof Parsed.Ok<MapFact> ok) || repairs.isEmpty()) return parsed;
        GeometryVersion v = ((MapFact.GeometryRecorded) ok.value()).version();
        return new Parsed.Ok<>(new MapFact.GeometryRecorded(new GeometryVersion(v.id(), v.feature(), v.geometry(), v.validFrom(),
                v.validTo(), v.version(), v.party(), v.controlledBy(), v.source(), v.document(), repairs)));
    }

    private static FeatureKind kind(Reading r, JsonNode node, String at) {
        String s = r.text(node, "kind", at, true);
        if (s == null) return null;
        var k = FeatureKind.parse(s);
        if (k.isEmpty()) r.fail(at + "/kind", "must be one of " + FeatureKind.wireNames());
        return k.orElse(null);
    }

    private static boolean bool(Reading r, JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) r.fail(at + "/" + field, "must be true or false");
        return v.asBoolean();
    }
}
