package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.truce.accounts.Role;
import org.truce.bulletin.Publication;
import org.truce.figures.Filed;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * The desk's day in a real browser, in Russian: a transcriber records a figure with a breakdown, a
 * number and a date written the Russian way, corrects it from its page, sees the old version point to
 * what replaced it, and retracts another with a reason; then the secretariat reviews the draft of the
 * day beside the last publication, publishes it, and finds it on the home page.
 */
class DeskDayBrowserTest {
    static final LocalDate DATE = LocalDate.of(2021, 1, 11);
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        node = TestNode.withDemo(dir);
        node.account("jmc", "ru-tr-joint-monitoring-centre", "transcriber", Role.TRANSCRIBER);
        node.account("jmc", "ru-tr-joint-monitoring-centre", "secretary", Role.SECRETARIAT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    private WebElement el(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private void type(String id, String text) {
        WebElement e = browser.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void waitFor(String css) {
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private void signIn(String username) {
        browser.signIn(node.base(), "ru", username, TestNode.PASSWORD);
    }

    /** Fills the report form for ANAMA's figure, as transcribed from its press release; submits; answers the report's id. */
    private String report(String metric, String value, String children, String attribution) {
        browser.open(node.base() + "/desk/reports/new");
        new Select(el("#f-source")).selectByValue("anama");
        new Select(el("#f-metric")).selectByValue(metric);
        if (children != null) type("f-breakdown-children", children);
        new Select(el("#f-place")).selectByValue("nk");
        type("f-value", value);
        type("f-asOf", "11.01.2021");
        type("f-attribution", attribution);
        type("f-document-title", "Пресс-релиз ANAMA");
        type("f-document-publisher", "ANAMA");
        return submitReport();
    }

    private String submitReport() {
        el("#form button[type=submit]").click();
        waitFor("p.result");
        String url = browser.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void a_transcriber_records_corrects_and_retracts_then_the_secretariat_publishes_the_day() {
        signIn("transcriber");
        browser.open(node.base() + "/desk/reports/new");
        // no body is chosen for the officer, and only the chosen metric's breakdowns show
        assertThat(new Select(el("#f-source")).getFirstSelectedOption().getAttribute("value")).isEmpty();
        new Select(el("#f-metric")).selectByValue("land_cleared");
        assertThat(el("#f-breakdown-children").isDisplayed()).isFalse();
        new Select(el("#f-metric")).selectByValue("medical_assistance");
        assertThat(el("#f-breakdown-children").isDisplayed()).isTrue();
        assertThat(new Select(el("#f-place")).getOptions().stream().map(WebElement::getText))
                .contains("Шуша / Шуши — город, Нагорный Карабах");

        String first = report("medical_assistance", "1 234,0", "56", "По данным ANAMA, помощь получили 1234 человека.");
        assertThat(el("p.result").getText()).contains("Сообщение внесено в реестр");
        assertThat(el("dd.breakdown").getText()).isEqualTo("56");
        Filed filed = node.truce.figures().report(first).orElseThrow();
        assertThat(filed.report().value()).isEqualByComparingTo("1234");
        assertThat(filed.report().asOf()).isEqualTo(DATE);
        assertThat(filed.report().breakdown()).containsEntry("children", new BigDecimal("56"));
        browser.screenshot("desk-day-recorded-ru");

        el("a.correct").click();
        waitFor("input[name=corrects]");
        assertThat(el("h1").getText()).isEqualTo("Исправить сообщение");
        assertThat(browser.driver.findElement(By.id("f-value")).getAttribute("value")).isEqualTo("1234");
        assertThat(browser.driver.findElement(By.id("f-breakdown-children")).getAttribute("value")).isEqualTo("56");
        type("f-value", "1 240");
        browser.screenshot("desk-day-correct-ru");
        String correction = submitReport();
        assertThat(correction).isNotEqualTo(first);
        assertThat(node.truce.figures().report(correction).orElseThrow().report().value()).isEqualByComparingTo("1240");
        assertThat(el("p.replaces").getText()).contains("Эта версия заменяет более раннюю");

        el("p.replaces a").click();
        waitFor("p.replaced-by");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/desk/reports/" + first);
        assertThat(el("p.replaced-by").getText()).contains("Эта версия заменена исправлением");
        assertThat(el("p.replaced-by a").getAttribute("href")).endsWith("/desk/reports/" + correction);
        assertThat(browser.driver.findElements(By.cssSelector("a.correct"))).isEmpty();
        browser.screenshot("desk-day-replaced-ru");

        String second = report("land_cleared", "12,5", null, "По данным ANAMA, очищено 12,5 га.");
        type("f-retraction-reason", "Цифра относилась к другому району");
        el("form.retract button").click();
        waitFor("p.retracted-by");
        assertThat(el("p.retracted-by").getText()).contains("Эта версия отозвана");
        assertThat(el("p.retraction-reason").getText()).contains("Цифра относилась к другому району");
        assertThat(node.truce.figures().report(second).orElseThrow().current()).isFalse();
        browser.screenshot("desk-day-retracted-ru");

        signIn("secretary");
        int before = node.truce.publications().all().size();
        browser.open(node.base() + "/desk/publish");
        type("f-date", "11.01.2021");
        el("form.pick-date button").click();
        waitFor("table.comparison");
        assertThat(el("p.base").getText()).startsWith("Сравнение с публикацией на эту дату");
        assertThat(browser.driver.findElements(By.cssSelector("table.comparison tr.changed"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("ul.changes li.change"))).isNotEmpty();
        assertThat(el("table.comparison tr.changed td.after").getText()).isNotBlank();
        browser.screenshot("desk-day-publish-ru");
        new org.openqa.selenium.interactions.Actions(browser.driver).scrollToElement(el("form.publish button")).perform();
        browser.screenshot("desk-day-publish-table-ru");

        el("form.publish button").click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(node.base() + "/"));
        assertThat(node.truce.publications().all()).hasSize(before + 1);
        Publication published = node.truce.publications().newest().orElseThrow();
        assertThat(published.date()).isEqualTo(DATE);
        WebElement bulletin = el("article.bulletin");
        assertThat(bulletin.getAttribute("data-date")).isEqualTo("2021-01-11");
        assertThat(el("header.masthead").getAttribute("data-number")).isEqualTo(Integer.toString(node.truce.publications().number(published)));
        browser.screenshot("desk-day-home-ru");
    }
}
