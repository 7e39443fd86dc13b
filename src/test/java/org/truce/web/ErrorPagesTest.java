package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

class ErrorPagesTest {
    @TempDir
    Path dir;

    private static HttpRequest html(TestNode node, String path) {
        return HttpRequest.newBuilder(URI.create(node.base() + path)).header("Accept", "text/html").GET().build();
    }

    @Test
    void a_browser_gets_a_page_in_its_language_and_the_api_gets_problem_details() {
        try (TestNode node = new TestNode(dir, false)) {
            TestNode.Response page = node.send(html(node, "/nowhere?lang=de"));
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<html lang=\"de\"", "Nicht gefunden", "no route GET /nowhere");

            TestNode.Response api = node.send(html(node, "/api/v1/nowhere"));
            assertThat(api.status()).isEqualTo(404);
            assertThat(api.contentType()).isEqualTo("application/problem+json");

            TestNode.Response badLanguage = node.send(html(node, "/?lang=xx"));
            assertThat(badLanguage.status()).isEqualTo(400);
            assertThat(badLanguage.body()).contains("\"pointer\":\"?lang\"");
        }
    }
}
