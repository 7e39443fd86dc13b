package org.truce.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bench --compare}: Truce side by side with SQLite and PostgreSQL/PostGIS on the same machine
 * in one run, each measured as a caller in this JVM sees it (Truce's in-process API, a JDBC query):
 * durable append ({@link AppendCompare}), the as-of query ({@link AsOfCompare}), point-in-zone
 * classification and area and length ({@link SpatialCompare}). Works in a temporary directory and a
 * scratch database {@code truce_bench_<random>}, both removed at the end; without a reachable
 * PostgreSQL (or without PostGIS) it runs the rest and says what it skipped. A benchmark, not a test.
 */
final class CompareBench {
    private CompareBench() {}

    /** Runs every case and prints the table; returns the table for callers that check its rows. */
    static CompareTable run(String pgAddress, boolean quick) throws Exception {
        CompareOptions options = quick ? CompareOptions.quick() : CompareOptions.full();
        CompareTable table = new CompareTable();
        List<String> skipped = new ArrayList<>();
        Path dir = Files.createTempDirectory("truce-compare");
        ScratchPostgres pg = null;
        try {
            try {
                pg = ScratchPostgres.create(pgAddress);
            } catch (SQLException e) {
                skipped.add("PostgreSQL (not reachable at " + pgAddress + ": " + e.getMessage() + "): its columns and the PostGIS cases");
            }
            ScratchPostgres server = pg;
            AppendCompare.Connector postgres = server == null ? null : () -> {
                Connection c = server.connect();
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = on");
                }
                return c;
            };
            boolean postgis = server != null && hasPostgis(postgres);
            if (server != null && !postgis) skipped.add("PostGIS (the extension is not available on the server): the spatial comparisons");
            System.out.printf("Truce bench --compare%s, %s: %d cores, Java %s (%s), %s; %s%n", quick ? " --quick (smoke run; figures mean little)" : "",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    System.getProperty("java.vm.name"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    server == null ? "no PostgreSQL" : server.version() + (postgis ? ", " + postgisVersion(postgres) : ", no PostGIS")
                            + " (scratch database " + server.name + ")");
            System.out.printf("  %d timed iterations after %d warm-up; figures: median (min–max)%n", options.iterations(), options.warmUps());
            new AppendCompare(options).run(dir, postgres, table);
            new AsOfCompare(options).run(dir, postgres, table);
            new SpatialCompare(options).run(dir, postgis ? postgres : null, table);
            table.print();
            for (String s : skipped) System.out.println("Skipped: " + s);
            return table;
        } finally {
            if (pg != null) pg.close();
            delete(dir);
        }
    }

    private static boolean hasPostgis(AppendCompare.Connector postgres) throws SQLException {
        try (Connection c = postgres.open(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            return true;
        } catch (SQLException e) {
            System.out.println("  PostGIS: " + e.getMessage());
            return false;
        }
    }

    private static String postgisVersion(AppendCompare.Connector postgres) throws SQLException {
        try (Connection c = postgres.open(); Statement s = c.createStatement(); var r = s.executeQuery("SELECT postgis_lib_version()")) {
            r.next();
            return "PostGIS " + r.getString(1);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
