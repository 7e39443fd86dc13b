package org.truce.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.truce.accounts.Role;
import org.truce.support.Browser;
import org.truce.support.TestNode;

/**
 * Spreadsheets in, in a real browser: a peacekeepers' reporter uploads an XLSX and a CSV with Russian
 * headers, locale numbers and dates, sees a bad row named by row and column, uploads the fixed file,
 * records it, uploads it again (nothing new), and finds the figures in the API and the bulletin draft.
 */
class ImportBrowserTest {
    @TempDir
    static Path dir;
    static TestNode node;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        node = TestNode.withDemo(dir.resolve("node"));
        node.account("ru-peacekeepers", "ru-peacekeepers", "pk-officer", Role.REPORTER);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (node != null) node.close();
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private void upload(Path file) {
        browser.driver.findElement(By.id("f-file")).sendKeys(file.toAbsolutePath().toString());
        // the page before may already show counts (after a commit): wait for it to go first
        WebElement page = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.counts")));
    }

    private void commit() {
        browser.driver.findElement(By.cssSelector("#commit button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-title"), "Файл записан"));
    }

    static final String CSV_HEAD = "Показатель;Значение;Дата;Место;Источник;Атрибуция\r\n";

    @Test
    void a_reporter_uploads_russian_sheets_fixes_a_bad_row_commits_and_finds_the_figures() throws Exception {
        browser.signIn(node.base(), "ru", "pk-officer", TestNode.PASSWORD);

        Path badXlsx = Files.write(dir.resolve("сводка-с-ошибкой.xlsx"), org.truce.web.XlsxFixturesAccess.russianFigures(true));
        Path xlsx = Files.write(dir.resolve("сводка.xlsx"), org.truce.web.XlsxFixturesAccess.russianFigures(false));
        browser.open(node.base() + "/desk/imports");
        assertThat(text("main h1")).isEqualTo("Загрузка данных из таблицы");
        upload(badXlsx);
        assertThat(text("#preview-title")).isEqualTo("Предварительный просмотр: пока ничего не записано");
        List<WebElement> bad = browser.driver.findElements(By.cssSelector("tr[data-row='3'] td.cell-error"));
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).getAttribute("data-column")).isEqualTo("D");
        assertThat(bad.get(0).getText()).contains("Атлантида").contains("Строка 3, столбец D");
        assertThat(browser.driver.findElements(By.id("commit"))).isEmpty();
        browser.screenshot("import-xlsx-error-ru");

        upload(xlsx);
        assertThat(browser.driver.findElements(By.cssSelector("td.cell-error"))).isEmpty();
        assertThat(text("tr[data-row='2'] td.status")).isEqualTo("новая");
        assertThat(text("tr[data-row='2'] td[data-column='B']")).isEqualTo("48241");
        assertThat(text("tr[data-row='3'] td[data-column='B']")).isEqualTo("182.8");
        browser.screenshot("import-xlsx-preview-ru");
        long before = node.truce.ledger().size();
        commit();
        assertThat(node.truce.ledger().size()).isEqualTo(before + 2);

        Path csv = Files.writeString(dir.resolve("сводка.csv"), CSV_HEAD
                + "территория, очищенная от мин и взрывоопасных предметов;более 479,2;11.01.2021;Нагорный Карабах;Российский миротворческий контингент;Очищено более 479,2 га\r\n"
                + "уничтоженные взрывоопасные предметы;23 000;11.01.2021;Нагорный Карабах;Российский миротворческий контингент;Уничтожено 23 000 взрывоопасных предметов\r\n",
                StandardCharsets.UTF_8);
        upload(csv);
        assertThat(text("tr[data-row='2'] td[data-column='B']")).isEqualTo("479.2");
        assertThat(text("tr[data-row='3'] td[data-column='B']")).isEqualTo("23000");
        commit();
        browser.screenshot("import-csv-recorded-ru");

        long after = node.truce.ledger().size();
        upload(csv);
        assertThat(text("p.counts")).contains("уже в реестре — 2");
        assertThat(browser.driver.findElements(By.id("commit"))).isEmpty();
        assertThat(node.truce.ledger().size()).isEqualTo(after);
        browser.screenshot("import-csv-again-ru");

        var series = node.get("/api/v1/figures/series?metric=returnees&source=ru-peacekeepers&place=nk&from=2021-01-11&to=2021-01-11");
        assertThat(series.json().at("/points/0/value").decimalValue()).isEqualByComparingTo("48241");
        var land = node.get("/api/v1/figures/series?metric=land_cleared&source=ru-peacekeepers&place=nk&from=2021-01-11&to=2021-01-11");
        assertThat(land.json().at("/points/0/value").decimalValue()).isEqualByComparingTo("479.2");
        assertThat(land.json().at("/points/0/qualifier").asText()).isEqualTo("more_than");
        var reports = node.get("/api/v1/reports?source=ru-peacekeepers&metric=returnees&from=2021-01-11&to=2021-01-11&status=current");
        assertThat(reports.json().get("items")).hasSize(1);
        assertThat(reports.json().at("/items/0/value").decimalValue()).isEqualByComparingTo("48241");
        // the draft of the date computed now (the date's publication is fixed and predates the upload)
        var draft = node.get("/api/v1/bulletins/2021-01-11?lang=en&format=text&size=" + node.truce.ledger().size(), node.token);
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.body()).contains("According to the Russian peacekeeping contingent: 48,241 people")
                .contains("According to the Russian peacekeeping contingent: more than 479.2 hectares");
    }

    @Test
    void a_sheet_with_headers_truce_does_not_know_is_read_once_its_columns_are_saved_as_a_mapping() throws Exception {
        browser.signIn(node.base(), "ru", "pk-officer", TestNode.PASSWORD);
        Path csv = Files.writeString(dir.resolve("медпомощь.csv"), "Инд.;Кол-во;На дату;Район;Кто сообщил;Цитата\r\n"
                + "medical_assistance;1 300;13.01.2021;Нагорный Карабах;Российский миротворческий контингент;Помощь оказана 1 300 жителям\r\n",
                StandardCharsets.UTF_8);
        browser.open(node.base() + "/desk/imports");
        browser.driver.findElement(By.id("f-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("save-mapping")));
        assertThat(text(".refusal")).contains("metric").contains("value");
        assertThat(text("table.mapping-columns tbody")).contains("Инд.").contains("Кол-во").contains("Кто сообщил");

        String[][] columns = {{"A", "metric"}, {"B", "value"}, {"C", "asOf"}, {"D", "place"}, {"E", "source"}, {"F", "attribution"}};
        for (String[] c : columns) new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("f-field-" + c[0]))).selectByValue(c[1]);
        browser.driver.findElement(By.id("f-mapping-name")).sendKeys("pk-medical");
        browser.screenshot("import-mapping-form-ru");
        browser.driver.findElement(By.cssSelector("#save-mapping button[type=submit]")).click();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.counts")));

        assertThat(text("#notice")).contains("pk-medical").contains("1");
        assertThat(text("tr[data-row='2'] td.status")).isEqualTo("новая");
        assertThat(text("tr[data-row='2'] td[data-column='B']")).isEqualTo("1300");
        assertThat(browser.driver.findElement(By.cssSelector("#f-mapping option[value='pk-medical']")).isSelected()).isTrue();
        var saved = node.get("/api/v1/mappings").json().at("/items/0");
        assertThat(saved.get("name").asText()).isEqualTo("pk-medical");
        assertThat(saved.at("/columns/value").asText()).isEqualTo("Кол-во");
        assertThat(saved.at("/columns/source").asText()).isEqualTo("Кто сообщил");
        long before = node.truce.ledger().size();
        commit();
        assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
        browser.screenshot("import-mapping-recorded-ru");
    }
}
