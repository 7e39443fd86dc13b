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
import org.truce.support.Browser;
import org.truce.support.TestNode;

/** The figures page in a real browser: a uPlot chart per metric, one series per reporting body. */
class FiguresBrowserTest {
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

    /** Waits until every chart is drawn; returns the number of metrics. */
    private int chartsDrawn() {
        int metrics = browser.driver.findElements(By.cssSelector("section.metric")).size();
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".chart[data-series]")).size() == metrics);
        return metrics;
    }

    private List<String> legend(String metric) {
        return browser.driver.findElements(By.cssSelector("#metric-" + metric + " .u-legend .u-series .u-label")).stream()
                .map(WebElement::getText).skip(1).toList();
    }

    @Test
    void a_chart_per_metric_with_one_series_per_body() {
        browser.open(node.base() + "/figures?lang=en");
        int metrics = chartsDrawn();
        assertThat(metrics).isEqualTo(6);
        assertThat(browser.driver.findElements(By.cssSelector("section.metric canvas"))).hasSize(metrics);
        for (WebElement section : browser.driver.findElements(By.cssSelector("section.metric"))) {
            assertThat(section.findElements(By.tagName("canvas"))).as(section.getAttribute("id")).hasSize(1);
        }
        assertThat(legend("land_cleared")).containsExactly("Russia (the carrier names no body)");
        assertThat(legend("returnees")).containsExactly("The Russian Defence Ministry", "The President of Russia",
                "Russia (the carrier names no body)");
        assertThat(browser.driver.findElement(By.cssSelector("#metric-returnees .chart")).getAttribute("data-series")).isEqualTo("3");
        browser.screenshot("figures-en");
    }

    @Test
    void the_legend_names_the_bodies_in_the_readers_language() {
        browser.open(node.base() + "/figures?lang=ru&place=nk");
        chartsDrawn();
        assertThat(legend("land_cleared")).containsExactly("Россия (издание не называет орган)");
        assertThat(browser.driver.findElement(By.cssSelector("#metric-land_cleared h3")).getText())
                .isEqualTo("Территория, очищенная от мин и взрывоопасных предметов");
        browser.screenshot("figures-ru");
    }
}
