package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.catalog.Role;
import org.truce.privacy.Sealed;
import org.truce.record.Violation;
import org.truce.support.MemoryRecord;

/** The case rules against a record in memory: kinds and their statuses, dates, and erased personal data. */
class CaseRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2021, 1, 11);
    private MemoryRecord record;
    private CaseRules rules;
    private String detainee;

    @BeforeEach
    void aRecordWithTheKeepingBodiesAndOneDetaineeCase() {
        record = new MemoryRecord();
        record.source("icrc", Role.INTERNATIONAL_ORGANISATION);
        record.source("am-government", Role.PARTY);
        record.place("nk", "region", null, null);
        detainee = record.nextId();
        // in the ledger the terms are sealed (issue 16); the rules read them in clear, from the request
        record.add(opened(detainee, CaseKind.DETAINEE, "captured", "2021-01-05").sealed(new Sealed("bm9uY2U", "c2VhbGVk", "00"), null));
        rules = new CaseRules(record.cases(), record.figures());
    }

    @AfterEach
    void close() {
        record.close();
    }

    private static CaseFact.Opened opened(String id, CaseKind kind, String status, String date) {
        return new CaseFact.Opened(id, kind, "icrc", "nk", LocalDate.parse(date), status,
                List.of(new PartyTerm("am-government", "prisoner of war")), null, null);
    }

    private CaseFact.StatusChanged status(String id, String status, String date) {
        return new CaseFact.StatusChanged(id, detainee, CaseKind.DETAINEE, "nk", "icrc", status, LocalDate.parse(date), null);
    }

    @Test
    void a_case_opened_by_a_known_body_at_a_known_place_breaks_no_rule() {
        assertThat(rules.check(opened(record.nextId(), CaseKind.REMAINS, "recovered", "2021-01-10"), false, TODAY)).isEmpty();
    }

    @Test
    void a_case_naming_an_unknown_keeper_place_and_party_is_told_each() {
        var c = new CaseFact.Opened(record.nextId(), CaseKind.DETAINEE, "nobody", "atlantis", LocalDate.of(2021, 1, 10), "held",
                List.of(new PartyTerm("az-government", "detainee")), null, null);

        assertThat(rules.check(c, false, TODAY)).containsExactly(
                new Violation("/source", "unknown source: nobody"),
                new Violation("/place", "unknown place: atlantis"),
                new Violation("/terms/0/party", "unknown source: az-government"));
    }

    @Test
    void a_status_belongs_to_the_kind_of_the_case() {
        assertThat(rules.check(opened(record.nextId(), CaseKind.DETAINEE, "found", "2021-01-10"), false, TODAY)).containsExactly(
                new Violation("/status", "must be one of [captured, held, exchanged, released] for a detainee case"));
    }

    @Test
    void a_missing_persons_case_is_opened_as_reported() {
        assertThat(rules.check(opened(record.nextId(), CaseKind.MISSING, "traced", "2021-01-10"), false, TODAY)).containsExactly(
                new Violation("/status", "a missing person's case is opened as reported"));
    }

    @Test
    void a_case_reaches_each_status_once_and_a_retry_of_the_same_entry_is_no_second_arrival() {
        String held = record.nextId();
        record.add(status(held, "held", "2021-01-06"));

        assertThat(rules.check(status(record.nextId(), "held", "2021-01-07"), false, TODAY)).containsExactly(
                new Violation("/status", "the case already reached held"));
        assertThat(rules.check(status(held, "held", "2021-01-06"), false, TODAY)).isEmpty();
    }

    @Test
    void a_status_is_dated_between_the_opening_of_the_case_and_today() {
        assertThat(rules.check(status(record.nextId(), "held", "2021-01-04"), false, TODAY)).containsExactly(
                new Violation("/date", "must not be before the case was opened (2021-01-05)"));
        assertThat(rules.check(status(record.nextId(), "held", "2021-01-12"), false, TODAY)).containsExactly(
                new Violation("/date", "must lie between 1900-01-01 and today (2021-01-11)"));
    }

    @Test
    void an_erased_case_takes_no_new_personal_data_and_is_erased_once() {
        String erasure = record.nextId();
        record.add(new CaseFact.Erased(erasure, detainee, "request of the family"));

        assertThat(rules.check(status(record.nextId(), "held", "2021-01-06"), true, TODAY)).containsExactly(
                new Violation("/personal", "the case's personal data was erased; none can be added"));
        assertThat(rules.check(status(record.nextId(), "held", "2021-01-06"), false, TODAY)).isEmpty();
        assertThat(rules.check(new CaseFact.Erased(record.nextId(), detainee, "again"), false, TODAY)).containsExactly(
                new Violation("", "the case's personal data was already erased by entry " + erasure));
    }
}
