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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.truce.support.Browser;
import org.truce.support.TestNode;
import org.truce.web.Language;

/** The public bulletin pages in a real browser: home in every language, the archive, a bulletin and its evidence. */
class PublicBulletinBrowserTest {
    @TempDir
    static Path dir;
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
    void the_home_page_shows_the_11_january_2021_bulletin_in_each_of_the_five_languages() {
        for (Language l : Language.values()) {
            browser.open(node.base() + "/?lang=" + l.code());
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(l.code());
            WebElement bulletin = browser.driver.findElement(By.cssSelector("article.bulletin"));
            assertThat(bulletin.getAttribute("data-date")).isEqualTo("2021-01-11");
            assertThat(bulletin.getAttribute("data-published")).isEqualTo("true");
            assertThat(bulletin.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(bulletin.findElements(By.cssSelector("section.theme"))).hasSizeGreaterThanOrEqualTo(4);
            assertThat(bulletin.findElement(By.cssSelector("footer.checkpoint a[href^='/check?date=2021-01-11&size=']")).isDisplayed()).isTrue();
            browser.screenshot("public-home-" + l.code());
        }
    }

    @Test
    void the_archive_and_a_bulletin_read_in_two_languages_and_a_figure_links_its_ledger_entry() {
        for (String lang : List.of("en", "ru")) {
            browser.open(node.base() + "/bulletins?lang=" + lang);
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.archive tbody tr"));
            assertThat(rows).hasSize(8);
            assertThat(rows.get(0).getAttribute("data-date")).isEqualTo("2021-01-11");
            browser.screenshot("public-archive-" + lang);
            rows.get(1).findElement(By.cssSelector("a")).click();
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/bulletins/2020-12-21"));
            WebElement bulletin = browser.driver.findElement(By.cssSelector("article.bulletin"));
            assertThat(bulletin.getAttribute("data-date")).isEqualTo("2020-12-21");
            assertThat(bulletin.getAttribute("lang")).isEqualTo(lang);
            browser.screenshot("public-bulletin-" + lang);
        }
        WebElement entry = browser.driver.findElement(By.cssSelector("li.figure a.entry"));
        String seq = entry.getAttribute("data-seq");
        entry.click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/api/v1/ledger/entries?from=" + seq));
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("\"seq\":" + seq).contains("report.filed");
    }
}
