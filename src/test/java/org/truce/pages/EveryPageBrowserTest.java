package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * Every public page, in every language, in a real browser: it renders in that language (the
 * {@code lang} of the document and a translated navigation), shows no error, and the browser logs no
 * script error or blocked resource (a CSP violation or a missing asset shows up there).
 */
class EveryPageBrowserTest {
    static final List<String> PUBLIC_PAGES = List.of("/", "/bulletins", "/bulletins/2021-01-11", "/map", "/figures",
            "/check?date=2021-01-11", "/feedback?date=2021-01-11", "/feedback/answers", "/signin", "/agreements", "/agreements/statement-2020-11-10",
            "/groups", "/groups/wg-trilateral-2021", "/sources", "/places", "/incidents");
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
    void every_public_page_renders_in_every_language_without_a_browser_error() {
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("en", "ru", "hy", "az", "de")) {
            for (String page : PUBLIC_PAGES) {
                String url = node.base() + page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
                browser.open(url);
                String htmlLang = browser.driver.findElement(By.tagName("html")).getAttribute("lang");
                if (!lang.equals(htmlLang)) problems.add(page + " in " + lang + ": html lang is " + htmlLang);
                if (browser.driver.findElements(By.cssSelector("nav.main")).isEmpty()) problems.add(page + " in " + lang + ": no navigation");
                for (LogEntry e : browser.driver.manage().logs().get(LogType.BROWSER)) {
                    if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                        problems.add(page + " in " + lang + ": " + e.getMessage());
                    }
                }
                browser.screenshot("page-" + lang + page.replaceAll("[^a-z0-9]+", "-"));
            }
        }
        assertThat(problems).isEmpty();
    }
}
