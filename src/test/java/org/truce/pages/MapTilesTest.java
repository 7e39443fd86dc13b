package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;
import org.truce.web.TileLayer;

/**
 * An online tile layer configured (here by the system properties that stand in for TRUCE_TILE_URL and
 * TRUCE_TILE_ATTRIBUTION): the map page offers it and lets images come from its origin; no other
 * page does.
 */
class MapTilesTest {
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        System.setProperty("truce.tileUrl", "https://{s}.tiles.example.org/{z}/{x}/{y}.png");
        System.setProperty("truce.tileAttribution", "Example tiles <b>contributors</b>");
        try {
            node = TestNode.withDemo(dir);
        } finally {
            System.clearProperty("truce.tileUrl");
            System.clearProperty("truce.tileAttribution");
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    static String policy(TestNode node, String path) throws Exception {
        HttpResponse<String> r = org.truce.support.TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.headers().firstValue("Content-Security-Policy").orElseThrow();
    }

    @Test
    void only_the_map_page_lets_images_come_from_the_tile_servers_origin() throws Exception {
        assertThat(policy(node, "/map")).contains("img-src 'self' data: https://*.tiles.example.org;")
                .contains("script-src 'self';").contains("connect-src 'self';");
        assertThat(policy(node, "/")).contains("img-src 'self' data:;").doesNotContain("example.org");
        assertThat(policy(node, "/figures")).doesNotContain("example.org");
    }

    @Test
    void the_map_page_hands_the_template_and_the_escaped_attribution_to_the_script() {
        String html = node.get("/map?lang=en").body();
        assertThat(html).contains("data-tile-url=\"https://{s}.tiles.example.org/{z}/{x}/{y}.png\"")
                .contains("Example tiles &lt;b&gt;contributors&lt;/b&gt;");
    }

    @Test
    void a_template_whose_origin_cannot_be_stated_is_refused_with_the_reason() {
        assertThatThrownBy(() -> TileLayer.of("https://tiles.{s}.example.org/{z}/{x}/{y}.png", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRUCE_TILE_URL");
        assertThatThrownBy(() -> TileLayer.of("javascript:alert(1)", "x")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> TileLayer.of("https://tiles.example.org/{z}/{x}/{y}.png", " "))
                .hasMessageContaining("TRUCE_TILE_ATTRIBUTION");
        assertThat(TileLayer.of("http://localhost:8081/{z}/{x}/{y}.png", "local").origin()).isEqualTo("http://localhost:8081");
    }
}
