package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.bulletin.Publication;
import org.truce.support.TestNode;

/**
 * Publishing from the desk over real HTTP: the draft beside the publication it would follow with its
 * differences marked, the publication through the API's write path, and the refusal of anyone but
 * the secretariat with nothing written.
 */
class DeskPublishTest {
    static final LocalDate DATE = LocalDate.of(2021, 1, 11);
    @TempDir
    static Path dir;
    static TestNode node;
    static String reporter;
    static String secretariat;

    @BeforeAll
    static void start() {
        node = TestNode.withDemo(dir);
        reporter = node.account("anama", "anama", "rep-p", Role.REPORTER, Role.ANALYST);
        secretariat = node.account("jmc", "ru-tr-joint-monitoring-centre", "sec-p", Role.SECRETARIAT);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private TestNode.Response get(String path, String token, String lang) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", lang).GET().build());
    }

    private TestNode.Response form(String path, String token, String body) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void publishing_is_refused_to_an_account_without_the_secretariat_role_and_nothing_is_written() {
        long before = node.truce.ledger().size();
        int publications = node.truce.publications().all().size();
        assertThat(get("/desk/publish?date=2021-01-11", reporter, "en").status()).isEqualTo(403);
        TestNode.Response refused = form("/desk/publish", reporter, "date=2021-01-11&size=" + before);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(node.truce.ledger().size()).isEqualTo(before);
        assertThat(node.truce.publications().all()).hasSize(publications);
    }

    @Test
    void the_secretariat_sees_the_draft_beside_the_last_publication_with_the_new_figure_marked_then_publishes_it() {
        String id = UUID.randomUUID().toString();
        TestNode.Response filed = form("/desk/reports/new", node.token, "id=" + id + "&source=anama&metric=medical_assistance"
                + "&place=nk&kind=total&asOf=2021-01-11&attribution=" + URLEncoder.encode("ANAMA: 77", StandardCharsets.UTF_8)
                + "&value=77&document.title=Press+release&document.publisher=ANAMA");
        assertThat(filed.status()).isEqualTo(303);

        TestNode.Response page = get("/desk/publish?date=" + URLEncoder.encode("11.01.2021", StandardCharsets.UTF_8), secretariat, "ru");
        assertThat(page.status()).isEqualTo(200);
        Publication last = node.truce.publications().latest(DATE).orElseThrow();
        assertThat(page.body()).contains("Сравнение с публикацией на эту дату: сводка № " + node.truce.publications().number(last) + " (выпустил: ")
                .contains("class=\"changed change-new\"").contains("class=\"change change-new\"")
                .contains("name=\"size\" value=\"" + node.truce.ledger().size() + "\"");

        long size = node.truce.ledger().size();
        TestNode.Response published = form("/desk/publish", secretariat, "date=2021-01-11&size=" + size);
        assertThat(published.status()).isEqualTo(303);
        Publication now = node.truce.publications().latest(DATE).orElseThrow();
        assertThat(now.size()).isEqualTo(size);
        assertThat(now.issuer()).isEqualTo("ru-tr-joint-monitoring-centre");
        assertThat(node.truce.publications().newest().orElseThrow().seq()).isEqualTo(now.seq());

        // the same draft again: nothing differs from the publication just made
        assertThat(get("/desk/publish?date=2021-01-11", secretariat, "en").body()).contains("No figure differs.");
    }

    @Test
    void a_date_that_does_not_read_is_named_beside_the_date_field() {
        TestNode.Response page = get("/desk/publish?date=" + URLEncoder.encode("1/11/2021", StandardCharsets.UTF_8), secretariat, "en");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("href=\"#f-date\"").contains("can be read as two different dates").doesNotContain("action=\"/desk/publish\" id=\"form\"");
    }

    @Test
    void a_date_never_published_is_compared_with_the_latest_publication_as_the_record_stood_then() {
        TestNode.Response page = get("/desk/publish?date=2021-01-12", secretariat, "en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("This date has not been published. Compared with the latest publication, No. ");
    }
}
