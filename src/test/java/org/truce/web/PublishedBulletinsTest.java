package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.bulletin.Publication;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Published means fixed: a published bulletin is the bytes of its publication in every format and
 * language, across restarts and later writes; anything else is a draft, marked in every format and
 * refused to anonymous readers unless the operator opens drafts; a republication lists what changed.
 */
class PublishedBulletinsTest {
    static final List<String> LANGS = List.of("en", "ru", "hy", "az", "de");
    static final String DATE = "2021-01-11";
    static final String MARK = "DRAFT \u2014 NOT PUBLISHED";

    @TempDir
    Path dir;

    @Test
    void the_demos_published_bulletins_are_byte_identical_across_a_restart_and_later_writes_in_every_format_and_language() throws Exception {
        Map<String, byte[]> before;
        long full;
        // the check link printed in the PDF names the public address, not the test's random port
        Map<String, String> env = Map.of("TRUCE_PUBLIC_URL", "https://truce.example.org");
        try (TestNode node = new TestNode(dir, null, true, env)) {
            full = node.truce.ledger().size() - 9;
            before = published(node);
            assertThat(before).hasSizeGreaterThan(100);
        }
        try (TestNode node = new TestNode(dir, null, false, env)) {
            assertThat(differing(before, published(node))).as("after a restart").isEmpty();
            node.clock.advance(java.time.Duration.ofHours(1));
            ObjectNode later = Reports.valid("6d1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").put("asOf", "2021-01-09");
            assertThat(node.post("/api/v1/reports", later.toString()).status()).isEqualTo(201);
            assertThat(differing(before, published(node))).as("after a later write").isEmpty();
            // a kept PDF is served as kept; rendered again from the ledger, it is the same bytes
            try (Stream<Path> kept = Files.list(dir.resolve("printed"))) {
                for (Path p : kept.toList()) Files.delete(p);
            }
            assertThat(fetch(node, "/bulletins/" + DATE + ".pdf?lang=hy", null).body()).isEqualTo(before.get("/bulletins/" + DATE + ".pdf?lang=hy"));
            JsonNode json = node.get("/api/v1/bulletins/" + DATE + "?lang=en").json();
            assertThat(json.at("/checkpoint/size").asLong()).as("the default size is the latest publication's").isEqualTo(full);
            assertThat(json.get("published").asBoolean()).isTrue();
        }
    }

    private static List<String> differing(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        return a.keySet().stream().filter(k -> !java.util.Arrays.equals(a.get(k), b.get(k))).toList();
    }

    /** Every format of every demo publication in every language, by the address a reader uses. */
    private static Map<String, byte[]> published(TestNode node) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<Publication> all = node.truce.publications().all();
        assertThat(all).hasSize(9);
        for (Publication p : all) {
            boolean latest = node.truce.publications().latest(p.date()).orElseThrow().seq() == p.seq();
            String size = latest ? "" : "&size=" + p.size();
            for (String lang : LANGS) {
                String q = "?lang=" + lang + size;
                for (String format : List.of("json", "text", "html")) add(node, out, "/api/v1/bulletins/" + p.date() + q + "&format=" + format);
                add(node, out, "/bulletins/" + p.date() + q);
                // the PDF of every publication in English and of the latest bulletin in every language
                if (lang.equals("en") || (latest && p.date().toString().equals(DATE))) add(node, out, "/bulletins/" + p.date() + ".pdf" + q);
            }
        }
        add(node, out, "/api/v1/bulletins/" + DATE + "?lang=en&format=pdf");
        out.put("/feeds/en.atom", node.get("/feeds/en.atom").body().replace(node.base(), "https://truce.example.org")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        add(node, out, "/bulletins?lang=ru");
        return out;
    }

    private static void add(TestNode node, Map<String, byte[]> out, String path) throws Exception {
        HttpResponse<byte[]> r = fetch(node, path, null);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        out.put(path, r.body());
    }

    @Test
    void a_published_bulletin_names_its_issuer_number_issue_day_and_status_and_its_check_link_names_the_published_size() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            long full = node.truce.ledger().size() - 9;
            String text = node.get("/api/v1/bulletins/" + DATE + "?format=text&lang=en").body();
            assertThat(text.lines().limit(5).toList()).containsExactly("Issued by: Joint record secretariat (illustrative)",
                    "Situation report No. 9", "Situation as of 11 January 2021", "Issued on 28 November 2026",
                    "Status: republished, revision 1 (replaces situation report No. 8)");
            assertThat(text).doesNotContain("demo-transcriber").doesNotContain(MARK);
            String earlier = node.get("/api/v1/bulletins/2020-12-07?format=text&lang=ru").body();
            assertThat(earlier).startsWith("Выпущено: Секретариат совместного реестра (условный пример)\nСводка № 5\n")
                    .contains("Статус: опубликована\n");
            JsonNode json = node.get("/api/v1/bulletins/" + DATE + "?lang=de").json();
            assertThat(json.get("status").asText()).isEqualTo("republished");
            assertThat(json.at("/publication/number").asInt()).isEqualTo(9);
            assertThat(json.at("/publication/revision").asInt()).isEqualTo(1);
            assertThat(json.at("/publication/issuer/id").asText()).isEqualTo("joint-record-secretariat");
            assertThat(json.at("/publication/issuer/name").asText()).isEqualTo("Sekretariat des gemeinsamen Registers (fiktives Beispiel)");
            assertThat(json.at("/publication/issued").asText()).isEqualTo("2026-11-28");
            assertThat(json.has("draftMark")).isFalse();

