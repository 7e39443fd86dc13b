package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Ledger;
import org.truce.ledger.StoredEntry;
import org.truce.places.Drawn;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;
import org.truce.places.Geodesy;
import org.truce.places.MapBook;

/**
 * The PostGIS map layers against a real PostgreSQL with PostGIS: the demo loaded on a SQLite node with
 * the layers attached as a listener, then checked with SQL against the node's own map.
 */
class PostgisLayersTest {
    private static PostgisDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        db = PostgisDatabase.create();
    }

    @AfterAll
    static void drop() {
        if (db != null) db.close();
    }

    @Test
    void the_demo_map_becomes_postgis_layers_that_replays_and_rebuilds_leave_identical() throws Exception {
        Map<String, String> live;
        try (PostgisLayers layers = PostgisLayers.attach(db.source());
             Truce node = Truce.open(dir, Clock.systemUTC(), Ledger.Progress.NONE, List.of(layers))) {
            node.loadDemo();
            MapBook map = node.map();
            long size = node.ledger().size();
            assertThat(layers.stale()).isFalse();

            for (FeatureKind kind : FeatureKind.values()) {
                assertThat(count("SELECT count(*) FROM " + LayerRows.history(kind))).as(kind.wire()).isEqualTo(versions(map, kind, size).size());
            }
            assertThat(count("SELECT count(*) FROM truce_gis.features")).isEqualTo(map.features(size).size());
            assertThat(versions(map, FeatureKind.ZONE, size)).isNotEmpty();
            LocalDate today = LocalDate.parse(text("SELECT current_date::text"));
            for (FeatureKind kind : FeatureKind.values()) {
                assertThat(count("SELECT count(*) FROM " + LayerRows.today(kind))).as(kind.wire() + " today")
                        .isEqualTo(map.layer(kind, null, today, size).size());
            }

            for (FeatureKind kind : List.of(FeatureKind.ZONE, FeatureKind.HAZARD, FeatureKind.CLEARED)) {
                assertThat(count("SELECT count(*) FROM " + LayerRows.history(kind) + " WHERE NOT ST_IsValid(geom)")).as(kind.wire()).isZero();
            }
            for (FeatureKind kind : FeatureKind.values()) {
                assertThat(count("SELECT count(*) FROM " + LayerRows.history(kind) + " WHERE ST_SRID(geom) <> 4326")).isZero();
                assertThat(text("SELECT srid || ' ' || type FROM geometry_columns WHERE f_table_schema = 'truce_gis'"
                        + " AND f_table_name = '" + kind.wire() + "_today'"))
                        .isEqualTo("4326 " + (kind == FeatureKind.POINT ? "POINT" : kind == FeatureKind.LINE ? "MULTILINESTRING" : "MULTIPOLYGON"));
                assertThat(text("SELECT indexdef FROM pg_indexes WHERE schemaname = 'truce_gis' AND tablename = '"
                        + kind.wire() + "_history' AND indexdef LIKE '%USING gist (geom)%'")).as(kind.wire()).isNotNull();
            }

            Drawn nkao = versions(map, FeatureKind.ZONE, size).stream()
                    .filter(d -> d.feature().id().equals("zone-nkao-1988")).findFirst().orElseThrow();
            double truceHa = Geodesy.areaHectares(nkao.version().geometry());
            double postgisHa = number("SELECT ST_Area(geom::geography) / 10000 FROM truce_gis.zone_history WHERE seq = " + nkao.seq());
            assertThat(postgisHa).isCloseTo(truceHa, within(truceHa * 0.001));
            for (Drawn d : versions(map, FeatureKind.HAZARD, size)) {
                double ha = Geodesy.areaHectares(d.version().geometry());
                assertThat(number("SELECT ST_Area(geom::geography) / 10000 FROM truce_gis.hazard_history WHERE seq = " + d.seq()))
                        .isCloseTo(ha, within(ha * 0.001));
            }

            live = snapshot();
            for (StoredEntry e : node.ledger().read(0, (int) size)) layers.applied(EntryCodec.decode(e.bytes()));
            assertThat(snapshot()).as("the same entries applied again").isEqualTo(live);
            Map<FeatureKind, Integer> rebuilt = layers.rebuild(node.ledger());
            for (FeatureKind kind : FeatureKind.values()) assertThat(rebuilt.get(kind)).isEqualTo(versions(map, kind, size).size());
            assertThat(snapshot()).as("rebuilt").isEqualTo(live);
        }
        try (PostgisLayers again = PostgisLayers.attach(db.source());
             Truce node = Truce.open(dir, Clock.systemUTC(), Ledger.Progress.NONE, List.of(again))) {
            assertThat(snapshot()).as("replayed on a restart").isEqualTo(live);
            assertThat(again.stale()).isFalse();
        }
    }

    @Test
    void names_label_the_common_english_name_else_every_sides_english_name() {
        var common = new org.truce.catalog.PlaceName("en", "Shusha", List.of("common"));
        var az = new org.truce.catalog.PlaceName("en", "Kalbajar", List.of("az"));
        var hy = new org.truce.catalog.PlaceName("en", "Karvachar", List.of("hy"));
        var ru = new org.truce.catalog.PlaceName("ru", "Кельбаджар", List.of("common"));
        assertThat(LayerRows.nameEn(List.of(ru, az, hy))).isEqualTo("Kalbajar / Karvachar");
        assertThat(LayerRows.nameEn(List.of(az, common))).isEqualTo("Shusha");
        assertThat(LayerRows.nameEn(List.of(ru))).isNull();
    }

    private static List<Drawn> versions(MapBook map, FeatureKind kind, long size) {
        List<Drawn> out = new ArrayList<>();
        for (Feature f : map.features(size)) if (f.kind() == kind) out.addAll(map.versions(f.id(), size));
        return out;
    }

    /** A digest of every layer table's rows, in key order. */
    private static Map<String, String> snapshot() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>(List.of("features ORDER BY feature_id", "point_status ORDER BY seq"));
        for (FeatureKind k : FeatureKind.values()) tables.add(k.wire() + "_history ORDER BY seq");
        for (String t : tables) {
            String name = t.substring(0, t.indexOf(' '));
            out.put(name, text("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' " + t.substring(t.indexOf(' ')) + ")), '')"
                    + " FROM truce_gis." + name + " t"));
        }
        return out;
    }

    private static long count(String sql) throws SQLException {
        return (long) number(sql);
    }

    private static double number(String sql) throws SQLException {
        try (Connection c = db.source().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getDouble(1);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = db.source().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
