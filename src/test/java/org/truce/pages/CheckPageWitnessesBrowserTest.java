package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.truce.cli.DemoWitnesses;
import org.truce.ledger.CosignerKey;
import org.truce.support.Browser;
import org.truce.support.TamperingProxy;
import org.truce.support.TestNode;

/**
 * The check page's witness step in a real browser (headless Chromium): the demo node with its three
 * witnesses (real witness servers over HTTP) passes with 3 of 3 valid cosignatures and a consistency
 * proof from the bulletin's checkpoint; a witness key the witnesses do not hold, with a quorum the
 * rest cannot meet, fails visibly, naming the witness and the count. Through a proxy that alters one
 * byte of one witness's cosignature (still base64, no longer valid), that cosignature is named NOT
 * valid; the other two still meet a quorum of 2, and a quorum of 3 fails visibly.
 */
class CheckPageWitnessesBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    @TempDir
    static Path strangerDir;
    static TestNode node;
    static DemoWitnesses witnesses;
    static Browser browser;
    /** The node, with party B's cosignature line of the witnessed checkpoint altered by one byte of its signature. */
    static TamperingProxy lying;

    @BeforeAll
    static void start() throws InterruptedException, java.io.IOException {
        browser = Browser.start();
        node = TestNode.withDemo(dir);
        witnesses = DemoWitnesses.start(dir, node.truce.ledger());
        node.truce.witnessedBy(witnesses.witnesses());
        long size = node.truce.ledger().size();
        assertThat(node.truce.cosigning().awaitCosigned(size, 3, PATIENCE)).as("three cosignatures of size " + size).isPresent();
        lying = TamperingProxy.start(node.base(), (path, answer) -> path.startsWith("/api/v1/ledger/checkpoint")
                ? new TamperingProxy.Answer(answer.status(), answer.contentType(), tampered(answer.body(), "party-b-illustrative"))
                : answer);
    }

    /** The note with the last byte of the named witness's signature flipped: a well-formed line that does not verify. */
    private static byte[] tampered(byte[] note, String witness) {
        String prefix = "— demo.truce.example/witness/" + witness + " ";
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (String line : new String(note, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith(prefix)) {
                byte[] blob = java.util.Base64.getDecoder().decode(line.substring(prefix.length()));
                blob[blob.length - 1] ^= 0x01;
                line = prefix + java.util.Base64.getEncoder().encodeToString(blob);
                found = true;
            }
            out.append(line).append('\n');
        }
        assertThat(found).as("a cosignature line of " + witness + " in the checkpoint").isTrue();
        return out.substring(0, out.length() - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (lying != null) lying.close();
        if (node != null) node.close();
        if (witnesses != null) witnesses.close();
    }

    @Test
    void three_of_three_witnesses_cosigned_and_the_bulletin_is_part_of_the_witnessed_tree() {
        browser.open(node.base() + "/check?date=2021-01-11&lang=en");
        List<WebElement> steps = finishedSteps();
        assertThat(steps).isNotEmpty().allSatisfy(s -> assertThat(s.getAttribute("data-state")).as(s.getText()).isEqualTo("ok"));
        List<String> texts = steps.stream().map(WebElement::getText).toList();
        // each witness is named by the body it speaks for, in the reader's language
        for (String body : List.of("Party A (illustrative)", "Party B (illustrative)", "Monitoring body (illustrative)")) {
            assertThat(texts).anyMatch(t -> t.contains("Witness " + body + " cosigned the checkpoint of size"));
        }
        assertThat(texts).anyMatch(t -> t.contains("Valid cosignatures: 3 of 3 witnesses; required: 2."));
        assertThat(texts).anyMatch(t -> t.contains("is part of the witnessed tree") && t.contains("the consistency proof is valid"));
        assertThat(browser.driver.findElement(By.id("check-summary")).getAttribute("data-state")).isEqualTo("ok");
        assertThat(browser.driver.findElement(By.id("witnesses")).getText())
                .contains("Monitoring body (illustrative)", "demo.truce.example/witness/monitor-illustrative+");
        browser.screenshot("check-en-witnessed");
    }

    @Test
    void a_russian_reader_sees_the_witnesses_by_their_russian_names() {
        browser.open(node.base() + "/check?date=2021-01-11&lang=ru");
        List<WebElement> steps = finishedSteps();
        assertThat(steps).allSatisfy(s -> assertThat(s.getAttribute("data-state")).as(s.getText()).isEqualTo("ok"));
        assertThat(steps.stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.contains("Свидетель Наблюдательный орган (условный пример) заверил"));
        browser.screenshot("check-ru-witnessed");
    }

    @Test
    void a_witness_key_nobody_cosigned_with_fails_visibly_and_the_quorum_is_not_met() {
        String real = witnesses.witnesses().witnesses().get(0).cosigner().verifierKey();
        String stranger = CosignerKey.loadOrCreate(strangerDir, "demo.truce.example/witness/party-b-illustrative").verifierKey();
        browser.open(node.base() + "/check?date=2021-01-11&lang=en&quorum=2&witnesses="
                + java.net.URLEncoder.encode(real + "\n" + stranger, java.nio.charset.StandardCharsets.UTF_8));
        List<WebElement> steps = finishedSteps();
        List<String> failed = steps.stream().filter(s -> "failed".equals(s.getAttribute("data-state"))).map(WebElement::getText).toList();
        assertThat(failed).anyMatch(t -> t.contains("Witness demo.truce.example/witness/party-b-illustrative: there is no cosignature"));
        assertThat(failed).anyMatch(t -> t.contains("Valid cosignatures: 1 of 2 witnesses; required: 2. NOT enough."));
        assertThat(browser.driver.findElement(By.id("check-summary")).getAttribute("data-state")).isEqualTo("failed");
        browser.screenshot("check-en-witness-missing");
    }

    @Test
    void a_cosignature_altered_by_one_byte_is_named_not_valid_and_the_two_others_still_meet_a_quorum_of_two() {
        browser.open(lying.base() + "/check?date=2021-01-11&lang=en");
        List<WebElement> steps = finishedSteps();
        assertThat(lying.changed()).isPositive();
        List<String> failed = steps.stream().filter(s -> "failed".equals(s.getAttribute("data-state"))).map(WebElement::getText).toList();
        assertThat(failed).singleElement().satisfies(t -> assertThat(t)
                .contains("Witness Party B (illustrative): its cosignature of the checkpoint of size").endsWith(" is NOT valid."));
        List<String> ok = steps.stream().filter(s -> "ok".equals(s.getAttribute("data-state"))).map(WebElement::getText).toList();
        assertThat(ok).anyMatch(t -> t.contains("Valid cosignatures: 2 of 3 witnesses; required: 2."));
        // k of n: a quorum met by the others accepts the checkpoint, the bad line stays shown as failed
        assertThat(browser.driver.findElement(By.id("check-summary")).getAttribute("data-state")).isEqualTo("ok");
        browser.screenshot("check-en-witness-bad");
    }

    @Test
    void a_cosignature_altered_by_one_byte_leaves_a_quorum_of_three_unmet_and_the_check_fails_visibly() {
        browser.open(lying.base() + "/check?date=2021-01-11&lang=en&quorum=3");
        List<WebElement> steps = finishedSteps();
        List<String> failed = steps.stream().filter(s -> "failed".equals(s.getAttribute("data-state"))).map(WebElement::getText).toList();
        assertThat(failed).anyMatch(t -> t.contains("Witness Party B (illustrative): its cosignature of the checkpoint of size")
                && t.endsWith(" is NOT valid."));
        assertThat(failed).anyMatch(t -> t.contains("Valid cosignatures: 2 of 3 witnesses; required: 3. NOT enough."));
        assertThat(browser.driver.findElement(By.id("check-summary")).getAttribute("data-state")).isEqualTo("failed");
        browser.screenshot("check-en-witness-bad-quorum");
    }

    private static List<WebElement> finishedSteps() {
        browser.waiting(PATIENCE).until(d -> "done".equals(d.findElement(By.id("check-form")).getAttribute("data-state")));
        browser.driver.executeScript("document.getElementById('check-results').scrollIntoView()");
        return browser.driver.findElements(By.cssSelector("#check-steps > li"));
    }
}
