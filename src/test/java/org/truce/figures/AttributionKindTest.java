package org.truce.figures;

import org.truce.record.Parsed;
import org.truce.record.Violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.support.Reports;

/** A report says whether its attribution is a verbatim quote or a paraphrase, and in which language. */
class AttributionKindTest {
    private static final String ID = "00000000-0000-4000-8000-0000000000c1";

    @Test
    void a_report_that_says_neither_is_a_paraphrase_and_its_bytes_stay_as_before() {
        ObjectNode body = Reports.valid(ID);
        Report r = read(body);
        assertThat(r.attributionKind()).isEqualTo(AttributionKind.PARAPHRASE);
        assertThat(r.attributionLang()).isNull();
        assertThat(FactWriter.report(r).has("attributionKind")).isFalse();
        assertThat(FactWriter.report(r).has("attributionLang")).isFalse();
    }

    @Test
    void a_quote_keeps_its_kind_and_language_through_the_ledger_payload() {
        ObjectNode body = Reports.valid(ID).put("attributionKind", "quote").put("attributionLang", "ru");
        Report r = read(body);
        assertThat(r.attributionKind()).isEqualTo(AttributionKind.QUOTE);
        assertThat(r.attributionLang()).isEqualTo("ru");
        Report again = read((ObjectNode) FactWriter.report(r));
        assertThat(again).isEqualTo(r);
    }

    @Test
    void a_paraphrase_may_name_its_language() {
        Report r = read(Reports.valid(ID).put("attributionKind", "paraphrase").put("attributionLang", "en"));
        assertThat(r.attributionKind()).isEqualTo(AttributionKind.PARAPHRASE);
        assertThat(FactWriter.report(r).get("attributionLang").asText()).isEqualTo("en");
    }

    @Test
    void an_unknown_kind_is_refused_naming_the_field() {
        assertThat(violations(Reports.valid(ID).put("attributionKind", "verbatim")))
                .containsExactly(new Violation("/attributionKind", "must be quote or paraphrase"));
    }

    @Test
    void a_quote_without_its_language_is_refused_naming_the_field() {
        List<Violation> v = violations(Reports.valid(ID).put("attributionKind", "quote"));
        assertThat(v).hasSize(1);
        assertThat(v.get(0).pointer()).isEqualTo("/attributionLang");
        assertThat(v.get(0).detail()).startsWith("is required when attributionKind is quote");
    }

    @Test
    void a_language_that_is_not_a_language_tag_is_refused_naming_the_field() {
        assertThat(violations(Reports.valid(ID).put("attributionKind", "quote").put("attributionLang", "Russian")))
                .containsExactly(new Violation("/attributionLang", "must be a language tag such as en, ru, hy, az or de"));
    }

    private static Report read(ObjectNode body) {
        Parsed<Fact> p = FactReader.readReport(body, "");
        assertThat(p).isInstanceOf(Parsed.Ok.class);
        return ((Fact.ReportFiled) ((Parsed.Ok<Fact>) p).value()).report();
    }

    private static List<Violation> violations(ObjectNode body) {
        Parsed<Fact> p = FactReader.readReport(body, "");
        assertThat(p).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid<Fact>) p).violations();
    }
}
