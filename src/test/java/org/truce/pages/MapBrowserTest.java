package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * The map page in a real browser: the layers drawn by Leaflet over the country outlines, the date
 * slider redrawing them (the demo's Kalbajar handover of 25 November 2020 and the end of the line of
 * contact of 10 November), marker images loading under the CSP, illustrative features labelled.
 */
class MapBrowserTest {
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

    private WebElement map() {
        return browser.driver.findElement(By.id("map"));
    }

    private void drawnAsOf(String day) {
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("map"), "data-drawn-as-of", day));
    }

    /** Markers overlap at this zoom, so the marker is opened from the keyboard (Leaflet markers take Enter). */
    private void click(String css) {
        browser.driver.findElement(By.cssSelector(css)).sendKeys(Keys.ENTER);
    }

    private int count(String css) {
        return browser.driver.findElements(By.cssSelector(css)).size();
    }

    @Test
    void moving_the_date_slider_redraws_the_layers_of_that_day() {
        browser.open(node.base() + "/map?lang=en&asOf=2020-12-01");
        drawnAsOf("2020-12-01");
        assertThat(count("path.f-zone-kalbajar-handover")).isEqualTo(1);
        WebElement slider = browser.driver.findElement(By.id("map-date"));
        slider.sendKeys(Keys.HOME);
        drawnAsOf("2020-11-10");
        assertThat(browser.driver.findElement(By.id("map-date-value")).getText()).isEqualTo("As of 10 November 2020");
        assertThat(map().getAttribute("data-count-zones")).isEqualTo("4");
        assertThat(count("path.layer-zones")).isEqualTo(4);
        assertThat(count("path.f-zone-kalbajar-pre-handover")).isEqualTo(1);
        assertThat(count("path.f-zone-kalbajar-handover")).isZero();
        assertThat(map().getAttribute("data-count-lines")).isEqualTo("4");
        assertThat(count("path.f-line-of-contact-2020-11-10")).isEqualTo(1);
        assertThat(browser.driver.findElement(By.id("asOf")).getAttribute("value")).isEqualTo("2020-11-10");
        assertThat(browser.driver.findElement(By.id("map-tables-stale")).isDisplayed()).isTrue();
        browser.screenshot("map-en-2020-11-10");

        slider.sendKeys(Keys.END);
        drawnAsOf("2021-01-05");
        assertThat(count("path.f-zone-kalbajar-pre-handover")).isZero();
        assertThat(count("path.f-zone-kalbajar-handover")).isEqualTo(1);
        assertThat(count("path.f-line-of-contact-2020-11-10")).isZero();
        assertThat(map().getAttribute("data-count-lines")).isEqualTo("3");
        assertThat(map().getAttribute("data-count-cleared")).isEqualTo("1");
        assertThat(count("path.layer-cleared")).isEqualTo(1);
        browser.screenshot("map-en-2021-01-05");
    }

    @Test
    void markers_and_country_outlines_draw_and_illustrative_features_are_labelled() {
        browser.open(node.base() + "/map?lang=en&asOf=2021-01-05");
        drawnAsOf("2021-01-05");
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("map"), "data-countries", "6"));
        int points = Integer.parseInt(map().getAttribute("data-count-points"));
        int sites = Integer.parseInt(map().getAttribute("data-count-sites"));
        assertThat(points).isEqualTo(11);
        assertThat(sites).isEqualTo(7);
        assertThat(count("img.leaflet-marker-icon")).isEqualTo(points + sites);
        Object width = browser.driver.executeScript(
                "var i = document.querySelector('img.leaflet-marker-icon'); return i.complete ? i.naturalWidth : -1;");
        assertThat(((Number) width).intValue()).as("the marker image loaded").isEqualTo(25);
        assertThat(count("path.countries")).isGreaterThanOrEqualTo(6);
        assertThat(browser.driver.findElement(By.id("map-illustrative")).isDisplayed()).isTrue();
        assertThat(count("path.illustrative")).isGreaterThan(0);

        click("img.leaflet-marker-icon.f-checkpoint-lachin-corridor");
        WebElement popup = browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content .illustrative-label")));
        assertThat(popup.getText()).isEqualTo("Illustrative, not authoritative.");
        assertThat(browser.driver.findElement(By.cssSelector(".leaflet-popup-content")).getText())
                .contains("Lachin corridor checkpoint (illustrative)").contains("Recorded by: The Truce demo dataset");
        browser.screenshot("map-en-popup");
    }

    @Test
    void the_map_reads_in_russian_with_each_sides_names_in_the_popups() {
        browser.open(node.base() + "/map?lang=ru&asOf=2021-01-05");
        drawnAsOf("2021-01-05");
        assertThat(browser.driver.findElement(By.cssSelector(".leaflet-control-layers")).getText())
                .contains("Районы контроля и административные единицы").contains("Объекты культурного наследия");
        // the server's ICU long date; its spaces may be no-break ones
        assertThat(browser.driver.findElement(By.id("map-date-value")).getText().replaceAll("[\\s\\u00a0\\u202f]+", " "))
                .isEqualTo("На 5 января 2021 г.");
        click("img.leaflet-marker-icon.f-heritage-dadivank");
        WebElement popup = browser.waiting(Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        // textContent: while the popup pans into view, part of it may still be clipped by the map's edge
        assertThat(popup.getDomProperty("textContent")).contains("Дадиванк").contains("Объект культурного наследия");
        browser.screenshot("map-ru");
    }
}
