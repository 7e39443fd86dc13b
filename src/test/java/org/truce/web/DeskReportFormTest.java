package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.figures.Filed;
import org.truce.support.TestNode;

/**
 * The report form over real HTTP: numbers and dates in the page's language, a refusal of one that does
 * not read named at its field with nothing written, no body chosen by default, a field per breakdown,
 * and place labels that tell every place apart.
 */
class DeskReportFormTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static String reporter;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        reporter = node.account("anama", "anama", "rep-form", Role.REPORTER);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private TestNode.Response get(String path, String lang) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + reporter)
                .header("Accept-Language", lang).GET().build());
    }

    private TestNode.Response form(String path, String lang, String body) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + reporter)
                .header("Accept-Language", lang).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String select(String page, String id) {
        int start = page.indexOf("<select id=\"" + id + "\"");
        assertThat(start).as("select " + id).isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf("</select>", start));
    }

    private static String returnees(String id, String value, String asOf) {
        return "id=" + id + "&source=anama&metric=returnees&place=nk&kind=total&qualifier=exact&asOfPrecision=day"
                + "&attribution=" + enc("ANAMA says so") + "&value=" + enc(value) + "&asOf=" + enc(asOf);
    }

    @Test
    void the_source_defaults_to_none_never_to_the_officers_own_body() {
        TestNode.Response page = get("/desk/reports/new", "en");
        assertThat(page.status()).isEqualTo(200);
        String source = select(page.body(), "f-source");
        assertThat(source).contains("<option value=\"anama\"").doesNotContain("selected");
    }

    @Test
    void a_number_and_a_date_in_russian_with_a_breakdown_are_recorded_as_their_values() {
        String id = UUID.randomUUID().toString();
        TestNode.Response ok = form("/desk/reports/new", "ru", returnees(id, "48 241", "11.01.2021") + "&breakdown.children=" + enc("479,0"));
        assertThat(ok.status()).isEqualTo(303);
        Filed filed = node.truce.figures().report(id).orElseThrow();
        assertThat(filed.report().value()).isEqualByComparingTo("48241");
        assertThat(filed.report().asOf()).isEqualTo(java.time.LocalDate.of(2021, 1, 11));
        assertThat(filed.report().breakdown()).containsOnlyKeys("children");
        assertThat(filed.report().breakdown().get("children")).isEqualByComparingTo("479");
    }

    @Test
    void an_unparsable_number_is_refused_at_its_field_in_the_pages_language_and_nothing_is_written() {
        long before = node.truce.ledger().size();
        TestNode.Response refused = form("/desk/reports/new", "ru", returnees(UUID.randomUUID().toString(), "48 241 чел.", "11.01.2021"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#f-value\"")
                .containsPattern("field field-error\">\\s*<label for=\"f-value\">")
                .contains("«48 241 чел.» — не число")
                .contains("value=\"48 241 чел.\"");
        assertThat(node.truce.ledger().size()).isEqualTo(before);
    }

    @Test
    void an_ambiguous_number_and_an_ambiguous_date_are_each_refused_at_their_field_and_nothing_is_written() {
        long before = node.truce.ledger().size();
        TestNode.Response de = form("/desk/reports/new", "de", returnees(UUID.randomUUID().toString(), "48.241", "11.01.2021"));
        assertThat(de.status()).isEqualTo(422);
        assertThat(de.body()).contains("href=\"#f-value\"").contains("lässt sich als zwei verschiedene Zahlen lesen");
        TestNode.Response en = form("/desk/reports/new", "en", returnees(UUID.randomUUID().toString(), "48,241", "1/11/2021"));
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.body()).contains("href=\"#f-asOf\"").contains("can be read as two different dates")
                .doesNotContain("href=\"#f-value\"");
        TestNode.Response year = form("/desk/reports/new", "ru", returnees(UUID.randomUUID().toString(), "12", "11.01.21"));
        assertThat(year.status()).isEqualTo(422);
        assertThat(year.body()).contains("href=\"#f-asOf\"").contains("укажите год четырьмя цифрами");
        assertThat(node.truce.ledger().size()).isEqualTo(before);
    }

    @Test
    void a_breakdown_the_metric_does_not_have_is_refused_by_the_write_path_at_its_field() {
        long before = node.truce.ledger().size();
        String body = "id=" + UUID.randomUUID() + "&source=anama&metric=land_cleared&place=nk&kind=total&asOf=2021-01-11"
                + "&attribution=x&value=12&breakdown.children=3";
        TestNode.Response refused = form("/desk/reports/new", "en", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#f-breakdown-children\"").contains("Of which children: is not a breakdown of metric land_cleared");
        assertThat(node.truce.ledger().size()).isEqualTo(before);
    }

    @Test
    void the_form_has_one_number_field_per_breakdown_naming_the_metrics_that_allow_it() {
        String page = get("/desk/reports/new", "en").body();
        assertThat(page).contains("data-metrics=\"returnees medical_assistance\"").contains("id=\"f-breakdown-children\"")
                .contains("id=\"f-breakdown-social_facilities\"").contains("Of which children");
    }

    @Test
    void no_two_places_in_the_pickers_have_the_same_label_and_contested_names_are_all_shown() {
        for (String lang : List.of("en", "ru", "hy", "az", "de")) {
            String places = select(get("/desk/reports/new", lang).body(), "f-place");
            Matcher m = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>([^<]*)</option>").matcher(places);
            List<String> labels = new ArrayList<>();
            while (m.find()) labels.add(m.group(2));
            assertThat(labels).as(lang).hasSizeGreaterThan(10);
            Set<String> distinct = new HashSet<>(labels);
            assertThat(distinct).as(lang + ": every label once").hasSameSizeAs(labels);
        }
        String en = select(get("/desk/reports/new", "en").body(), "f-place");
        assertThat(en).contains(">Shusha / Shushi — town, Nagorno-Karabakh</option>")
                .contains(">Shusha — district, Azerbaijan (administration: the Government of Azerbaijan)</option>")
                .contains(">Lachin (also: Berdzor) — district, Azerbaijan (administration: the Government of Azerbaijan)</option>")
                .contains(">Shushi — province, Area administered by the de facto authorities of Nagorno-Karabakh</option>");
    }
}
