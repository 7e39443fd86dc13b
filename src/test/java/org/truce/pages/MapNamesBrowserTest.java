package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * The map in a real browser shows every side's name of a contested place, in Armenian and in
 * Azerbaijani alike: the settlements' permanent labels and their popups read "Ստեփանակերտ / Khankendi"
 * and "Xankəndi / Stepanakert" (the language's own side's name first), never one side's name alone.
 * Screenshots: target/screenshots/map-names-hy.png, map-names-az.png and their popups.
 */
class MapNamesBrowserTest {
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

    private String label(String feature) {
        By css = By.cssSelector(".leaflet-tooltip.map-label.label-" + feature);
        return browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(css)).getDomProperty("textContent");
    }

    /** Opens the marker's popup and waits until it is that feature's (its first line is the display name). */
    private String popup(String feature, String display) {
        browser.driver.findElement(By.cssSelector("img.leaflet-marker-icon.f-" + feature)).sendKeys(Keys.ENTER);
        By first = By.cssSelector(".leaflet-popup-content strong");
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(first, display));
        // textContent: while the popup pans into view, part of it may still be clipped by the map's edge
        return browser.driver.findElement(By.cssSelector(".leaflet-popup-content")).getDomProperty("textContent");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hy | Ստեփանակերտ / Khankendi | Շուշի / Shusha",
            "az | Xankəndi / Stepanakert | Şuşa / Shushi"})
    void the_labels_and_popups_show_both_names_of_stepanakert_khankendi_and_shushi_shusha(String lang, String stepanakert, String shushi) {
        browser.open(node.base() + "/map?lang=" + lang + "&asOf=2021-01-05");
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("map"), "data-drawn-as-of", "2021-01-05"));
        assertThat(label("settlement-stepanakert-khankendi")).isEqualTo(stepanakert);
        assertThat(label("settlement-shusha-shushi")).isEqualTo(shushi);
        browser.driver.executeScript("document.getElementById('map').scrollIntoView()");
        browser.screenshot("map-names-" + lang);

        for (List<String> place : List.of(List.of("settlement-stepanakert-khankendi", stepanakert), List.of("settlement-shusha-shushi", shushi))) {
            String text = popup(place.get(0), place.get(1));
            assertThat(text).as(place.get(0) + " popup").startsWith(place.get(1));
            for (String name : place.get(1).split(" / ")) assertThat(text).as(place.get(0) + " popup").contains(name + " (");
            assertThat(text).as("bodies listed in the page's language").doesNotContain(" and ");
            browser.screenshot("map-names-" + lang + "-popup-" + place.get(0));
        }
    }
}