            byte[] pdf = fetch(node, "/bulletins/" + DATE + ".pdf?lang=en", null).body();
            String first = flat(pages(pdf).get(0));
            assertThat(first).contains("Joint record secretariat (illustrative)").contains("Situation report No. 9")
                    .contains("Situation as of 11 January 2021").contains("Issued on 28 November 2026")
                    .contains("Status: republished, revision 1").doesNotContain("DRAFT");
            assertThat(flat(String.join(" ", pages(pdf)))).contains(node.base() + "/check?date=" + DATE + "&size=" + full);
            String page = node.get("/bulletins/" + DATE + "?lang=en").body();
            assertThat(page).contains("href=\"/check?date=" + DATE + "&amp;size=" + full + "\"")
                    .contains("<a class=\"pdf\" href=\"/bulletins/" + DATE + ".pdf?lang=en\"")
                    .contains("data-status=\"republished\" data-number=\"9\"");
        }
    }

    @Test
    void an_unpublished_date_or_size_is_a_draft_marked_in_every_format_and_on_every_pdf_page_for_a_signed_in_reader() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            long size = node.truce.ledger().size();
            for (String at : List.of("/api/v1/bulletins/2021-06-15?lang=en", "/api/v1/bulletins/" + DATE + "?lang=en&size=" + (size - 1))) {
                JsonNode json = node.get(at, node.token).json();
                assertThat(json.get("published").asBoolean()).as(at).isFalse();
                assertThat(json.get("status").asText()).isEqualTo("draft");
                assertThat(json.get("draftMark").asText()).isEqualTo(MARK);
                assertThat(json.get("publication").isNull()).isTrue();
                assertThat(node.get(at + "&format=text", node.token).body().lines().findFirst()).hasValue(MARK);
                assertThat(node.get(at + "&format=html", node.token).body()).contains("<p class=\"draft-mark\"><strong>" + MARK);
                List<String> pages = pages(fetch(node, at + "&format=pdf", node.token).body());
                assertThat(pages).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p).contains(MARK));
            }
            assertThat(node.get("/bulletins/2021-06-15?lang=en&size=" + size, node.token).body()).contains("class=\"draft-mark\"");
            List<String> ru = pages(fetch(node, "/bulletins/2021-06-15.pdf?lang=ru&size=" + size, node.token).body());
            assertThat(ru).allSatisfy(p -> assertThat(p).contains("ПРОЕКТ \u2014 НЕ ОПУБЛИКОВАНО"));
            assertThat(node.get("/api/v1/bulletins/2021-06-15?lang=hy&format=text", node.token).body())
                    .startsWith("ՆԱԽԱԳԻԾ \u2014 ՀՐԱՊԱՐԱԿՎԱԾ ՉԷ\n");
        }
    }

    @Test
    void anonymous_readers_are_refused_drafts_by_default_with_the_parameter_named_and_nothing_else_changes() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            long size = node.truce.ledger().size();
            TestNode.Response date = node.get("/api/v1/bulletins/2021-06-15?format=pdf");
            assertThat(date.status()).isEqualTo(403);
            assertThat(date.contentType()).startsWith("application/problem+json");
            assertThat(date.json().get("code").asText()).isEqualTo("draft_not_public");
            assertThat(date.json().at("/errors/0/pointer").asText()).isEqualTo("?date");
            for (String param : List.of("size", "atSize")) {
                TestNode.Response r = node.get("/api/v1/bulletins/" + DATE + "?" + param + "=" + (size - 1));
                assertThat(r.status()).as(param).isEqualTo(403);
                assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("?" + param);
                assertThat(r.json().get("detail").asText()).contains("TRUCE_PUBLIC_DRAFTS");
            }
            assertThat(node.get("/bulletins/" + DATE + ".pdf?size=" + (size - 1)).status()).isEqualTo(403);
            assertThat(node.get("/api/v1/bulletins/" + DATE + "?size=" + (size - 1), "not-a-token").status()).isEqualTo(401);
            // a size a publication names is that publication, for everyone
            Publication first = node.truce.publications().of(java.time.LocalDate.parse(DATE)).get(0);
            JsonNode earlier = node.get("/api/v1/bulletins/" + DATE + "?size=" + first.size()).json();
            assertThat(earlier.get("published").asBoolean()).isTrue();
            assertThat(earlier.at("/publication/number").asInt()).isEqualTo(8);
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
    }

    @Test
    void anonymous_readers_get_marked_drafts_where_the_operator_opens_them() throws Exception {
        try (TestNode node = new TestNode(dir, null, true, Map.of("TRUCE_PUBLIC_DRAFTS", "true"))) {
            TestNode.Response r = node.get("/api/v1/bulletins/2021-06-15?format=text&lang=de");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).startsWith("ENTWURF \u2014 NICHT VERÖFFENTLICHT\n");
            TestNode.Response page = node.get("/bulletins/2021-06-15?lang=en");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("class=\"compute\"");
        }
    }

    @Test
    void a_republication_lists_what_changed_since_the_earlier_publication_in_every_format_and_in_the_feed() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            // the demo's own republication: a figure filed after the checkpoint of the first publication
            JsonNode demo = node.get("/api/v1/bulletins/" + DATE + "?lang=en").json();
            JsonNode changes = demo.at("/publication/changes");
            assertThat(changes.size()).isPositive();
            assertThat(changes.get(0).get("kind").asText()).isEqualTo("new");
            long firstSize = demo.at("/publication/previous/size").asLong();
            assertThat(changes.get(0).get("seq").asLong()).isEqualTo(firstSize);
            String change = changes.get(0).get("text").asText();
            assertThat(change).startsWith("New figure: ").contains("(entry " + firstSize + ")");
            assertThat(node.get("/api/v1/bulletins/" + DATE + "?lang=en&format=text").body())
                    .contains("Changes since situation report No. 8").contains("- " + change);
            assertThat(node.get("/bulletins/" + DATE + "?lang=en").body()).contains("<li data-change=\"new\" data-seq=\"" + firstSize + "\">");
            assertThat(flat(String.join(" ", pages(fetch(node, "/bulletins/" + DATE + ".pdf?lang=en", null).body()))))
                    .contains(flat(change));
            String feed = node.get("/feeds/en.atom").body();
            assertThat(feed).contains("<summary type=\"text\">Issued by: Joint record secretariat (illustrative)")
                    .contains(change.replace("\u2192", "\u2192")).contains("<content type=\"text\">");

            // a figure published, then corrected, then its date republished
            String day = "2021-01-20";
            assertThat(node.post("/api/v1/reports", Reports.valid("7e1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").toString()).status()).isEqualTo(201);
            assertThat(node.post("/api/v1/publications", "{\"date\":\"" + day + "\"}").status()).isEqualTo(201);
            node.clock.advance(java.time.Duration.ofHours(2));
            ObjectNode correction = Reports.valid("7e1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f11").put("value", 1350)
                    .put("corrects", "7e1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10");
            TestNode.Response c = node.post("/api/v1/reports", correction.toString());
            assertThat(c.status()).as(c.body()).isEqualTo(201);
            long seq = node.truce.ledger().size() - 1;
            assertThat(node.post("/api/v1/publications", "{\"date\":\"" + day + "\"}").status()).isEqualTo(201);
            JsonNode again = node.get("/api/v1/bulletins/" + day + "?lang=en").json();
            assertThat(again.at("/publication/revision").asInt()).isEqualTo(1);
            assertThat(again.at("/publication/number").asInt()).isEqualTo(11);
            // the desk's organisation has no catalog entry: the issuer is named by its id, never by an account
            assertThat(again.at("/publication/issuer/name").asText()).isEqualTo("desk");
            JsonNode only = again.at("/publication/changes");
            assertThat(only.size()).isEqualTo(1);
            assertThat(only.get(0).get("kind").asText()).isEqualTo("corrected");
            assertThat(only.get(0).get("before").asText()).isEqualTo("1300");
            assertThat(only.get(0).get("after").asText()).isEqualTo("1350");
            assertThat(only.get(0).get("seq").asLong()).isEqualTo(seq);
            assertThat(only.get(0).get("text").asText()).contains("was 1,300, now 1,350 (correcting entry " + seq + ")");
            assertThat(node.get("/feeds/ru.atom").body()).contains("Исправлено: ");
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    static HttpResponse<byte[]> fetch(TestNode node, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return org.truce.support.TestNode.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The text of each page. */
    static List<String> pages(byte[] pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(s.getText(doc));
            }
        }
        return out;
    }

    static String flat(String s) {
        return s.replaceAll("\\s+", " ").replace("- ", "-");
    }
}
