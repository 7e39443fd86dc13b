package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.truce.accounts.FourEyes;
import org.truce.accounts.Role;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * Four eyes in a real browser: a transcriber records a figure in another body's name through the
 * desk's form; the draft bulletin leaves it out until a second account confirms it on the worklist;
 * the transcriber corrects it from its page, the correction waits in turn while the confirmed figure
 * stands, a second account confirms it on its page, and the secretariat publishes the date from the
 * desk and finds it on the home page.
 */
class FourEyesBrowserTest {
    private static final String DRAFT = "/api/v1/bulletins/2021-01-20?format=html&lang=en";
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        node = new TestNode(dir, null, true, Map.of(FourEyes.ENV, "another-account"));
        node.account("secretariat", "joint-record-secretariat", "clerk-a", Role.TRANSCRIBER);
        node.account("secretariat", "joint-record-secretariat", "editor-b", Role.TRANSCRIBER, Role.SECRETARIAT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private void signIn(String username) {
        browser.signIn(node.base(), "en", username, TestNode.PASSWORD);
    }

    private void set(String id, String value) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    @Test
    void a_transcribed_figure_stays_out_of_the_draft_until_a_second_account_confirms_it() {
        signIn("clerk-a");
        browser.open(node.base() + "/desk/reports/new");
        new Select(browser.driver.findElement(By.id("f-source"))).selectByValue("ru-peacekeepers");
        new Select(browser.driver.findElement(By.id("f-metric"))).selectByValue("medical_assistance");
        new Select(browser.driver.findElement(By.id("f-place"))).selectByValue("nk");
        set("f-value", "1447");
        set("f-asOf", "2021-01-20");
        browser.driver.findElement(By.id("f-attribution")).sendKeys("Russian military medics assisted 1,447 residents.");
        browser.driver.findElement(By.id("f-document-title")).sendKeys("Briefing of 20 January 2021");
        browser.driver.findElement(By.id("f-document-publisher")).sendKeys("Russian Ministry of Defence");
        set("f-document-date", "2021-01-20");
        browser.driver.findElement(By.cssSelector("#form button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.result")));
        String reportUrl = browser.driver.getCurrentUrl();
        String id = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);

        browser.open(node.base() + DRAFT);
        assertThat(browser.driver.getPageSource()).doesNotContain("1,447");
        browser.open(node.base() + "/desk");
        assertThat(text("#review-" + id)).contains("Another account must review this figure");
        assertThat(browser.driver.findElements(By.cssSelector("#review-" + id + " button.confirm"))).isEmpty();
        browser.screenshot("four-eyes-awaiting-en");

        signIn("editor-b");
        browser.open(node.base() + "/desk");
        browser.screenshot("four-eyes-worklist-en");
        browser.driver.findElement(By.cssSelector("#review-" + id + " button.confirm")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#review"));
        assertThat(browser.driver.findElements(By.id("review-" + id))).isEmpty();
        browser.open(node.base() + DRAFT);
        assertThat(browser.driver.getPageSource()).contains("1,447");
        browser.screenshot("four-eyes-confirmed-draft-en");

        // the transcriber corrects it from its page; the correction waits, and the confirmed figure stands
        signIn("clerk-a");
        browser.open(node.base() + "/desk/reports/" + id);
        assertThat(text("#review h2")).isEqualTo("Confirmed by a second account");
        browser.driver.findElement(By.cssSelector("a.correct")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=corrects]")));
        set("f-value", "1452");
        set("f-attribution", "Russian military medics assisted 1,452 residents.");
        browser.driver.findElement(By.cssSelector("#form button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.result")));
        String correctionUrl = browser.driver.getCurrentUrl();
        assertThat(text("#review h2")).isEqualTo("Awaiting review: this figure counts nowhere yet");
        assertThat(text("p.replaces")).isNotBlank();
        browser.open(node.base() + DRAFT);
        assertThat(browser.driver.getPageSource()).contains("1,447").doesNotContain("1,452");

        signIn("editor-b");
        browser.open(correctionUrl);
        browser.driver.findElement(By.cssSelector("#review button.confirm")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.cssSelector("#review h2"), "Confirmed by a second account"));
        browser.open(node.base() + DRAFT);
        assertThat(browser.driver.getPageSource()).contains("1,452").doesNotContain("1,447");

        // the secretariat publishes the date from the desk, the draft beside the last publication
        int before = node.truce.publications().all().size();
        browser.open(node.base() + "/desk/publish");
        set("f-date", "2021-01-20");
        browser.driver.findElement(By.cssSelector("form.pick-date button")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.comparison")));
        assertThat(browser.driver.findElements(By.cssSelector("table.comparison tr.changed"))).isNotEmpty();
        browser.screenshot("four-eyes-publish-en");
        browser.driver.findElement(By.cssSelector("form.publish button")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(node.base() + "/"));
        assertThat(node.truce.publications().all()).hasSize(before + 1);
        assertThat(browser.driver.findElement(By.cssSelector("article.bulletin")).getAttribute("data-date")).isEqualTo("2021-01-20");
        assertThat(text("article.bulletin")).contains("1,452");
        browser.screenshot("four-eyes-published-home-en");
    }
}
