package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.truce.accounts.Role;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/** The desk in a real browser: sign in through the form, the dashboard, the report form's error and receipt, the record's pages. */
class DeskBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        node = TestNode.withDemo(dir);
        node.account("anama", "anama", "field-lead", Role.REPORTER, Role.VERIFIER, Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void a_reporter_signs_in_reports_with_an_error_then_validly_and_reads_the_record_in_two_languages() {
        browser.open(node.base() + "/signin?lang=en");
        browser.screenshot("desk-signin-en");
        browser.driver.findElement(By.id("username")).sendKeys("field-lead");
        browser.driver.findElement(By.id("password")).sendKeys(TestNode.PASSWORD);
        browser.driver.findElement(By.cssSelector("form.signin button")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account"));
        assertThat(text("main h1")).isEqualTo("Your account");

        browser.open(node.base() + "/desk");
        assertThat(text("main h1")).isEqualTo("Desk");
        assertThat(text("#awaiting")).contains("Incidents awaiting a finding");
        browser.screenshot("desk-dashboard-en");

        browser.open(node.base() + "/desk/reports/new");
        // the form chooses no body for the officer
        new Select(browser.driver.findElement(By.id("f-source"))).selectByValue("anama");
        new Select(browser.driver.findElement(By.id("f-metric"))).selectByValue("medical_assistance");
        new Select(browser.driver.findElement(By.id("f-place"))).selectByValue("nk");
        browser.driver.findElement(By.id("f-attribution")).sendKeys("According to ANAMA, 40 people received first aid.");
        browser.driver.findElement(By.cssSelector("#form button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(text(".field-error label")).isEqualTo("Value (required)");
        assertThat(text("#f-value-error")).endsWith("is required");
        assertThat(browser.driver.findElement(By.cssSelector(".error-summary a")).getAttribute("href")).endsWith("#f-value");
        browser.screenshot("desk-report-error-en");

        browser.driver.findElement(By.id("f-value")).sendKeys("40");
        browser.driver.findElement(By.cssSelector("#form button[type=submit]")).click();
        // the form's own address also contains /desk/reports/: wait for the page of the record itself
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.result")));
        assertThat(text("p.result")).contains("The report is in the ledger as entry");
        // the form says paraphrase unless told otherwise: the words are not printed as a quotation
        assertThat(text("p.attribution")).isEqualTo("According to ANAMA, 40 people received first aid.");
        assertThat(text("dd.attribution-kind")).isEqualTo("Paraphrase: a summary in other words");
        browser.screenshot("desk-report-recorded-en");

        browser.open(node.base() + "/desk/review");
        assertThat(text("main h1")).isEqualTo("Review queue");
        assertThat(browser.driver.findElements(By.cssSelector("form[action='/desk/review/steps']"))).isNotEmpty();
        browser.screenshot("desk-review-en");

        browser.open(node.base() + "/agreements/statement-2020-11-10");
        assertThat(browser.driver.findElements(By.cssSelector("table.versions tr.differs"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("ol.timeline li"))).isNotEmpty();
        browser.screenshot("desk-agreement-en");

        browser.open(node.base() + "/groups/wg-trilateral-2021");
        assertThat(text("main")).contains("Meetings");
        browser.screenshot("desk-group-en");

        browser.open(node.base() + "/places");
        assertThat(browser.driver.findElements(By.cssSelector("section.place table.names"))).isNotEmpty();
        browser.screenshot("desk-places-en");

        browser.open(node.base() + "/desk?lang=ru");
        assertThat(text("main h1")).isEqualTo("Рабочее место");
        browser.screenshot("desk-dashboard-ru");
        browser.open(node.base() + "/desk/reports/new");
        browser.driver.findElement(By.cssSelector("#form button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(text(".error-summary h2")).isEqualTo("Обнаружена проблема");
        browser.screenshot("desk-report-error-ru");
        browser.open(node.base() + "/desk/review");
        assertThat(text("main h1")).isEqualTo("Очередь проверки");
        browser.screenshot("desk-review-ru");
        browser.open(node.base() + "/agreements/statement-2021-01-11");
        assertThat(text("main")).contains("Сроки");
        browser.screenshot("desk-agreement-ru");
        browser.open(node.base() + "/groups/wg-trilateral-2021");
        assertThat(text("main")).contains("Заседания");
        browser.screenshot("desk-group-ru");
        browser.open(node.base() + "/places");
        assertThat(text("main h1")).isEqualTo("Населённые пункты и места");
        browser.screenshot("desk-places-ru");
    }
}
