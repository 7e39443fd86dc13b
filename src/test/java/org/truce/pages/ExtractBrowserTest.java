package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.truce.accounts.Role;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * Figures from a text, in a real browser: a transcriber pastes a Russian briefing paragraph, sees its
 * three figures proposed with their sentences marked, records the first as it is, fills in the date
 * the second's sentence does not give and records it, rejects the third, and finds the two reports
 * recorded with their sentences as quotes (and nothing else).
 */
class ExtractBrowserTest {
    // the total first: no sentence before it says its day, so the transcriber fills it in
    static final String PARAGRAPH = "Всего с 14 ноября в Нагорный Карабах вернулись более 27 000 человек, по данным Министерства обороны России. "
            + "За сутки из Еревана в Степанакерт вернулись 1 168 беженцев, по данным Министерства обороны России. "
            + "Российские военные медики оказали медицинскую помощь 150 жителям, по данным Министерства обороны России.";
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        node = TestNode.withDemo(dir.resolve("node"));
        node.account("unhcr", "unhcr", "tr-officer", Role.TRANSCRIBER);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    private WebElement card(int n) {
        return browser.driver.findElement(By.id("proposal-" + n));
    }

    private void waitForCards() {
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("proposals-title")));
    }

    @Test
    void a_transcriber_records_two_proposals_of_a_russian_paragraph_one_edited_and_rejects_the_third() {
        browser.signIn(node.base(), "ru", "tr-officer", TestNode.PASSWORD);
        browser.open(node.base() + "/desk/extract");
        browser.driver.findElement(By.id("f-text")).sendKeys(PARAGRAPH);
        browser.driver.findElement(By.id("f-document-title")).sendKeys("Брифинг Министерства обороны России");
        browser.driver.findElement(By.id("f-document-publisher")).sendKeys("Министерство обороны России");
        var date = browser.driver.findElement(By.id("f-document-date"));
        date.clear();
        date.sendKeys("2020-12-02");
        browser.driver.findElement(By.cssSelector("#extract button[type=submit]")).click();
        waitForCards();
        assertThat(browser.driver.findElements(By.cssSelector("form.proposal"))).hasSize(3);
        assertThat(browser.driver.findElements(By.cssSelector(".source-text mark"))).hasSize(3);
        assertThat(card(2).findElement(By.id("p2-value")).getAttribute("value")).isEqualTo("1168");
        assertThat(card(2).getText()).contains("по данным").contains("1 168");
        assertThat(card(1).findElement(By.id("p1-asOf")).getAttribute("value")).isEmpty();
        assertThat(card(1).findElements(By.cssSelector(".undecided-note"))).isNotEmpty();
        browser.screenshot("extract-proposals-ru");

        card(2).findElement(By.cssSelector("button.record")).click();
        waitForCards();
        assertThat(browser.driver.findElement(By.id("notice")).getText()).isEqualTo("Цифра записана.");
        assertThat(card(2).getAttribute("class")).contains("recorded");

        card(1).findElement(By.id("p1-asOf")).sendKeys("02.12.2020");
        card(1).findElement(By.cssSelector("button.record")).click();
        waitForCards();
        assertThat(card(1).getAttribute("class")).contains("recorded");

        card(3).findElement(By.cssSelector("button.reject")).click();
        waitForCards();
        assertThat(browser.driver.findElements(By.cssSelector("form.proposal"))).hasSize(2);
        browser.screenshot("extract-recorded-ru");

        JsonNode reports = node.get("/api/v1/reports?source=ru-defence-ministry&from=2020-12-02&to=2020-12-02").json().get("items");
        assertThat(reports).hasSize(2);
        List<String> quotes = List.of(reports.get(0).get("attribution").asText(), reports.get(1).get("attribution").asText());
        assertThat(quotes).containsExactlyInAnyOrder(
                "За сутки из Еревана в Степанакерт вернулись 1 168 беженцев, по данным Министерства обороны России.",
                "Всего с 14 ноября в Нагорный Карабах вернулись более 27 000 человек, по данным Министерства обороны России.");
        assertThat(node.get("/api/v1/reports?metric=medical_assistance&source=ru-defence-ministry").json().get("items")).isEmpty();
    }
}
