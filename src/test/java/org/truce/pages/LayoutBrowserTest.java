package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.truce.support.Browser;
import org.truce.support.TestNode;

class LayoutBrowserTest {
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
    void the_language_switcher_changes_the_page_language_and_keeps_it() {
        browser.open(node.base() + "/?lang=ru");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
        assertThat(browser.driver.findElement(By.cssSelector("nav.main")).getText()).contains("Архив");
        browser.screenshot("layout-ru");
        browser.driver.findElement(By.cssSelector("nav.languages a[hreflang=en]")).click();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.open(node.base() + "/");
        assertThat(browser.driver.findElement(By.cssSelector("nav.main")).getText()).contains("Archive");
        browser.screenshot("layout-en");
    }
}
