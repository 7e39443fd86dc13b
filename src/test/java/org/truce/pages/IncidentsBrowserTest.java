package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/** The public incidents page in a real browser: the accounts of one incident stand in columns side by side. */
class IncidentsBrowserTest {
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
    void the_accounts_of_an_incident_stand_side_by_side_in_every_language() throws Exception {
        for (String lang : List.of("en", "ru", "hy", "az", "de")) {
            browser.open(node.base() + "/incidents?date=2021-02-10&lang=" + lang);
            WebElement first = browser.driver.findElement(By.cssSelector("article.incident"));
            List<WebElement> accounts = first.findElements(By.cssSelector("section.account"));
            assertThat(accounts).hasSize(2);
            // side by side: the same top, the second to the right of the first
            assertThat(accounts.get(1).getLocation().getY()).isEqualTo(accounts.get(0).getLocation().getY());
            assertThat(accounts.get(1).getLocation().getX()).isGreaterThan(accounts.get(0).getLocation().getX());
            assertThat(browser.driver.findElements(By.cssSelector("li.nil-report"))).hasSize(1);
            Path shot = browser.screenshot("incidents-" + lang);
            assertThat(Files.size(shot)).isPositive();
        }
    }
}
