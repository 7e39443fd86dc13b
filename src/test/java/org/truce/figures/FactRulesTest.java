package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.record.Document;
import org.truce.record.Violation;
import org.truce.support.MemoryRecord;

/** The figures' input rules against a record in memory: what the record holds decides what a new fact may say. */
class FactRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2021, 1, 11);
    private MemoryRecord record;
    private FactRules rules;

    @BeforeEach
    void aRecordWithOneMetricTwoSourcesAndARegion() {
        record = new MemoryRecord();
        record.metric("returnees", "people", "children");
        record.source("am-government", Role.PARTY);
        record.source("az-government", Role.PARTY);
        record.place("region", "region", null, null);
        rules = new FactRules(record.figures());
    }

    @AfterEach
    void close() {
        record.close();
    }

    private static Fact.ReportFiled report(String id, String source, String value, Map<String, BigDecimal> breakdown, String asOf,
                                           String corrects) {
        return new Fact.ReportFiled(new Report(id, "returnees", ReportKind.TOTAL, new BigDecimal(value), Qualifier.EXACT, breakdown,
                LocalDate.parse(asOf), DatePrecision.DAY, null, "region", source, "According to " + source,
                new Document("Statement", "Ministry", null, null), corrects));
    }

    private static Fact.ReportFiled report(String id, String source, String value, String asOf) {
        return report(id, source, value, Map.of(), asOf, null);
    }

    @Test
    void a_report_on_what_the_catalog_knows_breaks_no_rule() {
        assertThat(rules.check(report(record.nextId(), "am-government", "120", "2021-01-10"), TODAY, "")).isEmpty();
    }

    @Test
    void a_report_naming_an_undeclared_metric_source_and_place_is_told_each_by_its_pointer() {
        Report r = new Report(record.nextId(), "casualties", ReportKind.TOTAL, BigDecimal.ONE, Qualifier.EXACT, Map.of(),
                LocalDate.of(2021, 1, 10), DatePrecision.DAY, null, "nowhere", "ru-government", "words", null, null);

        assertThat(rules.check(new Fact.ReportFiled(r), TODAY, "/0")).containsExactly(
                new Violation("/0/metric", "unknown metric: casualties"),
                new Violation("/0/source", "unknown source: ru-government"),
                new Violation("/0/place", "unknown place: nowhere"));
    }

    @Test
    void a_breakdown_the_metric_does_not_have_is_refused_with_the_ones_it_has() {
        var r = report(record.nextId(), "am-government", "120", Map.of("women", new BigDecimal("3")), "2021-01-10", null);

        assertThat(rules.check(r, TODAY, "")).containsExactly(
                new Violation("/breakdown/women", "is not a breakdown of metric returnees (allowed: [children])"));
    }

    @Test
    void a_breakdown_larger_than_the_value_it_breaks_down_is_refused() {
        var r = report(record.nextId(), "am-government", "12", Map.of("children", new BigDecimal("13")), "2021-01-10", null);

        assertThat(rules.check(r, TODAY, "")).containsExactly(new Violation("/breakdown/children", "(13) must not exceed the value (12)"));
    }

    @Test
    void a_figure_dated_after_today_or_before_1900_is_refused() {
        assertThat(rules.check(report(record.nextId(), "am-government", "1", "2021-01-12"), TODAY, "")).containsExactly(
                new Violation("/asOf", "must not be in the future (today is 2021-01-11)"));
        assertThat(rules.check(report(record.nextId(), "am-government", "1", "1899-12-31"), TODAY, "")).containsExactly(
                new Violation("/asOf", "must not be before 1900-01-01"));
    }

    @Test
    void only_the_source_of_a_report_may_correct_it() {
        String first = record.report("am-government", "returnees", "region", ReportKind.TOTAL, "100", LocalDate.of(2021, 1, 9));

        var byOther = report(record.nextId(), "az-government", "90", Map.of(), "2021-01-09", first);

        assertThat(rules.check(byOther, TODAY, "")).containsExactly(
                new Violation("/corrects", "report " + first + " is am-government's; only the same source can correct or retract it"));
    }

    @Test
    void a_correction_must_name_the_current_version_and_a_retry_of_the_correction_that_replaced_it_passes() {
        String first = record.report("am-government", "returnees", "region", ReportKind.TOTAL, "100", LocalDate.of(2021, 1, 9));
        var correction = report(record.nextId(), "am-government", "110", Map.of(), "2021-01-09", first);
        record.add(correction);

        var another = report(record.nextId(), "am-government", "120", Map.of(), "2021-01-09", first);
        assertThat(rules.check(another, TODAY, "")).containsExactly(new Violation("/corrects", "report " + first
                + " was already replaced or withdrawn by " + correction.report().id() + "; correct or retract the current version"));
        assertThat(rules.check(correction, TODAY, "")).isEmpty();
    }

    @Test
    void a_retraction_must_name_a_report_in_the_record() {
        var retraction = new Fact.ReportRetracted(new Retraction(record.nextId(), "am-government", "no-such-report", "mistake"));

        assertThat(rules.check(retraction, TODAY, "")).containsExactly(
                new Violation("/retracts", "names no report in the record: no-such-report"));
    }

    @Test
    void a_catalog_item_declared_earlier_in_the_same_request_may_be_named() {
        Source unit = new Source("am-mod", java.util.EnumSet.of(Role.PARTY), "am-defence", Map.of("en", "MoD"), List.of("returnees"));

        assertThat(rules.check(new Fact.SourceDeclared(unit), TODAY, "/1")).containsExactly(
                new Violation("/1/partOf", "unknown source: am-defence"));
        assertThat(rules.check(new Fact.SourceDeclared(unit), TODAY, "/1", Set.of("source:am-defence"))).isEmpty();
    }

    @Test
    void a_place_name_may_be_used_by_a_declared_source_or_by_all_never_by_an_unknown_body() {
        Place town = new Place("town", "town", null, "region", List.of(
                new PlaceName("en", "Town", List.of(PlaceName.COMMON)),
                new PlaceName("hy", "Քաղաք", List.of("am-government")),
                new PlaceName("az", "Şəhər", List.of("az-government", "somebody"))), null, List.of());

        assertThat(rules.check(new Fact.PlaceDeclared(town), TODAY, "")).containsExactly(
                new Violation("/names/2/usedBy/1", "names no declared source (nor \"common\"): somebody"));
    }

    @Test
    void a_metric_breakdown_must_be_a_lowercase_name() {
        var metric = new Fact.MetricDeclared(new org.truce.catalog.Metric("mines", "items", List.of("anti_tank", "Anti-Personnel"),
                Map.of("en", "mines")));

        assertThat(rules.check(metric, TODAY, "")).containsExactly(
                new Violation("/breakdowns/1", "must be a lowercase name such as children"));
    }

    @Test
    void a_place_may_not_become_its_own_ancestor_through_the_request_and_the_record() {
        record.place("district", "district", "region", null);
        // the record has district under region; the request would put region under a new unit under district
        var unit = new Fact.PlaceDeclared(new Place("unit", "unit", null, "district", List.of(), null, List.of()));
        var region = new Fact.PlaceDeclared(new Place("region", "region", null, "unit", List.of(), null, List.of()));

        assertThat(rules.parentCycles(List.of(unit, region), List.of("/0", "/1"))).containsExactly(
                new Violation("/0/parent", "would make a cycle: unit would be its own ancestor"),
                new Violation("/1/parent", "would make a cycle: region would be its own ancestor"));
    }
}
