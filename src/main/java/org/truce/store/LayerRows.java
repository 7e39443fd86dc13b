package org.truce.store;

import org.truce.catalog.CatalogWriter;
import org.truce.record.RecordWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.io.WKBWriter;
import org.truce.record.Document;
import org.truce.catalog.PlaceName;
import org.truce.catalog.PlaceNames;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;
import org.truce.places.Geodesy;
import org.truce.places.GeometryVersion;
import org.truce.places.StatusReport;

/**
 * The rows of the PostGIS map layers (schema {@value #SCHEMA}): each write is an upsert keyed by the
 * ledger seq it comes from, so writing the same entry twice leaves the same row. Stateless; the
 * caller owns the connection and its transaction.
 */
final class LayerRows {
    static final String SCHEMA = "truce_gis";

    private LayerRows() {}

    /** The history table of a kind, schema-qualified: {@code truce_gis.zone_history}. */
    static String history(FeatureKind kind) {
        return SCHEMA + "." + kind.wire() + "_history";
    }

    /** The as-of-today view of a kind, schema-qualified: {@code truce_gis.zone_today}. */
    static String today(FeatureKind kind) {
        return SCHEMA + "." + kind.wire() + "_today";
    }

    static void feature(Connection c, Feature f, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SCHEMA + ".features"
                + " (feature_id, kind, class, name_en, names, place, illustrative, seq) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                + " ON CONFLICT (feature_id) DO UPDATE SET kind = EXCLUDED.kind, class = EXCLUDED.class, name_en = EXCLUDED.name_en,"
                + " names = EXCLUDED.names, place = EXCLUDED.place, illustrative = EXCLUDED.illustrative, seq = EXCLUDED.seq")) {
            s.setString(1, f.id());
            s.setString(2, f.kind().wire());
            s.setString(3, f.cls());
            s.setString(4, nameEn(f.names()));
            s.setString(5, CatalogWriter.placeNames(f.names()).toString());
            s.setString(6, f.place());
            s.setBoolean(7, f.illustrative());
            s.setLong(8, seq);
            s.executeUpdate();
        }
    }

    static void geometry(Connection c, GeometryVersion v, Feature f, long seq, Instant recordedAt) throws SQLException {
        FeatureKind kind = f.kind();
        String measure = switch (kind) {
            case LINE -> "length_km, ";
            case POINT -> "";
            default -> "area_ha, ";
        };
        String geom = kind == FeatureKind.POINT ? "ST_GeomFromWKB(?, 4326)" : "ST_Multi(ST_GeomFromWKB(?, 4326))";
        List<String> columns = new ArrayList<>(List.of("version_id", "feature_id", "kind", "class", "name_en", "names", "place",
                "illustrative", "valid_from", "valid_to", "version", "party", "controlled_by", "source", "document", "recorded_at"));
        if (!measure.isEmpty()) columns.add(measure.substring(0, measure.length() - 2));
        columns.add("geom");
        StringBuilder update = new StringBuilder();
        for (String col : columns) update.append(update.length() == 0 ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
        String sql = "INSERT INTO " + history(kind) + " (seq, version_id, feature_id, kind, class, name_en, names, place, illustrative,"
                + " valid_from, valid_to, version, party, controlled_by, source, document, recorded_at, " + measure + "geom)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, " + (measure.isEmpty() ? "" : "?, ") + geom + ")"
                + " ON CONFLICT (seq) DO UPDATE SET " + update;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, seq);
            s.setString(i++, v.id());
            s.setString(i++, f.id());
            s.setString(i++, kind.wire());
            s.setString(i++, f.cls());
            s.setString(i++, nameEn(f.names()));
            s.setString(i++, CatalogWriter.placeNames(f.names()).toString());
            s.setString(i++, f.place());
            s.setBoolean(i++, f.illustrative());
            setDate(s, i++, v.validFrom());
            setDate(s, i++, v.validTo());
            s.setString(i++, v.version());
            s.setString(i++, v.party());
            s.setString(i++, v.controlledBy());
            s.setString(i++, v.source());
            s.setString(i++, document(v.document()));
            s.setObject(i++, recordedAt.atOffset(ZoneOffset.UTC));
            if (kind == FeatureKind.LINE) s.setDouble(i++, Geodesy.lengthKm(v.geometry()));
            else if (kind != FeatureKind.POINT) s.setDouble(i++, Geodesy.areaHectares(v.geometry()));
            s.setBytes(i, new WKBWriter(2).write(v.geometry()));
            s.executeUpdate();
        }
    }

    static void status(Connection c, StatusReport r, long seq, Instant recordedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SCHEMA + ".point_status"
                + " (seq, status_id, feature_id, status, valid_from, source, document, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                + " ON CONFLICT (seq) DO UPDATE SET status_id = EXCLUDED.status_id, feature_id = EXCLUDED.feature_id,"
                + " status = EXCLUDED.status, valid_from = EXCLUDED.valid_from, source = EXCLUDED.source,"
                + " document = EXCLUDED.document, recorded_at = EXCLUDED.recorded_at")) {
            s.setLong(1, seq);
            s.setString(2, r.id());
            s.setString(3, r.feature());
            s.setString(4, r.status());
            setDate(s, 5, r.from());
            s.setString(6, r.source());
            s.setString(7, document(r.document()));
            s.setObject(8, recordedAt.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /**
     * The label of a feature: its English display name by the one rule of {@link PlaceNames} (the name all
     * sides use, else every side's, "Khankendi / Stepanakert"), or null when it has no English name.
     */
    static String nameEn(List<PlaceName> names) {
        return PlaceNames.display(names, PlaceNames.LATIN, null);
    }

    private static String document(Document d) {
        if (d == null) return null;
        JsonNode n = RecordWriter.document(d);
        return n.toString();
    }

    private static void setDate(PreparedStatement s, int i, LocalDate d) throws SQLException {
        if (d == null) s.setNull(i, Types.DATE);
        else s.setObject(i, d);
    }
}
