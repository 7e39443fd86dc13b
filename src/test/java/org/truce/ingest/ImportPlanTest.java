package org.truce.ingest;

import org.truce.catalog.Alias;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.figures.Fact;
import org.truce.figures.ReportKind;
import org.truce.support.MemoryRecord;

/** The rows of a sheet read into reports against an in-memory record. */
class ImportPlanTest {
    private MemoryRecord record;
    private ImportPlan plan;

    @BeforeEach
    void catalog() {
        record = new MemoryRecord();
        record.source("ru-peacekeepers");
        record.metric("returnees", "people", "children");
        record.add(new Fact.PlaceDeclared(new Place("nk", "region", null, null, List.of(
                new PlaceName("en", "Nagorno-Karabakh", List.of(PlaceName.COMMON)),
                new PlaceName("ru", "Нагорный Карабах", List.of(PlaceName.COMMON))), null, List.of())));
        long size = record.figures().size();
        Labels labels = new Labels(record.figures().sources(size), record.figures().metrics(size), record.figures().places(size),
                List.of(new Alias(Alias.Kind.PLACE, "Karabakh", "nk"), new Alias(Alias.Kind.PLACE, "НК", "nk")));
        plan = new ImportPlan(record.figures(), labels);
    }

    @AfterEach
    void close() {
        record.close();
    }

    private List<RowPreview> rows(String csv, ImportOptions options) {
        Sheet sheet = SheetReader.read(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
        return plan.rows(sheet, ColumnMapping.detect(sheet, null, Headers.standard()), options);
    }

    private static ImportOptions none() {
        return new ImportOptions(null, false, Map.of());
    }

    static final String HEAD = "Показатель;Значение;Из них детей;Дата;Место;Источник;Атрибуция\n";

    @Test
    void a_russian_row_becomes_the_report_it_says_with_a_stable_id() {
        List<RowPreview> rows = rows(HEAD + "returnees;более 48 241;1 200;11.01.2021;НК;ru-peacekeepers;По данным миротворцев\n", none());
        RowPreview r = rows.get(0);
        assertThat(r.status()).isEqualTo(RowPreview.Status.NEW);
        assertThat(r.row()).isEqualTo(2);
        assertThat(r.entry().get("value").decimalValue()).isEqualByComparingTo("48241");
        assertThat(r.entry().get("qualifier").asText()).isEqualTo("more_than");
        assertThat(r.entry().at("/breakdown/children").decimalValue()).isEqualByComparingTo("1200");
        assertThat(r.entry().get("place").asText()).isEqualTo("nk");
        assertThat(r.entry().get("asOf").asText()).isEqualTo("2021-01-11");
        String again = rows(HEAD + "returnees;более 48 241;1 200;11.01.2021;Нагорный Карабах;ru-peacekeepers;По данным миротворцев\n", none())
                .get(0).entry().get("id").asText();
        assertThat(again).isEqualTo(r.entry().get("id").asText());
    }

    @Test
    void every_error_of_a_row_is_named_by_row_column_and_field() {
        RowPreview r = rows(HEAD + "нет такого;много;;31.02.2021;Атлантида;ru-peacekeepers;x\n", none()).get(0);
        assertThat(r.status()).isEqualTo(RowPreview.Status.ERROR);
        assertThat(r.errors()).extracting(e -> e.row() + ":" + e.column() + ":" + e.field())
                .containsExactlyInAnyOrder("2:A:metric", "2:B:value", "2:D:asOf", "2:E:place");
        assertThat(r.probe()).isNotNull();
    }

    @Test
    void a_changed_row_is_an_error_unless_corrections_are_asked_and_then_corrects_the_report_in_force() {
        String old = record.report("ru-peacekeepers", "returnees", "nk", ReportKind.TOTAL, "48000", LocalDate.of(2021, 1, 11));
        String csv = HEAD + "returnees;48 241;;11.01.2021;nk;ru-peacekeepers;x\n";
        RowPreview refused = rows(csv, none()).get(0);
        assertThat(refused.status()).isEqualTo(RowPreview.Status.ERROR);
        assertThat(refused.errors().get(0).detail()).contains(old).contains("corrections=true");
        RowPreview corrects = rows(csv, new ImportOptions("ru", true, Map.of())).get(0);
        assertThat(corrects.status()).isEqualTo(RowPreview.Status.CORRECTION);
        assertThat(corrects.entry().get("corrects").asText()).isEqualTo(old);
    }

    @Test
    void one_file_holds_one_report_per_key_a_repeated_row_is_sent_once_a_differing_one_is_an_error() {
        List<RowPreview> rows = rows(HEAD
                + "returnees;48 241;;11.01.2021;nk;ru-peacekeepers;x\n"
                + "returnees;48 241;;11.01.2021;НК;ru-peacekeepers;x\n"
                + "returnees;48 300;;11.01.2021;nk;ru-peacekeepers;x\n"
                + "returnees;48 300;;12.01.2021;nk;ru-peacekeepers;x\n", none());
        assertThat(rows).extracting(RowPreview::status).containsExactly(RowPreview.Status.NEW, RowPreview.Status.UNCHANGED,
                RowPreview.Status.ERROR, RowPreview.Status.NEW);
        assertThat(rows.get(1).note()).isEqualTo("repeats row 2 of this file; recorded once");
        assertThat(rows.get(2).errors()).singleElement().satisfies(e -> {
            assertThat(e.row() + ":" + e.column() + ":" + e.field()).isEqualTo("4:B:value");
            assertThat(e.detail()).startsWith("row 2 of this file gives the same metric, source, place, date and kind with other content (48241)");
        });
    }

    @Test
    void a_row_saying_what_a_report_in_force_says_is_unchanged() {
        String held = record.report("ru-peacekeepers", "returnees", "nk", ReportKind.TOTAL, "48241", LocalDate.of(2021, 1, 11));
        RowPreview r = rows(HEAD + "returnees;48 241;;11.01.2021;nk;ru-peacekeepers;x\n", none()).get(0);
        assertThat(r.status()).isEqualTo(RowPreview.Status.UNCHANGED);
        assertThat(r.corrects()).isEqualTo(held);
    }

    @Test
    void a_field_without_a_column_comes_from_the_file_or_the_sheet_is_refused() {
        String csv = "Показатель;Значение;Дата;Место\nreturnees;5;11.01.2021;nk\n";
        assertThatThrownBy(() -> rows(csv, none())).isInstanceOf(Unreadable.class).hasMessageContaining("source, attribution");
        RowPreview r = rows(csv, new ImportOptions(null, false, Map.of("source", "ru-peacekeepers", "attribution", "As said"))).get(0);
        assertThat(r.status()).isEqualTo(RowPreview.Status.NEW);
        assertThat(r.entry().get("source").asText()).isEqualTo("ru-peacekeepers");
    }
}
