package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.truce.ledger.NodeKey;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * The check of a bulletin in a real browser (headless Chromium; localhost is a secure context):
 * the demo's bulletin of 11 January 2021 verifies in two languages, and a key obtained "elsewhere"
 * that is not the operator's, or a root the reader holds that is not the signed one, fails visibly.
 * check.js's Merkle verification is also run against the shared RFC 6962 vectors, on a test page
 * served by this test.
 */
class CheckPageBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    @TempDir
    static Path otherKeyDir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    @Test
    void the_demo_bulletin_of_11_january_verifies_in_english() {
        browser.open(node.base() + "/check?date=2021-01-11&lang=en");
        List<WebElement> steps = finishedSteps();
        assertThat(steps).isNotEmpty().allSatisfy(s -> assertThat(s.getAttribute("data-state")).isEqualTo("ok"));
        String fingerprint = text("#server-fingerprint");
        WebElement summary = browser.driver.findElement(By.id("check-summary"));
        assertThat(summary.getAttribute("data-state")).isEqualTo("ok");
        assertThat(summary.getText()).startsWith("Verified").contains("signature: valid").contains(fingerprint);
        assertThat(stepTexts(steps)).anyMatch(t -> t.matches("Entries the figures are based on: [1-9][0-9,]*\\. .*"));
        browser.screenshot("check-en");
    }

    @Test
    void the_demo_bulletin_of_11_january_verifies_in_russian() {
        browser.open(node.base() + "/check?date=2021-01-11&lang=ru");
        List<WebElement> steps = finishedSteps();
        assertThat(steps).isNotEmpty().allSatisfy(s -> assertThat(s.getAttribute("data-state")).isEqualTo("ok"));
        WebElement summary = browser.driver.findElement(By.id("check-summary"));
        assertThat(summary.getAttribute("data-state")).isEqualTo("ok");
        assertThat(summary.getText()).startsWith("Проверено").contains(text("#server-fingerprint"));
        browser.screenshot("check-ru");
    }

    @Test
    void an_older_checkpoint_named_by_size_verifies_too() {
        // the first publication of 11 January, at an older checkpoint than the one its address serves by default
        long size = node.truce.publications().of(java.time.LocalDate.of(2021, 1, 11)).get(0).size();
        browser.open(node.base() + "/check?date=2021-01-11&lang=en&size=" + size);
        List<WebElement> steps = finishedSteps();
        assertThat(steps).allSatisfy(s -> assertThat(s.getAttribute("data-state")).isEqualTo("ok"));
        assertThat(browser.driver.findElement(By.id("check-summary")).getAttribute("data-state")).isEqualTo("ok");
        browser.screenshot("check-en-older-size");
    }

    @Test
    void a_key_that_is_not_the_operators_makes_the_signature_fail_visibly() {
        String origin = node.get("/api/v1/ledger/head").json().get("origin").asText();
        String otherKey = NodeKey.loadOrCreate(otherKeyDir, origin).verifierKey();
        browser.open(node.base() + "/check?date=2021-01-11&lang=en");
        finishedSteps();
        WebElement field = browser.driver.findElement(By.id("check-key"));
        field.clear();
        field.sendKeys(otherKey);
        browser.driver.findElement(By.id("check-run")).click();
        List<WebElement> steps = finishedSteps();
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.getAttribute("data-state")).isEqualTo("failed");
            assertThat(s.getText()).contains("signature is NOT valid for this key");
        });
        WebElement summary = browser.driver.findElement(By.id("check-summary"));
        assertThat(summary.getAttribute("data-state")).isEqualTo("failed");
        assertThat(summary.getText()).startsWith("NOT verified").doesNotContain(text("#server-fingerprint"));
        assertThat(browser.driver.getCurrentUrl()).contains("key=");
        browser.screenshot("check-en-wrong-key");
    }

    @Test
    void a_root_the_reader_holds_that_is_not_the_signed_one_fails_visibly() {
        browser.open(node.base() + "/check?date=2021-01-11&lang=ru&root=" + "ab".repeat(32));
        List<WebElement> steps = finishedSteps();
        assertThat(steps).filteredOn(s -> "failed".equals(s.getAttribute("data-state")))
                .singleElement().satisfies(s -> assertThat(s.getText()).contains("ab".repeat(32)));
        assertThat(browser.driver.findElement(By.id("check-summary")).getAttribute("data-state")).isEqualTo("failed");
        browser.screenshot("check-ru-wrong-root");
    }

    @Test
    void the_scripts_merkle_verification_agrees_with_the_rfc_6962_vectors() throws IOException {
        HttpServer server = vectorsServer();
        try {
            browser.open("http://localhost:" + server.getAddress().getPort() + "/vectors.html");
            browser.waiting(PATIENCE).until(d -> d.findElement(By.id("verdict")).getAttribute("data-done") != null);
            String verdict = text("#verdict");
            assertThat(verdict).isEqualTo("leaves 300 ok, roots ok, inclusion proofs 14 ok, tampered proofs 14 rejected, "
                    + "consistency proofs 12 ok, tampered 12 rejected, ct root ok");
        } finally {
            server.stop(0);
        }
    }

    /** Serves the test page, its script, the shared vectors and the application's check.js on one origin. */
    private static HttpServer vectorsServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        serve(server, "/vectors.html", "text/html", resource("/check/vectors.html"));
        serve(server, "/vectors.js", "text/javascript", resource("/check/vectors.js"));
        serve(server, "/check.js", "text/javascript", resource("/public/assets/check.js"));
        serve(server, "/rfc6962.json", "application/json", resource("/testvectors/rfc6962.json"));
        server.start();
        return server;
    }

    private static void serve(HttpServer server, String path, String type, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CheckPageBrowserTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("no resource " + name);
            return in.readAllBytes();
        }
    }

    private static List<WebElement> finishedSteps() {
        browser.waiting(PATIENCE).until(d -> "done".equals(d.findElement(By.id("check-form")).getAttribute("data-state")));
        browser.driver.executeScript("document.getElementById('check-results').scrollIntoView()");
        return browser.driver.findElements(By.cssSelector("#check-steps > li"));
    }

    private static List<String> stepTexts(List<WebElement> steps) {
        return steps.stream().map(s -> s.findElement(By.className("check-text")).getText()).toList();
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }
}
