package org.truce.accords;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.catalog.FeatureKind;
import org.truce.catalog.Role;
import org.truce.figures.ReportKind;
import org.truce.record.Parsed;
import org.truce.record.Violation;
import org.truce.support.MemoryRecord;

/** The accords' rules against a record in memory: agreements, obligations on their points, and assessments with evidence. */
class AccordRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2021, 1, 11);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGREEMENT = """
            {"id": "nov-2020", "title": "Statement", "date": "2020-11-10", "signatories": ["am-government", "az-government"],
             "provisions": [{"number": 1, "summary": "Ceasefire"}, {"number": 6, "summary": "Districts returned"}]}""";
    private static final String OBLIGATION = """
            {"id": "obl-p6", "agreement": "nov-2020", "provision": 6, "who": ["am-government"], "what": "Return Kalbajar",
             "deadline": {"date": "2020-11-15"}, "places": ["kalbajar"], "metrics": ["returnees"], "features": ["lachin-corridor"]}""";
    private MemoryRecord record;
    private AccordRules rules;
    private String report;

    @BeforeEach
    void aRecordWithAnAgreementAnObligationAndAReport() {
        record = new MemoryRecord();
        record.source("am-government", Role.PARTY);
        record.source("az-government", Role.PARTY);
        record.metric("returnees", "people");
        record.place("kalbajar", "district", null, null);
        record.feature("lachin-corridor", FeatureKind.ZONE, "corridor");
        record.add(read(AccordFact.AGREEMENT, AGREEMENT));
        record.add(read(AccordFact.OBLIGATION, OBLIGATION));
        report = record.report("am-government", "returnees", "kalbajar", ReportKind.TOTAL, "40", LocalDate.of(2021, 1, 9));
        rules = new AccordRules(record.accords(), record.figures(), record.map(), record.ledger());
    }

    @AfterEach
    void close() {
        record.close();
    }

    static AccordFact read(String type, String json) {
        try {
            Parsed<AccordFact> parsed = AccordReader.read(type, JSON.readTree(json), "");
            if (parsed instanceof Parsed.Ok<AccordFact> ok) return ok.value();
            throw new IllegalArgumentException("not a valid " + type + ": " + ((Parsed.Invalid<AccordFact>) parsed).violations());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Violation> check(AccordFact... facts) {
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < facts.length; i++) pointers.add(facts.length == 1 ? "" : "/" + i);
        return rules.check(List.of(facts), pointers, TODAY);
    }

    private static AccordFact assessment(String obligation, String date, String... evidence) {
        return read(AccordFact.ASSESSMENT, """
                {"id": "0b5c5e8e-1111-4c1b-9b7a-000000000001", "obligation": "%s", "assessor": "am-government", "status": 2,
                 "date": "%s", "evidence": {"entries": [%s]}}"""
                .formatted(obligation, date, String.join(", ", java.util.Arrays.stream(evidence).map(e -> "\"" + e + "\"").toList())));
    }

    @Test
    void an_obligation_on_a_point_of_a_known_agreement_naming_what_the_catalog_and_map_know_breaks_no_rule() {
        assertThat(check(read(AccordFact.OBLIGATION, OBLIGATION.replace("obl-p6", "obl-p6-bis")))).isEmpty();
    }

    @Test
    void an_obligation_on_a_point_the_agreement_does_not_have_is_refused() {
        assertThat(check(read(AccordFact.OBLIGATION, OBLIGATION.replace("\"provision\": 6", "\"provision\": 9")))).containsExactly(
                new Violation("/provision", "the agreement has no point 9"));
    }

    @Test
    void an_obligation_naming_unknown_bodies_places_metrics_features_and_groups_is_told_each() {
        String unknown = """
                {"id": "obl-x", "agreement": "nov-2020", "provision": 1, "who": ["ru-government"], "what": "Observe",
                 "places": ["nowhere"], "metrics": ["casualties"], "features": ["no-line"], "groups": ["wg-x"]}""";

        assertThat(check(read(AccordFact.OBLIGATION, unknown))).containsExactly(
                new Violation("/who/0", "unknown source: ru-government"),
                new Violation("/places/0", "unknown place: nowhere"),
                new Violation("/metrics/0", "unknown metric: casualties"),
                new Violation("/features/0", "unknown map feature: no-line"),
                new Violation("/groups/0", "unknown working group: wg-x"));
    }

    @Test
    void an_obligation_may_rest_on_an_agreement_declared_earlier_in_the_same_request_and_only_on_its_points() {
        AccordFact jan = read(AccordFact.AGREEMENT, AGREEMENT.replace("nov-2020", "jan-2021").replace("2020-11-10", "2021-01-11"));
        AccordFact onPoint1 = read(AccordFact.OBLIGATION, OBLIGATION.replace("obl-p6", "obl-j1").replace("nov-2020", "jan-2021")
                .replace("\"provision\": 6", "\"provision\": 1"));
        AccordFact onPoint2 = read(AccordFact.OBLIGATION, OBLIGATION.replace("obl-p6", "obl-j2").replace("nov-2020", "jan-2021")
                .replace("\"provision\": 6", "\"provision\": 2"));

        assertThat(check(jan, onPoint1, onPoint2)).containsExactly(new Violation("/2/provision", "the agreement has no point 2"));
    }

    @Test
    void an_agreement_numbers_each_point_once_and_is_dated_no_later_than_today() {
        String twice = AGREEMENT.replace("nov-2020", "dec-2020").replace("\"number\": 6", "\"number\": 1").replace("2020-11-10", "2021-01-12");

        assertThat(check(read(AccordFact.AGREEMENT, twice))).containsExactly(
                new Violation("/date", "must lie between 1900-01-01 and today (2021-01-11)"),
                new Violation("/provisions/1/number", "repeats a point number"));
    }

    @Test
    void an_assessment_may_cite_a_report_the_accords_projection_does_not_keep_the_ledger_finds_it() {
        assertThat(check(assessment("obl-p6", "2021-01-10", report))).isEmpty();
    }

    @Test
    void an_assessment_cites_as_evidence_neither_its_obligation_nor_a_declaration_nor_an_entry_the_ledger_lacks() {
        assertThat(check(assessment("obl-p6", "2021-01-10", "obl-p6", "nov-2020", "feature:lachin-corridor", "no-such-entry")))
                .containsExactly(
                        new Violation("/evidence/entries/0", "is the assessed obligation itself, not evidence of its implementation"),
                        new Violation("/evidence/entries/2", "entry feature:lachin-corridor is a feature.declared entry, not evidence:"
                                + " cite reports, incidents, claims, findings, nil reports, map reports, agreements or their versions,"
                                + " meetings or events, or a document"),
                        new Violation("/evidence/entries/3", "no ledger entry no-such-entry"));
    }

    @Test
    void an_assessment_of_an_unknown_obligation_by_an_unknown_assessor_is_told_both() {
        AccordFact a = read(AccordFact.ASSESSMENT, """
                {"id": "0b5c5e8e-1111-4c1b-9b7a-000000000002", "obligation": "obl-none", "assessor": "nobody", "status": 1,
                 "date": "2021-01-10", "evidence": {"entries": ["%s"]}}""".formatted(report));

        assertThat(check(a)).containsExactly(
                new Violation("/obligation", "unknown obligation: obl-none"),
                new Violation("/assessor", "unknown source: nobody"));
    }
}
