package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.truce.accounts.Role;
import org.truce.ledger.BodyKeys;
import org.truce.ledger.Entry;
import org.truce.support.BodySigner;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * The desk signs in the body's own name in a real browser: the node refuses the unsigned report and
 * names the bytes, the page signs them with Web Crypto (Ed25519) using a private key file the user
 * picks, and only the signature travels; the report is then recorded as signed by the body.
 */
class DeskSigningBrowserTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path keys;
    static TestNode node;
    static Browser browser;
    static BodySigner anama = new BodySigner("anama");

    @BeforeAll
    static void start() {
        browser = Browser.start();
        node = TestNode.withDemo(dir);
        node.account("anama", "anama", "signing-lead", Role.REPORTER);
        String key = TestNode.JSON.createObjectNode().put("body", "anama").put("key", anama.key.verifierKey()).toString();
        assertThat(node.post("/api/v1/admin/body-keys", key, node.token).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    @Test
    void a_reporter_signs_a_report_in_the_browser_with_the_bodys_private_key_file() throws Exception {
        Path keyFile = keys.resolve("anama-private.pem");
        Files.writeString(keyFile, anama.pkcs8Pem());
        browser.open(node.base() + "/signin?lang=en");
        browser.driver.findElement(By.id("username")).sendKeys("signing-lead");
        browser.driver.findElement(By.id("password")).sendKeys(TestNode.PASSWORD);
        browser.driver.findElement(By.cssSelector("form.signin button")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account"));

        browser.open(node.base() + "/desk/reports/new");
        String id = browser.driver.findElement(By.cssSelector("#form input[name=id]")).getAttribute("value");
        // the form chooses no body for the officer
        new Select(browser.driver.findElement(By.id("f-source"))).selectByValue("anama");
        new Select(browser.driver.findElement(By.id("f-metric"))).selectByValue("medical_assistance");
        new Select(browser.driver.findElement(By.id("f-place"))).selectByValue("nk");
        browser.driver.findElement(By.id("f-value")).sendKeys("41");
        browser.driver.findElement(By.id("f-attribution")).sendKeys("According to ANAMA, 41 people received first aid.");
        browser.driver.findElement(By.cssSelector("#form button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("signing")));
        assertThat(browser.driver.findElement(By.cssSelector(".error-summary")).getText()).contains("carries neither its signature");
        assertThat(browser.driver.findElement(By.cssSelector("#signing code")).getText()).isEqualTo(anama.key.keyId());
        WebElement file = browser.driver.findElement(By.id("f-signature-keyId"));
        assertThat(file.getAttribute("name")).as("the key file is never a form field").isNullOrEmpty();
        browser.screenshot("desk-report-sign-en");
        assertThat(node.truce.ledger().entry(id)).isEmpty();

        file.sendKeys(keyFile.toString());
        browser.driver.findElement(By.id("sign-submit")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.result")));
        assertThat(browser.driver.findElement(By.cssSelector("p.result")).getText()).contains("The report is in the ledger as entry");
        assertThat(browser.driver.findElement(By.cssSelector("dd.signature")).getText()).isEqualTo("Signed by the body itself with its own key");
        browser.screenshot("desk-report-signed-en");

        Entry kept = node.truce.ledger().entry(id).orElseThrow();
        assertThat(kept.payload().at("/bodySignature/keyId").asText()).isEqualTo(anama.key.keyId());
        assertThat(node.truce.ledger().bodyKeys().attestation(kept.seq())).isEqualTo(BodyKeys.Attestation.SIGNED);
    }
}
