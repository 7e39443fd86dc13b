package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.catalog.Feature;
import org.truce.app.Truce;
import picocli.CommandLine;

/** {@code truce map} answers from the ledger alone with the API's GeoJSON. */
class MapCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void demo() {
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            truce.loadDemo();
        }
    }

    private JsonNode run(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 3];
            all[0] = "map";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--data";
            all[args.length + 2] = dir.toString();
            assertThat(new CommandLine(new Main()).execute(all)).isZero();
        } finally {
            System.setOut(old);
        }
        return new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void heritage_sites_within_5_km_of_the_line_of_contact() throws Exception {
        JsonNode hits = run("within", "--feature", "line-of-contact-2020-11-10", "--km", "5", "--kind", "point",
                "--class", "heritage_site", "--as-of", "2020-11-15");
        assertThat(hits.size()).isGreaterThan(0);
        for (JsonNode h : hits) {
            assertThat(h.at("/properties/class").asText()).isEqualTo("heritage_site");
            assertThat(h.at("/properties/distanceKm").asDouble()).isLessThanOrEqualTo(5.0);
        }
    }

    @Test
    void a_geojson_file_is_imported_all_or_nothing() throws Exception {
        Path good = dir.resolveSibling(dir.getFileName() + "-good.geojson");
        java.nio.file.Files.writeString(good, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.5,39.9]},\"properties\":{\"id\":\"post-imported\","
                + "\"kind\":\"point\",\"class\":\"post\",\"names\":[{\"lang\":\"en\",\"name\":\"Imported post\",\"usedBy\":[\"common\"]}],"
                + "\"illustrative\":true,\"validFrom\":\"2020-12-01\",\"basis\":\"test file\"}}]}");
        Path bad = dir.resolveSibling(dir.getFileName() + "-bad.geojson");
        java.nio.file.Files.writeString(bad, java.nio.file.Files.readString(good).replace("[46.5,39.9]", "[39.9,46.5]")
                .replace("post-imported", "post-never"));
        String[] common = {"--source", "ru-peacekeepers", "--publisher", "Test", "--data", dir.toString()};
        assertThat(new CommandLine(new Main()).execute(concat(new String[] {"map", "import", "--file", bad.toString()}, common))).isEqualTo(2);
        assertThat(new CommandLine(new Main()).execute(concat(new String[] {"map", "import", "--file", good.toString()}, common))).isZero();
        JsonNode layer = run("layer", "--kind", "point", "--as-of", "2021-01-01");
        assertThat(layer.get("features").findValuesAsText("feature")).contains("post-imported").doesNotContain("post-never");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void the_zone_layer_as_of_a_day() throws Exception {
        JsonNode layer = run("layer", "--kind", "zone", "--as-of", "2020-11-25");
        assertThat(layer.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(layer.get("features").findValuesAsText("feature")).contains("zone-kalbajar-handover").doesNotContain("zone-kalbajar-pre-handover");
    }
}
