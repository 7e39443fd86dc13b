package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/** The map page without JavaScript: each layer's features as of the asked day, in tables. */
class MapPageTest {
    @TempDir
    static Path dir;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    /** The feature ids listed in the table of one layer. */
    static List<String> rows(String html, String layer) {
        int start = html.indexOf("id=\"table-" + layer + "\"");
        assertThat(start).as("table of " + layer).isPositive();
        String table = html.substring(start, html.indexOf("</table>", start));
        Matcher m = Pattern.compile("data-feature=\"([^\"]+)\"").matcher(table);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void the_zones_table_follows_the_handovers_of_the_demo_map() {
        String before = node.get("/map?asOf=2020-11-10&lang=en").body();
        assertThat(rows(before, "zones")).containsExactlyInAnyOrder("zone-nkao-1988", "zone-kalbajar-pre-handover",
                "zone-aghdam-pre-handover", "zone-lachin-pre-handover");
        assertThat(rows(before, "corridors")).containsExactly("corridor-lachin");
        assertThat(rows(before, "lines")).contains("line-of-contact-2020-11-10");
        String after = node.get("/map?asOf=2020-12-01&lang=en").body();
        assertThat(rows(after, "zones")).containsExactlyInAnyOrder("zone-nkao-1988", "zone-kalbajar-handover",
                "zone-aghdam-handover", "zone-lachin-handover");
        assertThat(rows(after, "lines")).doesNotContain("line-of-contact-2020-11-10");
        assertThat(rows(after, "points")).contains("checkpoint-lachin-corridor", "post-peacekeeping-1");
        assertThat(rows(after, "sites")).contains("heritage-dadivank").doesNotContain("checkpoint-lachin-corridor");
    }

    @Test
    void each_sides_names_are_shown_with_who_uses_them_and_illustrative_rows_say_so() {
        String html = node.get("/map?asOf=2020-11-10&lang=en").body();
        assertThat(html).contains("Kalbajar").contains("Karvachar (used by the Government of Armenia and the de facto authorities of Nagorno-Karabakh)");
        assertThat(html).contains("Khudavang (used by the Government of Azerbaijan)");
        assertThat(html).contains("class=\"illustrative-label\">Illustrative, not authoritative.</span>");
        assertThat(html).contains("id=\"map-illustrative\"");
        assertThat(html).contains("Control as recorded").contains("The de facto authorities of Nagorno-Karabakh");
    }

    @Test
    void the_page_reads_in_russian_and_states_the_boundary_view() {
        var page = node.get("/map?asOf=2020-12-01&lang=ru");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ru\"").contains("Районы контроля и административные единицы")
                .contains("Natural Earth").contains("не выражают никакой позиции").contains("Карвачар (используют:");
    }

    @Test
    void the_date_form_and_the_data_of_the_script_are_on_the_page() {
        String html = node.get("/map?lang=en").body();
        assertThat(html).contains("<form method=\"get\" action=\"/map\"").contains("type=\"date\" id=\"asOf\" name=\"asOf\" value=\"2021-01-05\"")
                .contains("min=\"2020-11-10\" max=\"2021-01-05\"")
                .contains("data-countries-url=\"/api/v1/basemap/countries\"").contains("/api/v1/layers/zone")
                .contains("/webjars/leaflet/1.9.4/dist/leaflet.js").doesNotContain("data-tile-url");
    }

    @Test
    void a_bad_date_is_refused_naming_the_field_and_the_page_still_reads() {
        var page = node.get("/map?asOf=11.01.2021&lang=en");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"asOf-error\"").contains("Enter a date as YYYY-MM-DD, for example 2021-01-05.")
                .contains("id=\"table-zones\"");
    }

    @Test
    void without_a_tile_server_the_map_shows_images_from_the_site_only() throws Exception {
        assertThat(MapTilesTest.policy(node, "/map")).contains("img-src 'self' data:;");
    }

    /** The map script reads the layers as UTF-8 JSON: every side's names must arrive intact. */
    @Test
    void the_layers_the_script_draws_carry_every_name_intact() throws Exception {
        var r = org.truce.support.TestNode.HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(node.base() + "/api/v1/layers/point?asOf=2021-01-05")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Дадиванк").contains("Xudavəng");
    }
}
