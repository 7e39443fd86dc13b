package org.truce.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.truce.app.Truce;
import org.truce.ingest.DemoDataset;
import org.truce.ingest.DemoGeography;
import org.truce.places.Classification;
import org.truce.places.Drawn;
import org.truce.catalog.FeatureKind;
import org.truce.places.Geodesy;
import org.truce.places.PointClassifier;

/**
 * Point-in-zone classification, and area and length, on the demo map of 25 November 2020: Truce's
 * {@link PointClassifier} (zones only, one thread) against PostGIS (a GiST index on the zones and on the points,
 * {@code ST_Covers}, counted per zone in one query), with {@code ST_Contains} counted beside it to show
 * the positions on a boundary (each zone's vertices are among the positions: covered, not contained);
 * and {@link Geodesy} against PostGIS geography {@code ST_Area}/{@code ST_Length} per feature.
 */
final class SpatialCompare {
    private static final LocalDate AS_OF = LocalDate.of(2020, 11, 25);
    private static final double WEST = 46.0, EAST = 47.5, SOUTH = 39.3, NORTH = 40.4;

    private final CompareOptions options;

    SpatialCompare(CompareOptions options) {
        this.options = options;
    }

    void run(Path dir, AppendCompare.Connector postgres, CompareTable table) throws Exception {
        try (Truce truce = Truce.open(dir.resolve("map-node"), Clock.systemUTC())) {
            DemoDataset.load(truce.recorder());
            DemoGeography.load(truce.mapRecorder(), truce.mapReader(), DemoDataset.AUTHOR);
            long size = truce.ledger().size();
            PointClassifier classifier = PointClassifier.build(truce.map(), AS_OF, size);
            List<Drawn> zones = classifier.zones();
            List<Drawn> lines = truce.map().layer(FeatureKind.LINE, null, AS_OF, size);
            List<double[]> points = points(zones);
            double[] lon = new double[points.size()], lat = new double[points.size()];
            for (int i = 0; i < lon.length; i++) {
                lon[i] = points.get(i)[0];
                lat[i] = points.get(i)[1];
            }
            if (postgres == null) {
                classifyOnly(classifier, lon, lat, table);
                table.add(new CompareTable.Row("area and length vs PostGIS geography (µs/feature)", zones.size() + " zones, " + lines.size() + " lines",
                        "computed", "—", "skipped (no PostgreSQL)", "—", "within 0.1 %: not measured"));
                return;
            }
            try (Connection pg = postgres.open()) {
                load(pg, zones, lines, lon, lat);
                classify(classifier, pg, lon, lat, table);
                measures(pg, zones, lines, table);
            }
        }
    }

