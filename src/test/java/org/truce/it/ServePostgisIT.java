package org.truce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.catalog.FeatureKind;
import org.truce.store.PostgisDatabase;
import org.truce.store.PostgisUrl;
import org.truce.store.PostgresTestDatabase;

/**
 * {@code java -jar target/truce.jar serve --demo --postgis-layers postgresql://...} in its own
 * process, and {@code serve --demo --db postgresql://...}, which keeps the layers of its own database
 * by default: the demo, written after the node started, reaches the PostGIS layers through the ledger
 * listener, and each {@code <kind>_today} view holds what the node's layer API answers for today.
 */
class ServePostgisIT {
    static final Pattern SERVING = Pattern.compile("on http://localhost:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void a_node_keeps_the_postgis_layers_current() throws Exception {
        try (PostgisDatabase db = PostgisDatabase.create()) {
            String url = "postgresql://" + PostgisDatabase.USER + "@" + PostgisDatabase.HOST + ":" + PostgisDatabase.PORT + "/" + db.name();
            layersFollowTheApi(db.source(), "--postgis-layers", url);
        }
    }

    @Test
    void a_node_on_postgresql_keeps_the_layers_of_its_own_database_without_being_asked() throws Exception {
        try (PostgresTestDatabase ledger = PostgresTestDatabase.create()) {
            List<String> printed = layersFollowTheApi(PostgisUrl.dataSource(ledger.url(), "--db"), "--db", ledger.url());
            assertThat(printed).contains("PostGIS map layers rebuilt in schema truce_gis; kept current as map entries arrive.");
            assertThat(printed).noneMatch(l -> l.startsWith("PostGIS map layers are off"));
        }
    }

    /** Serves the demo with the options given and compares each {@code <kind>_today} view with the layer API; the lines printed. */
    private List<String> layersFollowTheApi(DataSource db, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                "target/truce.jar", "serve", "--demo", "--port", "0", "--data", dir.toString()));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> printed = new ArrayList<>();
        try {
            int port = port(p, printed);
            String today;
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT current_date::text")) {
                r.next();
                today = r.getString(1);
            }
            HttpClient http = HttpClient.newHttpClient();
            for (FeatureKind k : FeatureKind.values()) {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/layers/" + k.wire()
                        + "?asOf=" + today)).build(), HttpResponse.BodyHandlers.ofString()).body();
                int api = new ObjectMapper().readTree(body).get("features").size();
                try (Connection c = db.getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT count(*) FROM truce_gis." + k.wire() + "_today")) {
                    r.next();
                    assertThat(r.getInt(1)).as(k.wire()).isEqualTo(api);
                }
            }
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), bool_or(stale) FROM truce_gis.zone_history, truce_gis.layers_state")) {
                r.next();
                assertThat(r.getInt(1)).isPositive();
                assertThat(r.getBoolean(2)).isFalse();
            }
        } finally {
            p.destroyForcibly().waitFor();
        }
        return printed;
    }

    private static int port(Process p, List<String> lines) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the server did not start: " + lines);
    }
}
