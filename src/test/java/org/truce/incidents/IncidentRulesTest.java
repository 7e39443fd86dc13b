package org.truce.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.catalog.FeatureKind;
import org.truce.record.Actor;
import org.truce.catalog.Place;
import org.truce.catalog.Role;
import org.truce.record.DuplicateOf;
import org.truce.record.RepeatsFound;
import org.truce.record.Violation;
import org.truce.support.MemoryRecord;

/** The incidents' rules against a record in memory: allegations, the verification workflow, links and nil reports. */
class IncidentRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2021, 1, 11);
    private static final String SHELLING = "Shelling/artillery/missile attack";
    private static final Actor MONITOR = new Actor("jmc/monitor", "jmc", "jmc");
    private MemoryRecord record;
    private IncidentRules rules;
    private String held;

    @BeforeEach
    void aRecordWithTwoSidesAMonitorAZoneAndOneAllegation() {
        record = new MemoryRecord();
        record.source("am-government", Role.PARTY);
        record.source("am-mod", "am-government");
        record.source("az-government", Role.PARTY);
        record.source("jmc", Role.MONITOR);
        record.place("stepanakert", "town", null, new Place.Point(39.8177, 46.7528));
        record.place("village", "village", null, null);
        record.feature("pk-zone", FeatureKind.ZONE, "peacekeeping_zone");
        record.feature("contact-line", FeatureKind.LINE, "line_of_contact");
        held = record.nextId();
        record.add(alleged(held, "az-government", "stepanakert", "2021-01-05"), "az-gov/reporter");
        rules = new IncidentRules(record.incidents(), record.figures(), record.map());
    }

    @AfterEach
    void close() {
        record.close();
    }

    private static IncidentFact.Alleged alleged(String id, String source, String place, String date) {
        return new IncidentFact.Alleged(id, source, MemoryRecord.DOCUMENT, false, LocalDate.parse(date), null, TimePrecision.DAY,
                place, null, GeoPrecision.NEAR, "Explosions/Remote violence", SHELLING, Map.of(),
                new IncidentFact.Account("Military Forces", null, "shelled", IncidentFact.Casualties.NONE_STATED));
    }

    private IncidentFact.StepRecorded step(String incident, String step, String date, String source) {
        return new IncidentFact.StepRecorded(record.nextId(), incident, step, Workflow.FINDING.equals(step) ? "confirmed" : null,
                LocalDate.parse(date), source, null, null, Map.of(), null);
    }

    private IncidentFact.NilReported nil(String zone, String from, String to, DuplicateOf duplicateOf) {
        return new IncidentFact.NilReported(record.nextId(), "jmc", zone, IncidentFact.NilReported.NAMED_BY_REPORTER, null,
                LocalDate.parse(from), LocalDate.parse(to), "No violations recorded", MemoryRecord.DOCUMENT, false, duplicateOf);
    }

    private List<Violation> check(IncidentFact fact, List<IncidentFact> earlier, Actor actor) {
        return rules.check(fact, "", earlier, actor, TODAY);
    }

    private void stepsUpToTheFinding(String incident) {
        record.add(step(incident, "received", "2021-01-06", "jmc"), "jmc/monitor");
        record.add(step(incident, "preliminary_review", "2021-01-07", "jmc"), "jmc/monitor");
        record.add(step(incident, "monitoring_team_report", "2021-01-08", "jmc"), "jmc/monitor");
    }

    @Test
    void an_allegation_at_a_known_place_with_a_location_breaks_no_rule() {
        assertThat(check(alleged(record.nextId(), "am-government", "stepanakert", "2021-01-10"), List.of(), Actor.demo("demo"))).isEmpty();
    }

    @Test
    void an_allegation_at_a_place_the_catalog_has_no_location_for_must_give_its_own() {
        assertThat(check(alleged(record.nextId(), "am-government", "village", "2021-01-10"), List.of(), Actor.demo("demo")))
                .containsExactly(new Violation("/location", "is required: place village has no location in the catalog"));
    }

    @Test
    void an_allegation_by_an_unknown_body_at_an_unknown_place_dated_tomorrow_is_told_all_three() {
        assertThat(check(alleged(record.nextId(), "nobody", "atlantis", "2021-01-12"), List.of(), Actor.demo("demo"))).containsExactly(
                new Violation("/source", "unknown source: nobody"),
                new Violation("/place", "unknown place: atlantis"),
                new Violation("/date", "must lie between 1900-01-01 and today (2021-01-11)"));
    }

    @Test
    void a_claim_must_name_an_allegation_in_the_record_or_earlier_in_the_request() {
        var claim = new IncidentFact.Claimed(record.nextId(), "no-such-incident", "am-government", MemoryRecord.DOCUMENT, null, null,
                new IncidentFact.Account(null, null, "denied", IncidentFact.Casualties.NONE_STATED));
        assertThat(check(claim, List.of(), Actor.demo("demo"))).containsExactly(
                new Violation("/incident", "names no allegation: no-such-incident"));

        var opened = alleged("no-such-incident", "az-government", "stepanakert", "2021-01-10");
        assertThat(check(claim, List.of(opened), Actor.demo("demo"))).isEmpty();
    }

    @Test
    void the_workflow_starts_with_received_and_takes_its_steps_in_order() {
        assertThat(check(step(held, "finding", "2021-01-06", "jmc"), List.of(), MONITOR)).containsExactly(new Violation("/step",
                "must be received now: steps follow [received, preliminary_review, monitoring_team_report, finding, noted_by_joint_body]"
                        + " and none was taken yet"));
        assertThat(check(step(held, "received", "2021-01-06", "jmc"), List.of(), MONITOR)).isEmpty();
    }

    @Test
    void a_step_is_not_dated_before_the_incident() {
        assertThat(check(step(held, "received", "2021-01-04", "jmc"), List.of(), MONITOR)).containsExactly(
                new Violation("/date", "must not be before 2021-01-05, the incident's or the previous step's date"));
    }

    @Test
    void a_side_of_the_conflict_or_a_body_of_one_takes_no_workflow_step() {
        assertThat(check(step(held, "received", "2021-01-06", "am-mod"), List.of(), MONITOR)).containsExactly(new Violation("/source",
                "am-mod is or belongs to am-government, a side of the conflict (party): the verification workflow and its finding"
                        + " are a monitoring body's; a side's account of an incident is a claim"));
    }

    @Test
    void a_verifier_records_no_finding_on_an_incident_its_own_organisation_alleged() {
        stepsUpToTheFinding(held);
        Actor azMonitor = new Actor("az-gov/monitor", "az-gov", null);

        assertThat(check(step(held, "finding", "2021-01-09", "jmc"), List.of(), azMonitor)).containsExactly(new Violation("/incident",
                "incident " + held + " was alleged by your own organisation (az-gov); a finding on it must come from another body"));
        assertThat(check(step(held, "finding", "2021-01-09", "jmc"), List.of(), MONITOR)).isEmpty();
    }

    @Test
    void an_allegation_is_linked_to_an_incident_once_never_to_itself() {
        var self = new IncidentFact.Linked(record.nextId(), held, held, "same event");
        assertThat(check(self, List.of(), MONITOR)).containsExactly(new Violation("/incident", "an allegation cannot be linked to itself"));

        String other = record.nextId();
        record.add(alleged(other, "am-government", "stepanakert", "2021-01-05"), "am-gov/reporter");
        String third = record.nextId();
        record.add(alleged(third, "jmc", "stepanakert", "2021-01-05"), "jmc/monitor");
        record.add(new IncidentFact.Linked(record.nextId(), other, held, "same shelling"), "jmc/monitor");

        assertThat(check(new IncidentFact.Linked(record.nextId(), other, third, "again"), List.of(), MONITOR)).containsExactly(
                new Violation("/allegation", "is already linked to incident " + held));
    }

    @Test
    void a_nil_report_covers_a_zone_of_the_map_not_a_line() {
        assertThat(check(nil("pk-zone", "2021-01-09", "2021-01-10", null), List.of(), MONITOR)).isEmpty();
        assertThat(check(nil("contact-line", "2021-01-09", "2021-01-10", null), List.of(), MONITOR)).containsExactly(
                new Violation("/zone", "names no zone feature of the map: contact-line"));
    }

    @Test
    void a_nil_report_repeating_one_in_the_record_is_a_repeat_unless_it_says_so_and_names_it() {
        var first = nil("pk-zone", "2021-01-09", "2021-01-10", null);
        long seq = record.add(first, "jmc/monitor");

        RepeatsFound unmarked = rules.repeatOf(nil("pk-zone", "2021-01-09", "2021-01-10", null), "/0", List.of());
        assertThat(unmarked.unmarked()).containsExactly(new Violation("/0", "repeats nil report " + first.id() + " (entry " + seq + "):"
                + " the same source, zone, reported area, from and to; to record it anyway, send duplicateOf with that id and a reason"));
        assertThat(unmarked.wrong()).isEmpty();

        RepeatsFound marked = rules.repeatOf(nil("pk-zone", "2021-01-09", "2021-01-10", new DuplicateOf(first.id(), "second outlet")),
                "/0", List.of());
        assertThat(marked.unmarked()).isEmpty();
        assertThat(marked.wrong()).isEmpty();

        RepeatsFound wrong = rules.repeatOf(nil("pk-zone", "2021-01-08", "2021-01-10", new DuplicateOf(first.id(), "why not")),
                "/0", List.of());
        assertThat(wrong.wrong()).containsExactly(new Violation("/0/duplicateOf/id", "names no nil report that this one repeats"
                + " (the same source, zone, reported area, from and to, recorded or earlier in this request): " + first.id()));
    }
}
