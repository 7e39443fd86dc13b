package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
    private final Headers headers = Headers.standard();

    @Test
    void russian_headers_map_the_columns_and_tell_the_language() {
        Sheet sheet = SheetReader.read(SheetReaderTest.resource("figures-ru-utf8.csv"), null, null);
        ColumnMapping m = ColumnMapping.detect(sheet, null, headers);
        assertThat(m.columns().keySet()).containsExactly("metric", "value", "asOf", "place", "source", "attribution");
        assertThat(m.columns().values()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(m.language()).isEqualTo("ru");
        assertThat(m.how()).isEqualTo("headers");
        assertThat(m.firstData()).isEqualTo(1);
    }

    @Test
    void truces_own_series_export_reads_back_by_its_hxl_tag_row() {
        Sheet sheet = SheetReader.read(SheetReaderTest.resource("series-export.csv"), null, null);
        ColumnMapping m = ColumnMapping.detect(sheet, null, headers);
        assertThat(m.how()).isEqualTo("hxl");
        assertThat(m.firstData()).isEqualTo(2);
        assertThat(m.letter("metric")).isEqualTo("A");
        assertThat(m.letter("source")).isEqualTo("B");
        assertThat(m.letter("place")).isEqualTo("C");
        assertThat(m.letter("asOf")).isEqualTo("F");
        assertThat(m.letter("value")).isEqualTo("G");
        assertThat(m.letter("qualifier")).isEqualTo("H");
        assertThat(m.ignored()).containsExactly("D: knownAt", "E: atSize", "I: partial");
    }

    @Test
    void a_sheet_of_tags_only_is_mapped_by_its_tags() {
        Sheet sheet = SheetReader.read(SheetReaderTest.resource("hxl-tags-only.csv"), null, null);
        ColumnMapping m = ColumnMapping.detect(sheet, null, headers);
        assertThat(m.headerRow()).isEqualTo(-1);
        assertThat(m.firstData()).isEqualTo(1);
        assertThat(m.columns()).containsOnlyKeys("asOf", "value", "place", "source", "attribution");
    }

    @Test
    void hxl_tags_of_truce_and_of_other_tools_name_the_fields() {
        assertThat(HxlTags.field("#indicator+value+num+children")).hasValue("breakdown.children");
        assertThat(HxlTags.field("#meta+document+title")).hasValue("document.title");
        assertThat(HxlTags.field("#affected+returned")).hasValue("value");
        assertThat(HxlTags.field("#date+reported")).hasValue("asOf");
        assertThat(HxlTags.field("#adm1+name")).hasValue("place");
        assertThat(HxlTags.field("#org+name")).hasValue("source");
        assertThat(HxlTags.field("#num+value+indicator")).isEmpty();
        assertThat(HxlTags.field("#value+num+indicator")).hasValue("value");
        assertThat(HxlTags.field("#date+known")).isEmpty();
    }

    @Test
    void a_saved_mapping_names_columns_by_header_or_letter() {
        Sheet sheet = SheetReader.read(SheetReaderTest.resource("figures-ru-utf8.csv"), null, null);
        ColumnMapping m = ColumnMapping.detect(sheet, Map.of("metric", "Показатель", "value", "B"), headers);
        assertThat(m.how()).isEqualTo("saved");
        assertThat(m.letter("metric")).isEqualTo("A");
        assertThat(m.letter("value")).isEqualTo("B");
        assertThat(m.letter("place")).isEqualTo("D");
        assertThatThrownBy(() -> ColumnMapping.detect(sheet, Map.of("metric", "Indicator name"), headers))
                .isInstanceOf(Unreadable.class).hasMessageContaining("no header of this sheet");
    }

    @Test
    void two_columns_naming_one_field_are_refused() {
        Sheet sheet = new Sheet("csv", "UTF-8", ",", java.util.List.of(
                new Sheet.Row(1, java.util.List.of(Sheet.Cell.text("Value"), Sheet.Cell.text("Значение")))));
        assertThatThrownBy(() -> ColumnMapping.detect(sheet, null, headers)).isInstanceOf(Unreadable.class)
                .hasMessageContaining("columns A and B both name value");
    }
}
