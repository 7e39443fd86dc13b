package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.catalog.FeatureKind;
import org.truce.store.PostgisDatabase;
import picocli.CommandLine;

/** {@code truce map export-postgis} rebuilds the PostGIS layers of a real database from a data directory. */
class MapExportPostgisTest {
    @TempDir
    Path dir;

    @Test
    void the_demo_is_exported_to_postgis_and_a_second_export_rebuilds_the_same_rows() throws Exception {
        long zones;
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            truce.loadDemo();
            long size = truce.ledger().size();
            zones = truce.map().features(size).stream().filter(f -> f.kind() == FeatureKind.ZONE)
                    .mapToLong(f -> truce.map().versions(f.id(), size).size()).sum();
        }
        try (PostgisDatabase db = PostgisDatabase.create()) {
            String url = "postgresql://" + PostgisDatabase.USER + "@" + PostgisDatabase.HOST + ":" + PostgisDatabase.PORT + "/" + db.name();
            for (int i = 0; i < 2; i++) {
                Run run = run("map", "export-postgis", "--data", dir.toString(), "--db", url);
                assertThat(run.code).as(run.err).isZero();
                assertThat(run.out).contains("truce_gis.zone_history  " + zones + " geometry versions");
                try (Connection c = db.source().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT count(*) FROM truce_gis.zone_history")) {
                    r.next();
                    assertThat(r.getLong(1)).isEqualTo(zones);
                }
            }
        }
    }

    @Test
    void an_address_that_is_not_postgresql_is_refused_naming_the_option() {
        Run run = run("map", "export-postgis", "--data", dir.toString(), "--db", "mysql://localhost/x");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--db must start with postgresql://");
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