    /** Seeded random positions over the demo region, then every vertex of every zone (on its boundary). */
    private List<double[]> points(List<Drawn> zones) {
        List<double[]> out = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < options.points(); i++) {
            out.add(new double[] {WEST + (EAST - WEST) * random.nextDouble(), SOUTH + (NORTH - SOUTH) * random.nextDouble()});
        }
        for (Drawn z : zones) {
            for (Coordinate c : z.version().geometry().getCoordinates()) out.add(new double[] {c.x, c.y});
        }
        return out;
    }

    private static void load(Connection pg, List<Drawn> zones, List<Drawn> lines, double[] lon, double[] lat) throws Exception {
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            s.execute("CREATE TABLE zones (n INTEGER PRIMARY KEY, id TEXT NOT NULL, geom geometry(Geometry, 4326) NOT NULL)");
            s.execute("CREATE TABLE lines (n INTEGER PRIMARY KEY, id TEXT NOT NULL, geom geometry(Geometry, 4326) NOT NULL)");
            s.execute("CREATE TABLE pts (lon DOUBLE PRECISION, lat DOUBLE PRECISION)");
        }
        insert(pg, "zones", zones);
        insert(pg, "lines", lines);
        CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY pts FROM STDIN");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lon.length; i++) {
            b.append(lon[i]).append('\t').append(lat[i]).append('\n'); // shortest round-trip decimal: exact
            if (b.length() > 1 << 20 || i == lon.length - 1) {
                byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                b.setLength(0);
            }
        }
        copy.endCopy();
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE points AS SELECT ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geometry(Point, 4326) AS geom FROM pts");
            s.execute("CREATE INDEX zones_geom ON zones USING gist (geom)");
            s.execute("CREATE INDEX points_geom ON points USING gist (geom)");
            s.execute("VACUUM ANALYZE zones");
            s.execute("VACUUM ANALYZE points");
        }
    }

    private static void insert(Connection pg, String table, List<Drawn> features) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ins = pg.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
            for (int i = 0; i < features.size(); i++) {
                ins.setInt(1, i);
                ins.setString(2, features.get(i).version().feature());
                ins.setBytes(3, wkb.write(features.get(i).version().geometry()));
                ins.executeUpdate();
            }
        }
    }

    /** Zone hits per zone, classified on one thread; index {@code zones.size()} holds the seconds. */
    private static double[] truceCounts(PointClassifier classifier, double[] lon, double[] lat) {
        double[] counts = new double[classifier.zones().size() + 1];
        Classification c = classifier.newClassification();
        long t0 = System.nanoTime();
        for (int i = 0; i < lon.length; i++) {
            classifier.classifyZones(lon[i], lat[i], c);
            for (int z = 0; z < c.zoneCount(); z++) counts[c.zoneIndex(z)]++;
        }
        counts[counts.length - 1] = (System.nanoTime() - t0) / 1e9;
        return counts;
    }

    private void classifyOnly(PointClassifier classifier, double[] lon, double[] lat, CompareTable table) {
        double[] rates = new double[options.iterations()];
        for (int it = -options.warmUps(); it < options.iterations(); it++) {
            double[] counts = truceCounts(classifier, lon, lat);
            if (it >= 0) rates[it] = lon.length / counts[counts.length - 1];
        }
        table.add(new CompareTable.Row("point-in-zone classification (points/s)", String.format("%,d × %d", lon.length, options.iterations()),
                CompareTable.Stats.of(rates).format("%,.0f"), "—", "skipped (no PostgreSQL/PostGIS)", "—", "≥ 3× PostGIS: not measured"));
    }

    private void classify(PointClassifier classifier, Connection pg, double[] lon, double[] lat, CompareTable table) throws SQLException {
        String covers = "SELECT z.n, count(*) FROM zones z JOIN points p ON ST_Covers(z.geom, p.geom) GROUP BY z.n";
        String contains = covers.replace("ST_Covers", "ST_Contains");
        System.out.println("  point-in-zone: PostGIS plan: " + planLines(pg, "EXPLAIN " + covers));
        double[] t = new double[options.iterations()], p = new double[options.iterations()];
        double[] truceCounts = null;
        Map<Integer, Long> pgCovers = null;
        for (int it = -options.warmUps(); it < options.iterations(); it++) {
            truceCounts = truceCounts(classifier, lon, lat);
            long t0 = System.nanoTime();
            pgCovers = counts(pg, covers);
            double ps = (System.nanoTime() - t0) / 1e9;
            if (it >= 0) {
                t[it] = lon.length / truceCounts[truceCounts.length - 1];
                p[it] = lon.length / ps;
            }
        }
        Map<Integer, Long> pgContains = counts(pg, contains);
        boolean same = true;
        StringBuilder perZone = new StringBuilder();
        for (int z = 0; z < classifier.zones().size(); z++) {
            long tc = (long) truceCounts[z], cv = pgCovers.getOrDefault(z, 0L), ct = pgContains.getOrDefault(z, 0L);
            same &= tc == cv;
            String line = String.format("    %-40s Truce %,d · ST_Covers %,d · ST_Contains %,d (%,d on the boundary)%n",
                    classifier.zones().get(z).version().feature(), tc, cv, ct, cv - ct);
            perZone.append(line);
        }
        System.out.print("  point-in-zone counts per zone:\n" + perZone);
        if (!same) throw new IllegalStateException("Truce's counts per zone differ from ST_Covers's:\n" + perZone);
        CompareTable.Stats ts = CompareTable.Stats.of(t), ps = CompareTable.Stats.of(p);
        long totalCovers = pgCovers.values().stream().mapToLong(Long::longValue).sum();
        long totalContains = pgContains.values().stream().mapToLong(Long::longValue).sum();
        double ratio = ts.median() / ps.median();
        table.add(new CompareTable.Row("point-in-zone classification (points/s)", String.format("%,d × %d", lon.length, options.iterations()),
                ts.format("%,.0f") + " (1 thread)", "—",
                ps.format("%,.0f") + String.format(" ST_Covers; zone hits identical: %,d (ST_Contains %,d)", totalCovers, totalContains),
                String.format("%.1f× PostGIS", ratio), "≥ 3× PostGIS, identical counts: " + AppendCompare.verdict(ratio, 3, "PostGIS")));
    }

    private static Map<Integer, Long> counts(Connection pg, String sql) throws SQLException {
        Map<Integer, Long> out = new LinkedHashMap<>();
        try (Statement s = pg.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.put(r.getInt(1), r.getLong(2));
        }
        return out;
    }

    private static String planLines(Connection pg, String explain) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = pg.createStatement(); ResultSet r = s.executeQuery(explain)) {
            while (r.next()) {
                String l = r.getString(1).trim();
                if (l.contains("Scan") || l.contains("Join") || l.contains("Loop")) lines.add(l.replaceAll("\\s+\\(cost.*", ""));
            }
        }
        return String.join(" / ", lines);
    }

    private void measures(Connection pg, List<Drawn> zones, List<Drawn> lines, CompareTable table) throws SQLException {
        double worstArea = 0, worstLength = 0;
        int reps = Math.max(10, options.truceQueries() / 10);
        double[] ours = new double[zones.size() + lines.size()];
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < zones.size(); i++) ours[i] = Geodesy.areaHectares(zones.get(i).version().geometry());
            for (int i = 0; i < lines.size(); i++) ours[zones.size() + i] = Geodesy.lengthKm(lines.get(i).version().geometry());
        }
        double truceUs = (System.nanoTime() - t0) / 1e3 / reps / ours.length;
        Map<Integer, Double> areas = measure(pg, "SELECT n, ST_Area(geom::geography) / 10000 FROM zones");
        Map<Integer, Double> lengths = measure(pg, "SELECT n, ST_Length(geom::geography) / 1000 FROM lines");
        int pgReps = Math.max(3, reps / 20);
        t0 = System.nanoTime();
        for (int r = 0; r < pgReps; r++) {
            measure(pg, "SELECT n, ST_Area(geom::geography) / 10000 FROM zones");
            measure(pg, "SELECT n, ST_Length(geom::geography) / 1000 FROM lines");
        }
        double pgUs = (System.nanoTime() - t0) / 1e3 / pgReps / ours.length;
        for (int i = 0; i < zones.size(); i++) {
            double d = diff(ours[i], areas.get(i));
            worstArea = Math.max(worstArea, Math.abs(d));
            System.out.printf("    area   %-40s Truce %,.3f ha · PostGIS %,.3f ha · %+.7f %%%n", zones.get(i).version().feature(), ours[i], areas.get(i), d);
        }
        for (int i = 0; i < lines.size(); i++) {
            double d = diff(ours[zones.size() + i], lengths.get(i));
            worstLength = Math.max(worstLength, Math.abs(d));
            System.out.printf("    length %-40s Truce %,.4f km · PostGIS %,.4f km · %+.7f %%%n", lines.get(i).version().feature(),
                    ours[zones.size() + i], lengths.get(i), d);
        }
        double worst = Math.max(worstArea, worstLength);
        table.add(new CompareTable.Row("area and length vs PostGIS geography (µs/feature)",
                zones.size() + " zones, " + lines.size() + " lines", String.format("%.1f", truceUs), "—",
                String.format("%.1f (by query)", pgUs),
                String.format("largest difference: area %.4f %%, length %.4f %%", worstArea, worstLength),
                "within 0.1 %: " + (worst <= 0.1 ? "met" : "**not met**")));
    }

    private static double diff(double ours, double theirs) {
        return (ours - theirs) / theirs * 100;
    }

    private static Map<Integer, Double> measure(Connection pg, String sql) throws SQLException {
        Map<Integer, Double> out = new LinkedHashMap<>();
        try (Statement s = pg.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.put(r.getInt(1), r.getDouble(2));
        }
        return out;
    }
}
